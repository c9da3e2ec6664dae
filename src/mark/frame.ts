import { type FrameKind, frameKindOf } from '../lexicon/frame.ts';
import type { Span } from '../types.ts';

/** A paragraph of the frame around the plan (see lexicon/frame.ts): breadcrumbs, metadata, a notice, a signature. */
export interface FrameMark {
  readonly kind: FrameKind;
  readonly paragraph: number;
  readonly span: Span;
}

/** The frame kind of every paragraph that has one. */
export function markFrame(folded: string, paragraphs: readonly Span[]): FrameMark[] {
  const frame: FrameMark[] = [];
  paragraphs.forEach((span, paragraph) => {
    if (span.end - span.start > 240) return;
    const kind = frameKindOf(folded.slice(span.start, span.end));
    if (kind) frame.push({ kind, paragraph, span });
  });
  return frame;
}
