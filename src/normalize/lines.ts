import { CharClass } from '../char-class.ts';
import { clauseLabelWords } from '../lexicon/labels.ts';
import { matchHeading } from '../lexicon/numbering.ts';
import { foldScript } from '../lexicon/script.ts';
import { type MappedText, MappedTextBuilder } from '../text-map.ts';
import { isPageNumberLine, mayBeRunningHeader, pageOrContentsLineEndings, tableOfContentsRe } from './artefacts.ts';
import { isCjkContext, mapCharacters } from './characters.ts';

/** One kept line of the normalised text: `[start, end)` in `NormalizedText.text`. */
export interface NormalizedLine {
  readonly start: number;
  readonly end: number;
}

/**
 * The document after normalisation: canonical characters, PDF artefacts removed, blank
 * lines dropped, spaces inside Chinese text removed. Line breaks are kept (as `\n`), because
 * where a line starts is evidence for segmentation; `toParagraphs` joins them where they wrapped.
 */
export interface NormalizedText {
  readonly text: MappedText;
  readonly lines: readonly NormalizedLine[];
  /** The usual length of a full line: a line much shorter than it ended a paragraph. */
  readonly wrapWidth: number;
  /**
   * True for text hard-wrapped at a page width (PDF extraction): a line break is usually not a
   * paragraph break there. False for text with one paragraph per line (web pages, Word).
   */
  readonly hardWrapped: boolean;
  /** How many artefact lines were removed, by kind. */
  readonly removed: { readonly pageNumbers: number; readonly runningHeaders: number; readonly tableOfContents: number };
}

interface RawLine {
  /** Raw offsets of the trimmed content. */
  readonly start: number;
  readonly end: number;
}

const isSpace = (code: number): boolean => code === 0x20 || code === 0x09;
const isAsciiPrintable = (code: number): boolean => code > 0x20 && code < 0x7f;

/** Splits the mapped text into trimmed, non-blank lines; \r\n, \r and \n all end a line. */
function splitLines(mapped: string): { lines: RawLine[]; blank: number } {
  const lines: RawLine[] = [];
  let blank = 0;
  let lineStart = 0;
  const length = mapped.length;
  for (let i = 0; i <= length; i++) {
    const code = i < length ? mapped.charCodeAt(i) : 10;
    if (code !== 10 && code !== 13) continue;
    let start = lineStart;
    let end = i;
    while (start < end && isSpace(mapped.charCodeAt(start))) start++;
    while (end > start && isSpace(mapped.charCodeAt(end - 1))) end--;
    if (end > start) lines.push({ start, end });
    else blank++;
    if (code === 13 && mapped.charCodeAt(i + 1) === 10) i++;
    lineStart = i + 1;
  }
  return { lines, blank };
}

/**
 * Appends a line, dropping runs of spaces that PDF extraction put next to Chinese text
 * (`深化 “一次办好”`, `(牵头单位: 省大`). Spaces between Latin words and numbers stay.
 */
function appendLine(builder: MappedTextBuilder, mapped: string, line: RawLine): void {
  // Text is copied in maximal unchanged runs: one slice per run, not one per space.
  let keepStart = line.start;
  let i = line.start;
  while (i < line.end) {
    if (!isSpace(mapped.charCodeAt(i))) {
      i++;
      continue;
    }
    let spaceEnd = i;
    let tab = -1;
    for (; spaceEnd < line.end && isSpace(mapped.charCodeAt(spaceEnd)); spaceEnd++) if (tab < 0 && mapped.charCodeAt(spaceEnd) === 0x09) tab = spaceEnd;
    const before = mapped.charCodeAt(i - 1);
    const after = mapped.charCodeAt(spaceEnd);
    if (tab >= 0) {
      // Tabs separate table cells (a table saved as text): keep every one, so empty cells stay.
      builder.copy(mapped.slice(keepStart, i), keepStart);
      for (let j = tab; j < spaceEnd; j++) if (mapped.charCodeAt(j) === 0x09) builder.copy('\t', j);
      keepStart = spaceEnd;
    } else if (isAsciiPrintable(before) && isAsciiPrintable(after) && !isCjkContext(before) && !isCjkContext(after)) {
      // Between Latin words: keep one space.
      if (spaceEnd - i > 1) {
        builder.copy(mapped.slice(keepStart, i + 1), keepStart);
        keepStart = spaceEnd;
      }
    } else {
      builder.copy(mapped.slice(keepStart, i), keepStart);
      keepStart = spaceEnd;
    }
    i = spaceEnd;
  }
  builder.copy(mapped.slice(keepStart, line.end), keepStart);
}

