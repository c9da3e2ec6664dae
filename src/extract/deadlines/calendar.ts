/** Calendar arithmetic for deadlines, in UTC so that no time zone moves a date. */

/** Last day of `month` (1–12) in `year`: day 0 of the next month. February follows the leap-year rule. */
export function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `day` exists in `month` of `year`. */
export function isValidDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= lastDayOfMonth(year, month);
}

/** ISO 8601 calendar date, `2023-06-30`. */
export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
