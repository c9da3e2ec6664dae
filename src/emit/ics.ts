import { createHash } from 'node:crypto';
import type { PolicyDocument } from '../schema/index.ts';
import type { DeadlineRow } from '../schema/rows.ts';
import { deadlineRows } from '../views/rows.ts';
import { joiner, sourceText, statusNames } from './rows.ts';
import { emitToString, type TextEmitter, textEmitter } from './types.ts';

/**
 * The deadlines as a calendar (`--format ics`, RFC 5545): one all-day event per dated
 * deadline, which calendar programs import as a list of due dates.
 *
 * Deterministic: `UID` is a hash of what the event says (document title, measure id and task,
 * the deadline as written, its date, the units, and its rank among events that say the same),
 * never the path, the run or the clock, so importing a newer run updates the events instead of
 * doubling them. `DTSTAMP` comes from the document: its issue date, else 1 January of its
 * year, else 1970-01-01, at 00:00:00 UTC; pass `stamp` to use another.
 */

export interface IcsOptions {
  /** Labels inside DESCRIPTION: Chinese (default) or English. */
  readonly headers?: 'zh' | 'en';
  /** The DTSTAMP of every event, instead of the one derived from the document. */
  readonly stamp?: Date;
  /** The calendar's name (X-WR-CALNAME), shown by the programs that import it. */
  readonly name?: string;
}

export const prodId = '-//policy-extract//policy-extract ledger calendar//ZH';

/** RFC 5545 §3.1: content lines are at most 75 octets, excluding the line break. */
const maxLineOctets = 75;

/**
 * RFC 5545 §3.1: folds a content line after at most 75 octets, each continuation starting with
 * one space (which counts toward its 75). Cuts fall between characters, never inside the UTF-8
 * bytes of one (a Chinese character is 3 octets, an astral one 4).
 */
export function foldLine(line: string): string {
  let folded = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    if (octets + size > maxLineOctets) {
      folded += '\r\n ';
      octets = 1;
    }
    folded += char;
    octets += size;
  }
  return `${folded}\r\n`;
}

/** RFC 5545 §3.3.11: TEXT escapes backslash, semicolon, comma and line breaks. */
export function escapeText(text: string): string {
  return text.replace(/[\\;,]/g, (char) => `\\${char}`).replace(/\r\n|\r|\n/g, '\\n');
}

/** `2023-06-30` as a DATE value, `20230630`. */
const icsDate = (iso: string): string => iso.replaceAll('-', '');

/** The day after an ISO date: an all-day event ends (exclusively) the next day. */
function nextDay(iso: string): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

/** A UTC DATE-TIME, `20230101T000000Z`. */
const icsStamp = (date: Date): string => `${date.toISOString().slice(0, 19).replace(/[-:]/g, '')}Z`;

/** DTSTAMP from the document, not the clock: its issue date, else 1 January of its year, else the Unix epoch. */
export function documentStamp(doc: Pick<PolicyDocument, 'issued' | 'year'>): Date {
  if (doc.issued !== null) return new Date(`${doc.issued}T00:00:00Z`);
  if (doc.year !== null) return new Date(Date.UTC(doc.year, 0, 1));
  return new Date(0);
}

const labels = {
  zh: { id: '序号', lead: '牵头单位', responsible: '责任单位', supporting: '配合单位', deadline: '完成时限', source: '来源', status: '状态', days: '剩余天数' },
  en: {
    id: 'id',
    lead: 'lead units',
    responsible: 'responsible units',
    supporting: 'supporting units',
    deadline: 'deadline',
    source: 'source',
    status: 'status',
    days: 'days left',
  },
} as const;

/** The task and who leads it: `优化企业开办服务（省市场监管局）`; the responsible units when no lead is named. */
function summary(row: DeadlineRow): string {
  const units = row.leadUnits.length > 0 ? row.leadUnits : row.responsibleUnits;
  return units.length > 0 ? `${row.title}（${units.join(joiner)}）` : row.title;
}

function description(row: DeadlineRow, headers: 'zh' | 'en'): string {
  const label = labels[headers];
  const separator = headers === 'zh' ? '：' : ': ';
  const lines = [`${label.id}${separator}${row.id}`];
  if (row.leadUnits.length > 0) lines.push(`${label.lead}${separator}${row.leadUnits.join(joiner)}`);
  if (row.responsibleUnits.length > 0) lines.push(`${label.responsible}${separator}${row.responsibleUnits.join(joiner)}`);
  if (row.supportingUnits.length > 0) lines.push(`${label.supporting}${separator}${row.supportingUnits.join(joiner)}`);
  lines.push(`${label.deadline}${separator}${row.text}（${row.date}）`);
  if (row.status !== undefined) {
    lines.push(`${label.status}${separator}${statusNames[headers][row.status]}`);
    if (row.daysLeft !== undefined) lines.push(`${label.days}${separator}${row.daysLeft}`);
  }
  lines.push(`${label.source}${separator}${sourceText(row)}`);
  return lines.join('\n');
}

/** What an event says, without the path: the same content gives the same UID in any run. */
function contentKey(doc: PolicyDocument, row: DeadlineRow): string {
  return JSON.stringify([doc.title, row.id, row.title, row.text, row.date, row.leadUnits, row.responsibleUnits, row.supportingUnits]);
}

/** The VEVENTs of one document, in document order: one per dated deadline. */
export function renderEvents(doc: PolicyDocument, options: IcsOptions = {}): string {
  const headers = options.headers ?? 'zh';
  const stamp = icsStamp(options.stamp ?? documentStamp(doc));
  const seen = new Map<string, number>();
  let events = '';
  for (const row of deadlineRows(doc)) {
    if (row.date === null) continue;
    const key = contentKey(doc, row);
    // A measure may write the same deadline twice (`12月底前，…。12月底前，…`): its rank keeps the UIDs apart.
    const rank = seen.get(key) ?? 0;
    seen.set(key, rank + 1);
    const uid = createHash('sha256').update(`${key}#${rank}`).digest('hex').slice(0, 32);
    const lines = [
      'BEGIN:VEVENT',
      `UID:${uid}@policy-extract`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${icsDate(row.date)}`,
      `DTEND;VALUE=DATE:${icsDate(nextDay(row.date))}`,
      `SUMMARY:${escapeText(summary(row))}`,
      `DESCRIPTION:${escapeText(description(row, headers))}`,
      ...(row.domain === '' ? [] : [`CATEGORIES:${escapeText(row.domain)}`]),
      // A due date does not make anyone busy.
      'TRANSP:TRANSPARENT',
      'END:VEVENT',
    ];
    events += lines.map(foldLine).join('');
  }
  return events;
}

/** The calendar, streamed: the VCALENDAR head, each document's events, the end. */
export function createIcsEmitter(options: IcsOptions = {}): TextEmitter {
  const head = ['BEGIN:VCALENDAR', 'VERSION:2.0', `PRODID:${prodId}`, 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH'];
  if (options.name) head.push(`X-WR-CALNAME:${escapeText(options.name)}`);
  return textEmitter({
    head: head.map(foldLine).join(''),
    separator: () => '',
    tail: () => foldLine('END:VCALENDAR'),
    *render(doc) {
      yield renderEvents(doc, options);
    },
  });
}

/** The whole calendar of some documents in one string. */
export function toIcs(docs: Iterable<PolicyDocument>, options: IcsOptions = {}): string {
  return emitToString(createIcsEmitter(options), [...docs]);
}
