import { escapeHtml } from './escape.ts';

/**
 * One highlighted extent of the source: `[start, end)` in UTF-16 offsets of the text as read,
 * with the opening tag of its first fragment and the one of any continuation. Extents may
 * nest (a unit in a clause in a measure) or cross (a rough unit position running past its
 * clause); the renderer splits crossing extents into properly nested fragments, and only the
 * first fragment carries the machine-findable attributes, so that a selector counts each
 * field once.
 */
export interface Highlight {
  readonly start: number;
  readonly end: number;
  /** Nesting order for extents that start and end at the same place: smaller is outer. */
  readonly depth: number;
  readonly open: string;
  readonly cont: string;
}

interface Open {
  readonly highlight: Highlight;
  readonly end: number;
  started: boolean;
}

const outerFirst = (a: Open, b: Open): number => b.end - a.end || a.highlight.depth - b.highlight.depth;

/**
 * The text of `[from, to)` as HTML, escaped, with every highlight that overlaps it opened and
 * closed in place (`</span>` closes all of them). A highlight that began before `from` opens as a
 * continuation: this is how a chunk of a long document renders on its own.
 */
export function renderHighlighted(text: string, highlights: readonly Highlight[], from: number, to: number): string {
  const spans: Open[] = [];
  for (const highlight of highlights) {
    const start = Math.max(highlight.start, from);
    const end = Math.min(highlight.end, to);
    if (end > start) spans.push({ highlight, end, started: highlight.start < from });
  }
  const startOf = (span: Open): number => Math.max(span.highlight.start, from);
  spans.sort((a, b) => startOf(a) - startOf(b) || outerFirst(a, b));
  const boundaries = [...new Set([from, to, ...spans.flatMap((span) => [startOf(span), span.end])])].sort((a, b) => a - b);
  const out: string[] = [];
  const stack: Open[] = [];
  let next = 0;
  let position = from;
  for (const boundary of boundaries) {
    if (boundary > position) out.push(escapeHtml(text.slice(position, boundary)));
    position = boundary;
    const toOpen: Open[] = [];
    const firstEnding = stack.findIndex((span) => span.end <= boundary);
    if (firstEnding >= 0) {
      // Closing an extent closes everything opened inside it; those that go on reopen below.
      for (let i = stack.length - 1; i >= firstEnding; i--) {
        out.push('</span>');
        const span = stack[i] as Open;
        if (span.end > boundary) toOpen.push(span);
      }
      stack.length = firstEnding;
    }
    while (next < spans.length && startOf(spans[next] as Open) === boundary) toOpen.push(spans[next++] as Open);
    toOpen.sort(outerFirst);
    for (const span of toOpen) {
      out.push(span.started ? span.highlight.cont : span.highlight.open);
      span.started = true;
      stack.push(span);
    }
  }
  return out.join('');
}
