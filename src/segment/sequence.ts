import { type HeadingKind, topLevelKinds } from '../lexicon/numbering.ts';
import type { HeadingMark } from '../mark/index.ts';
import type { Span } from '../types.ts';

/** Headings the sequence check accepted, and unnumbered title lines that head a restarted list. */
export type AcceptedKind = HeadingKind | 'plain-title';

export interface AcceptedHeading {
  readonly kind: AcceptedKind;
  readonly label: string;
  readonly number: number | null;
  /** The label's span (for a plain title, its whole line). */
  readonly span: Span;
  readonly contentStart: number;
  readonly paragraph: number;
  readonly depth: number;
  /** The number the sequence expected here; differs from `number` on a gap. */
  readonly expected: number | null;
  readonly runIn: boolean;
  readonly prefix?: string | undefined;
}

/**
 * The usual rank of each numbering in a Chinese plan, outermost first: 第一部分, 壹、, 一、, （一）, 1.,
 * （1）, ①. Documents may nest them otherwise (a domain numbered `1.` above `（一）` items), so rank only
 * places an item that cannot be the first of a sub-list.
 */
const rank: Readonly<Record<AcceptedKind, number>> = {
  part: 0,
  'formal-comma': 1,
  'dash-title': 1,
  'plain-title': 1,
  'chinese-comma': 2,
  'chinese-paren': 3,
  'arabic-dot': 4,
  'arabic-comma': 4,
  'arabic-bare': 4,
  'table-row': 4,
  'arabic-paren': 5,
  circled: 6,
};

/** A short line without closing punctuation that may head a list (`重点任务`). */
export function isPlainTitle(folded: string, span: Span, wrapWidth: number): boolean {
  const text = folded.slice(span.start, span.end);
  return text.length >= 2 && text.length < Math.max(12, wrapWidth * 0.6) && !/[。；：:！？）)，、]$/.test(text) && !/^\d/.test(text) && !text.includes('\t');
}

/**
 * Accepts the numbered items that continue a sequence. An item's number must be the next one at
 * its level (a gap of up to two is accepted, and reported), or restart at 1 below an unnumbered
 * title line, or continue the document-wide count, or start a new level at 1. A run-in item
 * (not at its paragraph's start) must continue its level, or be the first item glued to a heading
 * or after a colon: a number in running text is rarely a heading.
 */
export function acceptHeadings(
  candidates: readonly HeadingMark[],
  folded: string,
  paragraphs: readonly Span[],
  wrapWidth: number,
  isHeadingParagraph: (paragraph: number) => boolean,
): AcceptedHeading[] {
  const accepted: AcceptedHeading[] = [];
  const stack: { kind: AcceptedKind; last: number }[] = [];
  const lastByKind = new Map<AcceptedKind, number>();
  let previousParagraph = -1;
  for (const mark of candidates) {
    const depthOfKind = stack.findIndex((entry) => entry.kind === mark.kind);
    const inStack = depthOfKind >= 0;
    const previousText = mark.paragraph > 0 ? (paragraphs[mark.paragraph - 1] as Span) : null;

    if (mark.number === null) {
      // An unnumbered title heading (dash title): short, no closing punctuation.
      if (mark.runIn) continue;
      const depth = inStack ? depthOfKind : stack.length;
      stack.length = depth;
      stack.push({ kind: mark.kind, last: 0 });
      accepted.push(accept(mark, depth, null));
      previousParagraph = mark.paragraph;
      continue;
    }

    const number = mark.number;
    const expected = inStack ? (stack[depthOfKind] as { last: number }).last + 1 : 1;
    const continuesDocument = !inStack && number === (lastByKind.get(mark.kind) ?? -1) + 1;
    const inSequence = number >= expected && number <= expected + 2;
    const plainTitleBefore =
      !mark.runIn &&
      previousText !== null &&
      mark.paragraph - 1 > previousParagraph &&
      !isHeadingParagraph(mark.paragraph - 1) &&
      isPlainTitle(folded, previousText, wrapWidth);
    const restart = inStack && number === 1 && plainTitleBefore;
    // An excerpt may open in the middle of a list (`（四）…`, `10.…`): the body's first item starts its level.
    const opensExcerpt = accepted.length === 0 && !mark.runIn;
    if (mark.runIn) {
      // Run in: the next number at its level, or a new level's first item.
      const continues = inStack && number >= expected && number <= expected + 1;
      const opens = !inStack && number === 1;
      if (!continues && !opens) continue;
    } else if (!inSequence && !continuesDocument && !restart && !opensExcerpt) continue;

    let depth: number;
    // Only a list of measures gets an unnumbered title above it; `一、` and `第一部分` head the document themselves.
    const titledList = plainTitleBefore && number === 1 && !inStack && stack.length === 0 && mark.kind !== 'chinese-comma' && !topLevelKinds.has(mark.kind);
    if (restart || titledList) {
      const plainDepth = stack.findIndex((entry) => entry.kind === 'plain-title');
      const titleDepth = plainDepth >= 0 ? plainDepth : inStack ? depthOfKind : stack.length;
      stack.length = titleDepth;
      stack.push({ kind: 'plain-title', last: 0 });
      const title = previousText as Span;
      accepted.push({
        kind: 'plain-title',
        label: '',
        number: null,
        span: title,
        contentStart: title.start,
        paragraph: mark.paragraph - 1,
        depth: titleDepth,
        expected: null,
        runIn: false,
      });
      depth = titleDepth + 1;
      stack.push({ kind: mark.kind, last: number });
    } else if (inStack) {
      depth = depthOfKind;
      stack.length = depth + 1;
      (stack[depth] as { last: number }).last = number;
    } else if (number !== 1 && !opensExcerpt) {
      // A new numbering that does not start at 1 is no sub-list of the item above: it goes on a list
      // of an outer level, above the first level that ranks at or below it (`三、` after an excerpt's `（六）`).
      const above = stack.findIndex((entry) => rank[entry.kind] >= rank[mark.kind]);
      depth = above >= 0 ? above : stack.length;
      stack.length = depth;
      stack.push({ kind: mark.kind, last: number });
    } else {
      depth = stack.length;
      stack.push({ kind: mark.kind, last: number });
    }
    lastByKind.set(mark.kind, number);
    const expectedHere = restart || continuesDocument || opensExcerpt ? number : expected;
    accepted.push(accept(mark, depth, expectedHere));
    previousParagraph = mark.paragraph;
  }
  return accepted;
}

function accept(mark: HeadingMark, depth: number, expected: number | null): AcceptedHeading {
  return {
    kind: mark.kind,
    label: mark.label,
    number: mark.number,
    span: mark.span,
    contentStart: mark.contentStart,
    paragraph: mark.paragraph,
    depth,
    expected,
    runIn: mark.runIn,
    prefix: mark.prefix,
  };
}
