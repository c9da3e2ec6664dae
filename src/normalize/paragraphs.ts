import { labelWordsLongestFirst } from '../lexicon/labels.ts';
import { matchHeading } from '../lexicon/numbering.ts';
import { foldScript } from '../lexicon/script.ts';
import { type MappedText, MappedTextBuilder } from '../text-map.ts';
import type { Span } from '../types.ts';
import { type NormalizedLine, type NormalizedText, startsWithClauseLabel, terminators } from './lines.ts';

/**
 * The document as paragraphs: the one text every later stage reads. In hard-wrapped (PDF) text
 * the lines of a paragraph are joined here, once for the whole document; in text with one
 * paragraph per line (web pages, Word) every line is a paragraph.
 */
export interface Paragraphs {
  /** The paragraphs, `\n` between them, mapped to the raw text. */
  readonly text: MappedText;
  /**
   * `text` in one script: each Traditional character folded to its simplified form (same length,
   * same offsets). Rules match this; names are sliced from `text`.
   */
  readonly folded: string;
  /** Each paragraph's span in `text`, in order; `\n` separates neighbours. */
  readonly spans: readonly Span[];
  /** True for hard-wrapped text (PDF extraction): where a paragraph starts is a decision here. */
  readonly hardWrapped: boolean;
  /** The usual length of a full line, for the title and heading checks that need it. */
  readonly wrapWidth: number;
}

const isLatinLetter = (code: number): boolean => (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);

/** `，` and `、`: a line ending in one goes on on the next. */
const continues = (code: number): boolean => code === 0xff0c || code === 0x3001;

/** A tab or a pipe: a table row, which is a paragraph of its own. */
function hasCellSeparator(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x09 || code === 0x7c || code === 0xff5c) return true;
  }
  return false;
}

/** Openers and closers of the brackets a clause is written in: `（…）`, `【…】`, `〔…〕`, `[…]`, `［…］`. */
const bracketOpeners = new Set([0xff08, 0x3010, 0x3014, 0x5b, 0xff3b]);
const bracketClosers = new Set([0xff09, 0x3011, 0x3015, 0x5d, 0xff3d]);

/**
 * How the brackets of `text[start, end)` change the depth `open` at its start: a closer without an
 * opener (the `）` of a `3）` label) closes nothing. A clause wraps in any of its bracket shapes
 * (`【牵头单位：A；` on one line, `责任单位：B】` on the next), so every shape counts.
 */
function parenthesisDepth(open: number, text: string, start: number, end: number): number {
  let depth = open;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (bracketOpeners.has(code)) depth++;
    else if (depth > 0 && bracketClosers.has(code)) depth--;
  }
  return depth;
}

/**
 * Whether the break between two lines of hard-wrapped text ends a paragraph: before a table row
 * or after one; after a short line without closing punctuation (a heading of its own); before a
 * clause label outside parentheses (`责任单位：`); before a numbered heading when the line before
 * closed a sentence or was short. Everywhere else the line wrapped at the page width.
 */
function endsParagraph(text: string, previous: NormalizedLine, next: NormalizedLine, wrapWidth: number, openParentheses: number, first: boolean): boolean {
  if (hasCellSeparator(text, previous.start, previous.end) || hasCellSeparator(text, next.start, next.end)) return true;
  const last = text.charCodeAt(previous.end - 1);
  // The first line is the title: it goes on only when it fills the page width, and never into a heading.
  if (
    first &&
    !terminators.has(last) &&
    (previous.end - previous.start < wrapWidth * 0.85 || matchHeading(text.slice(next.start, Math.min(next.end, next.start + 12))) !== null)
  )
    return true;
  const short = previous.end - previous.start < wrapWidth * 0.6;
  // A short line ends its paragraph: without closing punctuation it is a heading or a frame line of
  // its own (`湖北省人民政府办公厅`); with it, the paragraph's last line (`给你们，请认真贯彻落实。`).
  if (short && !continues(last)) return true;
  // A domain title (`配套措施———知识产权创造、保护和运用`) is a line of its own, however long.
  if (previous.end - previous.start <= 60 && matchHeading(text.slice(previous.start, previous.end))?.kind === 'dash-title') return true;
  const head = text.slice(next.start, Math.min(next.end, next.start + 12));
  if (openParentheses === 0 && startsWithClauseLabel(head)) return true;
  // A line that wrapped fills the page width; one that stops short of it ended where its author did:
  // before a numbered heading (the attachment's title, then `一、…`). A colon ends a paragraph
  // outside brackets (`各市人民政府，省政府各部门：`, `主要任务如下：`) unless it is a label's that wrapped
  // with its value on the next line (`责任单位：`, `（牵头单位：`).
  const filled = previous.end - previous.start >= wrapWidth * 0.85;
  if (last === 0xff1a && openParentheses === 0 && (!filled || !endsWithLabel(text, previous))) return true;
  return (terminators.has(last) || !filled) && !continues(last) && matchHeading(head) !== null;
}

