import type { Marks } from '../mark/index.ts';
import { parseNumber } from '../numerals.ts';
import type { Front } from '../segment/front.ts';
import type { YearContext } from './dates.ts';

export type YearSource = 'option' | 'title' | 'date-line' | 'issue-date' | 'text';

/**
 * Taiwan dates documents in years of the Republic of China (民國紀年): year 1 is 1912, so `112年` is
 * 2023. Three digits from 100 (2011) to 149 (2060), the span of documents this tool will see; a
 * shorter number before `年` is a duration (`10年内`), not a year.
 */
export const rocYearPattern = '1[0-4]\\d';
export const rocYearOffset = 1911;

/** A four-digit year in a title: `2023年`, `（2023—2025年）`, `二〇二三年`; or a ROC year: `112年度`, `民國112年`. */
const titleYearRe = new RegExp(
  `(?<![\\d〇○零一二三四五六七八九])(?:(20\\d{2}|19\\d{2}|[二][〇○零][〇○零一二三四五六七八九]{2})(?=年|—|-|–|～|~)|(${rocYearPattern})(?=年))`,
);

/** A date line, as a document closes: `2023年3月17日`, or in ROC years `112年3月17日`. */
const dateLineRe = new RegExp(
  `^(?:(20\\d{2}|19\\d{2}|[二][〇○零][〇○零一二三四五六七八九]{2})|(?:中華民國|中华民国)?(${rocYearPattern}))年[\\d一二三四五六七八九十]{1,2}月[\\d一二三四五六七八九十]{1,3}日$`,
  'm',
);

/** Years used in running text: `2023年`, `2023届`, and ROC years only with their era name (`民國112年`). */
const textYearRe = new RegExp(`(?<!\\d)(20\\d{2}|19\\d{2})(?=年|届)|(?:民國|民国)(${rocYearPattern})(?=年)`, 'g');

/** The common-era year of a match of the patterns above: group 1 is a common-era year, group 2 a ROC one. */
function matchedYear(match: RegExpExecArray): number {
  return match[1] !== undefined ? (parseNumber(match[1]) as number) : Number(match[2]) + rocYearOffset;
}

/** A date as the frame writes it: `2023年4月13日`, `2023-07-11`, `二〇二三年四月十三日`, `中華民國112年3月17日`. */
const frameDateRe = new RegExp(
  `(?:(20\\d{2}|19\\d{2}|[二][〇○零][〇○零一二三四五六七八九]{2})|(?:中華民國|中华民国)?(${rocYearPattern}))年(\\d{1,2}|[一二三四五六七八九十]{1,2})月(\\d{1,3}|[一二三四五六七八九十]{1,3})日|(20\\d{2}|19\\d{2})-(\\d{1,2})-(\\d{1,2})`,
);

/** The ISO date a frame line states, or null. */
export function frameDate(line: string): string | null {
  const match = frameDateRe.exec(line);
  if (!match) return null;
  const year = match[1] !== undefined ? parseNumber(match[1]) : match[2] !== undefined ? Number(match[2]) + rocYearOffset : Number(match[5]);
  const month = parseNumber(match[3] ?? match[6] ?? '');
  const day = parseNumber(match[4] ?? match[7] ?? '');
  if (year === null || month === null || day === null || month < 1 || month > 12 || day < 1 || day > 31) return null;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Metadata labels that give the issue date (`发文日期`), before those of publication (`发布时间`). */
const issueLabelsRe = /^(?:【)?(?:成文日期|发文日期|印发日期)/;
const publicationLabelsRe = /^(?:【)?(?:发布时间|发布日期|公布日期|时间|日期|更新时间|更新日期)|^\d{4}-\d{1,2}-\d{1,2}/;

/**
 * When the document was written: the covering notice's date line, else a metadata issue date
 * (`发文日期 2023-01-03`), else a date line in the frame (a signature's), else the publication date
 * (`发布时间：…`). Lines are folded frame paragraphs in order, with their kind.
 */
export function findIssueDate(
  frame: readonly { readonly kind: string; readonly text: string; readonly inNotice: boolean }[],
): { date: string; from: 'notice' | 'metadata' | 'date-line' | 'publication' } | null {
  const pick = (from: 'notice' | 'metadata' | 'date-line' | 'publication', test: (line: (typeof frame)[number]) => boolean) => {
    for (const line of frame) {
      if (!test(line)) continue;
      const date = frameDate(line.text);
      if (date) return { date, from };
    }
    return null;
  };
  return (
    pick('notice', (line) => line.kind === 'date' && line.inNotice) ??
    pick('metadata', (line) => line.kind === 'metadata' && issueLabelsRe.test(line.text)) ??
    pick('date-line', (line) => line.kind === 'date') ??
    pick('publication', (line) => line.kind === 'metadata' && publicationLabelsRe.test(line.text))
  );
}

/**
 * The year a document is about, in order: the title, a date line, the issue date, the year most
 * often written in the text (ties go to the later year). Null when the text names no year.
 */
export function inferDocumentYear(
  title: string | null,
  text: string,
  issued: { date: string; from: 'notice' | 'metadata' | 'date-line' | 'publication' } | null,
): { year: number; source: YearSource } | null {
  const fromTitle = title ? titleYearRe.exec(title) : null;
  if (fromTitle) return { year: matchedYear(fromTitle), source: 'title' };
  // The covering notice's date, or the page's: when the document was issued.
  if (issued && issued.from !== 'date-line') return { year: Number(issued.date.slice(0, 4)), source: 'issue-date' };
  const dateLine = dateLineRe.exec(text);
  if (dateLine) return { year: matchedYear(dateLine), source: 'date-line' };
  const counts = new Map<number, number>();
  textYearRe.lastIndex = 0;
  for (let match = textYearRe.exec(text); match; match = textYearRe.exec(text)) {
    const year = matchedYear(match);
    counts.set(year, (counts.get(year) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestCount = 0;
  for (const [year, count] of counts) {
    if (count > bestCount || (count === bestCount && best !== null && year > best)) {
      best = year;
      bestCount = count;
    }
  }
  return best === null ? null : { year: best, source: 'text' };
}

/** The years a document's deadlines resolve in, and where they came from. */
export interface DocumentYears {
  readonly year: number | null;
  readonly source: YearSource | null;
  readonly issued: string | null;
  readonly context: YearContext;
}

/**
 * The document's year (--year, else its title, a date line, its issue date, the year most written)
 * and its issue date, from the frame that segmentation found. Relative years (`明年`) count from the
 * issue date's year when there is one: a plan for 2023 issued in December 2022 means 2023 by `明年`.
 */
export function resolveYears(marks: Marks, front: Front, optionYear: number | undefined): DocumentYears {
  const { folded } = marks.paragraphs;
  const frame = marks.frame.map((mark) => ({
    kind: mark.kind,
    text: folded.slice(mark.span.start, mark.span.end),
    inNotice: front.notice.has(mark.paragraph),
  }));
  const found = findIssueDate(frame);
  const issued = found?.date ?? null;
  const title = front.title ? folded.slice(front.title.start, front.title.end) : null;
  const inferred = optionYear === undefined ? inferDocumentYear(title, folded, found) : null;
  const year = optionYear ?? inferred?.year ?? null;
  const source: YearSource | null = optionYear !== undefined ? 'option' : (inferred?.source ?? null);
  return { year, source, issued, context: { documentYear: year, relativeBase: issued ? Number(issued.slice(0, 4)) : year } };
}
