import { parseNumber } from '../numerals.ts';

export type YearSource = 'option' | 'title' | 'date-line' | 'text';

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

/**
 * The year a document is about, in order: the title, a date line, the year most often
 * written in the text (ties go to the later year). Null when the text names no year.
 */
export function inferDocumentYear(title: string | null, text: string): { year: number; source: YearSource } | null {
  const fromTitle = title ? titleYearRe.exec(title) : null;
  if (fromTitle) return { year: matchedYear(fromTitle), source: 'title' };
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