/** The line ends with a field label and its colon (`责任单位：`), in either script. */
function endsWithLabel(text: string, line: NormalizedLine): boolean {
  const before = foldScript(text.slice(Math.max(line.start, line.end - 9), line.end - 1));
  return labelWordsLongestFirst.some((word) => before.endsWith(word));
}

/** How near a line's end a bracket left open, and how near the next line's start its closer, may stand for a clause broken in two. */
const wrapReach = 60;

/**
 * In text with one paragraph per line, a clause broken over two lines by a hard line break
 * (`…（牵头单位：省` / `政府办公厅；责任单位：省大数据局）`): the line leaves a bracket open near its end
 * and the next one closes it near its start, before opening any. Such lines are one paragraph.
 */
function bracketWrapsOnto(text: string, previous: NormalizedLine, next: NormalizedLine): boolean {
  let depth = 0;
  let lastOpen = -1;
  for (let i = previous.end - 1; i >= Math.max(previous.start, previous.end - wrapReach); i--) {
    const code = text.charCodeAt(i);
    if (bracketClosers.has(code)) depth++;
    else if (bracketOpeners.has(code)) {
      if (depth === 0) {
        lastOpen = i;
        break;
      }
      depth--;
    }
  }
  if (lastOpen < 0) return false;
  for (let i = next.start; i < Math.min(next.end, next.start + wrapReach); i++) {
    const code = text.charCodeAt(i);
    if (bracketOpeners.has(code)) return false;
    if (bracketClosers.has(code)) return true;
  }
  return false;
}

/** Joins the normalised lines into paragraphs (see `Paragraphs`). */
export function toParagraphs(normalized: NormalizedText): Paragraphs {
  const { text, lines, wrapWidth, hardWrapped } = normalized;
  const source = text.text;
  const builder = new MappedTextBuilder();
  const spans: Span[] = [];
  let paragraphStart = 0;
  let openParentheses = 0;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] as NormalizedLine;
    if (index > 0) {
      const previous = lines[index - 1] as NormalizedLine;
      openParentheses = parenthesisDepth(openParentheses, source, previous.start, previous.end);
      const ends = hardWrapped
        ? endsParagraph(source, previous, line, wrapWidth, openParentheses, index === 1)
        : openParentheses === 0 || !bracketWrapsOnto(source, previous, line);
      if (ends) {
        spans.push({ start: paragraphStart, end: builder.length });
        builder.insert('\n', text.toRaw(line.start));
        paragraphStart = builder.length;
        openParentheses = 0;
      } else if (isLatinLetter(builder.lastCharCode()) && isLatinLetter(source.charCodeAt(line.start))) {
        // Two Latin words broken across a line: one space between them.
        builder.insert(' ', text.toRaw(line.start));
      }
    }
    builder.copyFrom(text, line.start, line.end);
  }
  if (lines.length > 0) spans.push({ start: paragraphStart, end: builder.length });
  const joined = builder.build();
  return { text: joined, folded: foldScript(joined.text), spans, hardWrapped, wrapWidth };
}
