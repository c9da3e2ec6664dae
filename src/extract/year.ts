import { parseNumber } from '../numerals.ts';

export type YearSource = 'option' | 'title' | 'date-line' | 'text';

/** A four-digit year in a title: `2023年`, `（2023—2025年）`, `二〇二三年`. */
const titleYearRe = /(?<![\d〇○零一二三四五六七八九])(20\d{2}|19\d{2}|[二][〇○零][〇○零一二三四五六七八九]{2})(?=年|—|-|–|～|~)/;

/** A date line, as a document closes: `2023年3月17日`. */
const dateLineRe = /^(20\d{2}|19\d{2}|[二][〇○零][〇○零一二三四五六七八九]{2})年[\d一二三四五六七八九十]{1,2}月[\d一二三四五六七八九十]{1,3}日$/m;

/** Years used in running text: `2023年`, `2023届`. */
const textYearRe = /(?<!\d)(20\d{2}|19\d{2})(?=年|届)/g;

/**
 * The year a document is about, in order: the title, a date line, the year most often
 * written in the text (ties go to the later year). Null when the text names no year.
 */
export function inferDocumentYear(title: string | null, text: string): { year: number; source: YearSource } | null {
  const fromTitle = title ? titleYearRe.exec(title) : null;
  if (fromTitle) return { year: parseNumber(fromTitle[1] as string) as number, source: 'title' };
  const dateLine = dateLineRe.exec(text);
  if (dateLine) return { year: parseNumber(dateLine[1] as string) as number, source: 'date-line' };
  const counts = new Map<number, number>();
  textYearRe.lastIndex = 0;
  for (let match = textYearRe.exec(text); match; match = textYearRe.exec(text)) {
    const year = Number(match[1]);
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
