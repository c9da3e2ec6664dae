import type { Deadline, Measure, PolicyDocument, Status } from './schema/index.ts';

/**
 * Status on a date (`--as-of`): how far each deadline is from a given day, and which tasks are
 * overdue or due soon. Pure: the as-of date is an argument, never the clock.
 */

export interface StatusOptions {
  /** The day the statuses refer to, ISO 8601 `YYYY-MM-DD`. */
  readonly asOf: string;
  /** A deadline at most this many days ahead is `due-soon` (default 14). */
  readonly dueSoonDays?: number;
}

export const defaultDueSoonDays = 14;

/** `YYYY-MM-DD`, digits only; whether the day exists is checked by `isoDay`. */
const isoDateRe = /^(\d{4})-(\d{2})-(\d{2})$/;

const millisecondsPerDay = 86_400_000;

/** Days since 1970-01-01 of an ISO date, or null when it is not one or the day does not exist (`2023-02-30`). */
export function isoDay(text: string): number | null {
  const match = isoDateRe.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const time = Date.UTC(year, month - 1, day);
  const check = new Date(time);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return time / millisecondsPerDay;
}

/** Whether `text` is a real calendar date written `YYYY-MM-DD` (what `--as-of` accepts). */
export function isIsoDate(text: string): boolean {
  return isoDay(text) !== null;
}

/** `to` minus `from`, in calendar days: `daysBetween('2023-07-01', '2023-06-30')` is -1. */
export function daysBetween(from: string, to: string): number {
  const start = isoDay(from);
  const end = isoDay(to);
  if (start === null || end === null) throw new RangeError(`daysBetween expects ISO dates YYYY-MM-DD, got \`${from}\` and \`${to}\``);
  return end - start;
}

export interface DeadlineStanding {
  readonly status: Status;
  readonly daysLeft?: number;
}

/**
 * Where one deadline stands on `asOf`. A duty that starts on a date (`2024年起`, kind `start`)
 * has no end, so it is `ongoing` like `长期坚持`, never overdue.
 */
export function deadlineStanding(deadline: Pick<Deadline, 'kind' | 'date'>, asOf: string, dueSoonDays = defaultDueSoonDays): DeadlineStanding {
  if (deadline.kind === 'ongoing' || deadline.kind === 'start') return { status: 'ongoing' };
  if (deadline.date === null) return { status: 'undated' };
  const daysLeft = daysBetween(asOf, deadline.date);
  if (daysLeft < 0) return { status: 'overdue', daysLeft };
  if (daysLeft <= dueSoonDays) return { status: 'due-soon', daysLeft };
  return { status: 'pending', daysLeft };
}

/** Most urgent first. */
const urgency: Record<Status, number> = { overdue: 0, 'due-soon': 1, pending: 2, ongoing: 3, undated: 4 };

/**
 * The most urgent of several standings: overdue before due-soon before pending before ongoing
 * before undated, and among equals the fewest days left. A measure without deadlines is `undated`.
 */
export function mostUrgent(standings: readonly DeadlineStanding[]): DeadlineStanding {
  let best: DeadlineStanding = { status: 'undated' };
  let first = true;
  for (const standing of standings) {
    const rank = urgency[standing.status] - urgency[best.status];
    if (first || rank < 0 || (rank === 0 && (standing.daysLeft ?? Number.POSITIVE_INFINITY) < (best.daysLeft ?? Number.POSITIVE_INFINITY))) {
      best = standing;
      first = false;
    }
  }
  return best;
}

const withStanding = <T extends object>(value: T, standing: DeadlineStanding): T & DeadlineStanding =>
  standing.daysLeft === undefined ? { ...value, status: standing.status } : { ...value, daysLeft: standing.daysLeft, status: standing.status };

/** A copy of the measure whose deadlines, and the measure itself, carry `daysLeft` and `status`. */
export function measureWithStatus(measure: Measure, asOf: string, dueSoonDays = defaultDueSoonDays): Measure {
  const standings = measure.deadlines.map((deadline) => deadlineStanding(deadline, asOf, dueSoonDays));
  const deadlines = measure.deadlines.map((deadline, i) => withStanding(deadline, standings[i] as DeadlineStanding));
  return withStanding({ ...measure, deadlines }, mostUrgent(standings));
}

/**
 * A copy of the document with `daysLeft` and `status` on every deadline and measure, and
 * `asOf` saying for which day and window. The input is not changed.
 */
export function withStatus(doc: PolicyDocument, options: StatusOptions): PolicyDocument {
  const dueSoonDays = options.dueSoonDays ?? defaultDueSoonDays;
  if (!isIsoDate(options.asOf)) throw new RangeError(`withStatus expects asOf as an ISO date YYYY-MM-DD, got \`${options.asOf}\``);
  if (!Number.isInteger(dueSoonDays) || dueSoonDays < 0) throw new RangeError(`withStatus expects dueSoonDays as a whole number ≥ 0, got ${dueSoonDays}`);
  return {
    ...doc,
    domains: doc.domains.map((domain) => ({ ...domain, measures: domain.measures.map((measure) => measureWithStatus(measure, options.asOf, dueSoonDays)) })),
    asOf: { date: options.asOf, dueSoonDays },
  };
}