/** Lines that repeat as page headers: the title again, or any short unpunctuated line seen three times or more. */
function findRunningHeaders(mapped: string, lines: readonly RawLine[]): Set<string> {
  const counts = new Map<string, number>();
  for (const line of lines) {
    // Cheap length check first: most lines are body text, far longer than a header.
    if (line.end - line.start > 60) continue;
    const raw = mapped.slice(line.start, line.end);
    const content = raw.includes(' ') ? raw.replace(/ /g, '') : raw;
    if (!mayBeRunningHeader(content)) continue;
    counts.set(content, (counts.get(content) ?? 0) + 1);
  }
  const headers = new Set<string>();
  const first = lines[0] ? mapped.slice(lines[0].start, lines[0].end).replace(/ /g, '') : '';
  if (counts.size === 0) return new Set();
  for (const [content, count] of counts) {
    if (count >= 3 || (count >= 2 && content === first)) headers.add(content);
  }
  return headers;
}

/** The value below which `fraction` of the line lengths fall; a histogram, since lengths are small integers. */
/** Line lengths above this count as this: only the shorter lengths matter. */
const percentileCap = 512;

function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const cap = percentileCap;
  // A plain array: a typed array per document costs an off-heap allocation, slower than the count.
  const counts: number[] = new Array<number>(cap + 1).fill(0);
  for (const value of values) {
    const bucket = Math.min(value, cap);
    counts[bucket] = (counts[bucket] as number) + 1;
  }
  const rank = Math.min(values.length - 1, Math.floor(values.length * fraction));
  let seen = 0;
  for (let length = 0; length <= cap; length++) {
    seen += counts[length] as number;
    if (seen > rank) return length;
  }
  return cap;
}

/** Normalises a raw document. Pure: the same raw text always gives the same result. */
export function normalize(raw: string): NormalizedText {
  const mapped = mapCharacters(raw);
  const { lines: rawLines, blank: blankLines } = splitLines(mapped);
  // Running headers are a page's: only hard-wrapped (PDF) text has pages. In web text a short line
  // seen three times is a table cell (`县卫健委`), and stays.
  const pdfPunctuation = pdfPunctuationRe.test(raw);
  const paged = isHardWrapped(
    mapped,
    rawLines,
    percentile(
      rawLines.map((line) => line.end - line.start),
      0.75,
    ),
    blankLines,
    pdfPunctuation,
  );
  const headers = paged ? findRunningHeaders(mapped, rawLines) : new Set<string>();
  const builder = new MappedTextBuilder();
  const lines: NormalizedLine[] = [];
  let pageNumbers = 0;
  let runningHeaders = 0;
  let tableOfContents = 0;
  let seenFirst = false;
  for (const line of rawLines) {
    // Artefact lines are short: only short lines are looked at, and only those that end as a
    // page number or a table-of-contents line does meet those patterns.
    const short = line.end - line.start <= 60;
    const mayBeNumbered = short && pageOrContentsLineEndings.has(mapped.charCodeAt(line.end - 1));
    const content = short && (mayBeNumbered || headers.size > 0) ? mapped.slice(line.start, line.end) : '';
    if (mayBeNumbered && isPageNumberLine(content)) {
      pageNumbers++;
      continue;
    }
    if (mayBeNumbered && tableOfContentsRe.test(content)) {
      tableOfContents++;
      continue;
    }
    const compact = headers.size > 0 && content.length > 0 ? content.replace(/ /g, '') : '';
    // The first line stays even when it repeats later as a header: it is the title.
    if (seenFirst && compact.length > 0 && headers.has(compact)) {
      runningHeaders++;
      continue;
    }
    if (lines.length > 0) builder.insert('\n', line.start);
    const start = builder.length;
    appendLine(builder, mapped, line);
    lines.push({ start, end: builder.length });
    seenFirst = true;
  }
  const lengths = lines.map((line) => line.end - line.start);
  const wrapWidth = percentile(lengths, 0.75);
  const text = builder.build();
  return {
    text,
    lines,
    wrapWidth,
    hardWrapped: isHardWrapped(text.text, lines, wrapWidth, blankLines, pdfPunctuation),
    removed: { pageNumbers, runningHeaders, tableOfContents },
  };
}

