import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { createIcsEmitter, documentStamp, escapeText, foldLine, prodId, toIcs } from '../src/emit/ics.ts';
import { emitToString } from '../src/emit/types.ts';
import { extract } from '../src/pipeline.ts';
import { withStatus } from '../src/status.ts';
import { deadlineRows } from '../src/views/rows.ts';
import { seedText } from './helpers.ts';

const seedPath = 'seeds/shandong-2023-business-environment.txt';
const seed = extract(seedText, { path: seedPath });

/** Every VEVENT of a calendar, read by a real RFC 5545 parser (ical.js). */
function events(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((component) => ({ component, event: new ICAL.Event(component) })) };
}

describe('foldLine', () => {
  test('folds at 75 octets, continuation lines start with a space, and never splits a character', () => {
    const line = `SUMMARY:${'优化营商环境'.repeat(10)}𠀀${'a'.repeat(40)}`;
    const folded = foldLine(line);
    expect(folded.endsWith('\r\n')).toBe(true);
    const physical = folded.slice(0, -2).split('\r\n');
    expect(physical.length).toBeGreaterThan(2);
    for (const part of physical) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    for (const part of physical.slice(1)) expect(part.startsWith(' ')).toBe(true);
    // Unfolding (RFC 5545 §3.1) gives the line back: no character was cut in two.
    expect(physical.map((part, i) => (i === 0 ? part : part.slice(1))).join('')).toBe(line);
    expect(folded).not.toContain('\uFFFD');
  });

  test('leaves a short line alone', () => {
    expect(foldLine('BEGIN:VEVENT')).toBe('BEGIN:VEVENT\r\n');
  });
});

describe('escapeText', () => {
  test.each([
    ['省发展改革委、省财政局', '省发展改革委、省财政局'],
    ['A,B;C\\D', 'A\\,B\\;C\\\\D'],
    ['序号：1.1\n来源：a.txt:3:1', '序号：1.1\\n来源：a.txt:3:1'],
  ])('%j is written %j', (text, escaped) => {
    expect(escapeText(text)).toBe(escaped);
  });
});

describe('the calendar of the seed', () => {
  const text = toIcs([seed]);
  const { calendar, events: all } = events(text);
  const rows = deadlineRows(seed);

  test('is RFC 5545 text: CRLF line ends, no line over 75 octets, a PRODID and VERSION 2.0', () => {
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(calendar.getFirstPropertyValue('prodid')).toBe(prodId);
    expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
  });

  test('has 156 all-day events, one per dated deadline, each checked against its deadline', () => {
    expect(all).toHaveLength(156);
    const dated = rows.filter((row) => row.date !== null);
    all.forEach(({ component, event }, i) => {
      const row = dated[i];
      if (!row?.date) throw new Error(`no deadline for event ${i}`);
      expect(event.startDate.isDate).toBe(true);
      expect(event.startDate.toString()).toBe(row.date);
      const end = new Date(`${row.date}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 1);
      expect(event.endDate.toString()).toBe(end.toISOString().slice(0, 10));
      expect(event.summary).toBe(`${row.title}（${(row.leadUnits.length > 0 ? row.leadUnits : row.responsibleUnits).join('、')}）`);
      expect(event.description).toContain(`序号：${row.id}`);
      expect(event.description).toContain(`完成时限：${row.text}（${row.date}）`);
      expect(event.description).toContain(`来源：${seedPath}:${row.line}:${row.column}`);
      if (row.leadUnits.length > 0) expect(event.description).toContain(`牵头单位：${row.leadUnits.join('、')}`);
      expect(component.getFirstPropertyValue('categories')).toBe(row.domain);
      expect(component.getFirstPropertyValue('dtstamp')?.toString()).toBe('2023-01-01T00:00:00Z');
    });
  });

  test('gives every event its own UID, even a deadline written twice in one measure', () => {
    const uids = all.map(({ event }) => event.uid);
    expect(new Set(uids).size).toBe(156);
    expect(uids.every((uid) => /^[0-9a-f]{32}@policy-extract$/.test(uid))).toBe(true);
  });

  test('keeps UIDs and bytes for the same content, whatever the path', () => {
    const moved = toIcs([extract(seedText, { path: 'elsewhere/plan.txt' })]);
    const uids = (ics: string) => events(ics).events.map(({ event }) => event.uid);
    expect(uids(moved)).toEqual(uids(text));
    expect(toIcs([seed])).toBe(text);
  });

  test('changes the UIDs of the events whose content changed, and only those', () => {
    // Measure 8.15 has two deadlines, both 12月底前.
    const edited = seedText.replace('拓展金融服务应用', '拓展金融服务应用场景');
    expect(edited).not.toBe(seedText);
    const before = events(text).events.map(({ event }) => event.uid);
    const after = events(toIcs([extract(edited, { path: seedPath })])).events.map(({ event }) => event.uid);
    expect(after).toHaveLength(before.length);
    expect(after.filter((uid, i) => uid !== before[i])).toHaveLength(2);
  });
});

describe('DTSTAMP', () => {
  test('comes from the document: its issue date, else 1 January of its year, else the epoch', () => {
    expect(documentStamp({ issued: '2023-03-15', year: 2023 })).toEqual(new Date('2023-03-15T00:00:00Z'));
    expect(documentStamp({ issued: null, year: 2024 })).toEqual(new Date('2024-01-01T00:00:00Z'));
    expect(documentStamp({ issued: null, year: null })).toEqual(new Date(0));
  });

  test('can be given', () => {
    const text = toIcs([seed], { stamp: new Date('2024-05-06T07:08:09Z') });
    expect(text).toContain('DTSTAMP:20240506T070809Z\r\n');
  });
});

describe('calendar details', () => {
  const plan = [
    '某市数字政府建设任务清单',
    '一、基础设施',
    '1.建设城市大脑中枢平台，打通部门数据壁垒，推动“一网统管”。9月30日前完成一期建设。（责任单位：市大数据局,市公安局；配合单位：各区县政府）',
    '2.完善政务外网。（牵头单位：市大数据局；完成时限：长期坚持）',
  ].join('\n');
  const doc = extract(plan, { year: 2023, path: 'plan.txt' });

  test('an undated or ongoing deadline is no event; without lead units the summary names the responsible ones', () => {
    const { events: all } = events(toIcs([doc]));
    expect(all).toHaveLength(1);
    expect(all[0]?.event.summary).toMatch(/^建设城市大脑中枢平台.*（市大数据局、市公安局）$/);
    expect(all[0]?.event.description).toContain('配合单位：各区县政府');
  });

  test('with --as-of, the description says the status and the days left', () => {
    const { events: all } = events(toIcs([withStatus(doc, { asOf: '2023-09-20' })]));
    expect(all[0]?.event.description).toContain('状态：临期\n剩余天数：10');
  });

  test('streams with an emitter: a batch is one calendar', () => {
    const text = emitToString(createIcsEmitter({ name: '营商环境任务' }), [doc, seed]);
    const parsed = events(text);
    expect(parsed.events).toHaveLength(157);
    expect(parsed.calendar.getFirstPropertyValue('x-wr-calname')).toBe('营商环境任务');
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
  });
});
