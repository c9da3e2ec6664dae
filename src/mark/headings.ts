import { CharClass, isHan } from '../char-class.ts';
import { type HeadingKind, matchHeading, startsNumbering } from '../lexicon/numbering.ts';
import type { Span } from '../types.ts';

/** A numbering label that may start an item: at a paragraph's start, or run in after a sentence or a clause. */
export interface HeadingMark {
  /** The label (`1.`, `（一）`, `配套措施———`). */
  readonly span: Span;
  /** Where the item's own text starts, after the label. */
  readonly contentStart: number;
  readonly kind: HeadingKind;
  readonly number: number | null;
  /** The label as written. */
  readonly label: string;
  readonly paragraph: number;
  /** True when it does not start its paragraph (`…完成。（责任部门：区府办）2.实现…`). */
  readonly runIn: boolean;
  /** For dash titles, the part before the dashes (`配套措施`). */
  readonly prefix?: string | undefined;
}

/** What may end the text before a run-in item: a sentence end, a closed clause, a colon. */
const runInAfter = new CharClass('。；！？）)】〕]：:');
/** Numbering kinds that run in; a bare number glued to text (`1持续`) never does: it reads as a quantity. */
const runInKinds: ReadonlySet<HeadingKind> = new Set(['chinese-comma', 'chinese-paren', 'arabic-dot', 'arabic-comma', 'arabic-paren', 'circled']);
/** Kinds whose first item may follow a heading's name directly: `一、对接市级平台1.实现…`. */
const gluedFirstKinds: ReadonlySet<HeadingKind> = new Set(['arabic-dot', 'arabic-comma', 'chinese-paren', 'arabic-paren']);
/** How far into a heading's name its first item may be glued. */
const gluedReach = 60;

/** Every heading candidate of the document, in text order; the sequence checks in segment/ accept or reject them. */
export function markHeadings(folded: string, text: string, paragraphs: readonly Span[], skip: (paragraph: number) => boolean): HeadingMark[] {
  const marks: HeadingMark[] = [];
  const at = (paragraph: number, start: number, end: number, runIn: boolean): HeadingMark | null => {
    const match = matchHeading(folded.slice(start, Math.min(end, start + 48)));
    if (!match) return null;
    if (runIn && !runInKinds.has(match.kind)) return null;
    // A run-in number must lead into text, not into another number (`。3、5月份`); enclosed and
    // Chinese numerals are labels whatever follows (`②6月底前上线`).
    const next = folded.charCodeAt(start + match.contentStart);
    if (runIn && (match.kind === 'arabic-dot' || match.kind === 'arabic-comma') && !isHan(next) && next !== 0x201c && next !== 0x300a) return null;
    return {
      span: { start, end: start + match.label.length },
      contentStart: start + match.contentStart,
      kind: match.kind,
      number: match.number,
      label: text.slice(start, start + match.label.length),
      paragraph,
      runIn,
      prefix: match.prefix,
    };
  };
  paragraphs.forEach((span, paragraph) => {
    if (skip(paragraph) || span.end === span.start) return;
    const first = at(paragraph, span.start, span.end, false);
    if (first) marks.push(first);
    for (let i = span.start + 1; i < span.end - 1; i++) {
      if (!runInAfter.has(folded.charCodeAt(i - 1))) continue;
      let start = i;
      while (start < span.end && folded.charCodeAt(start) === 0x20) start++;
      if (!startsNumbering(folded.charCodeAt(start))) continue;
      const mark = at(paragraph, start, span.end, true);
      if (mark) {
        marks.push(mark);
        i = mark.contentStart;
      }
    }
  });
  // `一、对接市级平台1.实现…`: a heading's name runs straight into its first item.
  const glued: HeadingMark[] = [];
  for (const mark of marks) {
    if (mark.kind !== 'chinese-comma' && mark.kind !== 'chinese-paren') continue;
    const paragraph = paragraphs[mark.paragraph] as Span;
    const limit = Math.min(paragraph.end, mark.contentStart + gluedReach);
    for (let i = mark.contentStart + 2; i < limit; i++) {
      const code = folded.charCodeAt(i);
      if (code === 0x3002 || code === 0xff1b) break;
      if (!isHan(folded.charCodeAt(i - 1)) || !startsNumbering(folded.charCodeAt(i))) continue;
      const candidate = at(mark.paragraph, i, paragraph.end, true);
      if (candidate && candidate.number === 1 && gluedFirstKinds.has(candidate.kind) && candidate.kind !== mark.kind) {
        glued.push(candidate);
        break;
      }
    }
  }
  return [...marks, ...glued].sort((a, b) => a.span.start - b.span.start);
}