/**
 * Hard-wrapped text has many lines that fill the width and stop mid-sentence; text with one
 * paragraph per line ends most lines with punctuation, at any length.
 */
/**
 * An ASCII full stop between Chinese characters (`改革.加大`): PDF text extraction maps the ideographic
 * full stop so; web pages and Word files do not.
 */
const pdfPunctuationRe = /[\u4e00-\u9fff]\. ?[\u4e00-\u9fff“（(]/;

function isHardWrapped(text: string, lines: readonly NormalizedLine[], wrapWidth: number, blankLines: number, pdfPunctuation: boolean): boolean {
  // PDF extraction often leaves a blank line after every line, and so do pages copied from the web:
  // blank lines only lower the bar, the widths decide.
  const blankAfterEach = lines.length >= 2 && blankLines >= lines.length * 0.7;
  if (lines.length < 4 && !blankAfterEach) return false;
  // A wrapped line fills the page width, give or take a character or two, and stops mid-sentence
  // with the sentence going on below; web text has paragraphs of any length, so few of its lines
  // land on one width, and a line followed by a numbered item or a label did not wrap.
  let wrapped = 0;
  lines.forEach((line, index) => {
    // A page is wider than a table's cells: lines of a few characters never wrapped.
    if (wrapWidth < minimumWrapWidth) return;
    const length = line.end - line.start;
    if (length < wrapWidth * 0.85 || length > wrapWidth * 1.15 + 2) return;
    if (terminators.has(text.charCodeAt(line.end - 1)) || hasCellSeparator(text, line.start, line.end)) return;
    const next = lines[index + 1];
    const head = next ? text.slice(next.start, Math.min(next.end, next.start + 12)) : '';
    if (next && (matchHeading(head) !== null || startsWithClauseLabel(head))) return;
    wrapped++;
  });
  if (wrapped >= lines.length * (blankAfterEach ? 0.15 : 0.3)) return true;
  // A short PDF text has too few lines for widths to tell: a line broken mid-sentence, with the
  // PDF's full stops around it, does.
  if (!blankAfterEach || !pdfPunctuation) return false;
  const longest = lines.reduce((most, line) => Math.max(most, line.end - line.start), 0);
  return lines.slice(0, -1).some((line) => line.end - line.start >= Math.max(15, longest * 0.6) && !terminators.has(text.charCodeAt(line.end - 1)));
}

/** A clause label at the start of a line (`牵头单位：`, `完成时限：`), on folded text. */
const clauseLabelAtStartRe = new RegExp(`^(?:领域)?(?:${clauseLabelWords.join('|')})[：:]`);

/** Whether a line starts with a clause label, in either script (`牽頭單位：` too): in any text form such a line starts a paragraph. */
export function startsWithClauseLabel(head: string): boolean {
  return clauseLabelAtStartRe.test(foldScript(head));
}

/** Sentence and clause ends: a line ending in one of them may end a paragraph. */
export const terminators = new CharClass('。；！？）〕】]：”」….;!?:');

/** The narrowest page a hard-wrapped text is set on, in characters: a column of A4 holds 20 and more. */
const minimumWrapWidth = 16;

/** Whether `text` has a tab or a pipe between `start` and `end`: a table row, which never wraps (a bounded loop: indexOf would search on to the end of the text). */
function hasCellSeparator(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x09 || code === 0x7c || code === 0xff5c) return true;
  }
  return false;
}
