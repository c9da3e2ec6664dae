/** Calendar arithmetic for deadlines, in UTC so that no time zone moves a date. */

/** Last day of `month` (1–12) in `year`; February follows the leap-year rule (a table, not a Date: this runs per deadline). */
const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Gregorian leap year: every 4th year, but not every 100th, but every 400th. */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function lastDayOfMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (daysInMonth[month - 1] as number);
}

/** True when `day` exists in `month` of `year`. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

/** ISO 8601 calendar date, `2023-06-30`. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
