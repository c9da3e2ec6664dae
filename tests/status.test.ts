import { describe, expect, test } from 'vitest';
import { extract } from '../src/pipeline.ts';
import { DocumentSchema } from '../src/schema/index.ts';
import { daysBetween, deadlineStanding, isIsoDate, mostUrgent, withStatus } from '../src/status.ts';
import { seedText } from './helpers.ts';

const plan = [
  '某市优化营商环境重点任务分工方案',
  '一、提升政务服务效能',
  '1.推行惠企政策“免申即享”。6月底前，梳理可直接兑现的政策清单；12月底前，实现清单内政策线上兑现。（牵头单位：市政务服务管理局；责任单位：市财政局）',
  '2.建设企业诉求“直通车”平台。7月10日前上线运行。（牵头单位：市工业和信息化局）',
  '3.持续开展营商环境问题专项整治。（牵头单位：市纪委监委机关；完成时限：长期坚持）',
  '4.优化企业开办服务，推动开办事项集成办理。（牵头单位：市市场监管局）',
].join('\n');

describe('daysBetween', () => {
  test.each([
    ['2023-07-01', '2023-06-30', -1],
    ['2023-06-30', '2023-06-30', 0],
    ['2023-06-16', '2023-06-30', 14],
    ['2023-12-31', '2024-01-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2023-02-28', '2023-03-01', 1],
  ])('from %s to %s is %i days (UTC calendar arithmetic)', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  test.each([['2023-02-30'], ['2023-13-01'], ['2023-6-30'], ['20230630'], ['2023-06-30T00:00']])(
    'rejects %s, which is not a day written YYYY-MM-DD',
    (text) => {
      expect(isIsoDate(text)).toBe(false);
      expect(() => daysBetween(text, '2023-06-30')).toThrow(RangeError);
    },
  );
});

describe('deadlineStanding', () => {
  const monthEnd = { kind: 'month-end', date: '2023-06-30' } as const;
  test.each([
    ['2023-07-01', 14, { status: 'overdue', daysLeft: -1 }],
    ['2023-06-30', 14, { status: 'due-soon', daysLeft: 0 }],
    ['2023-06-16', 14, { status: 'due-soon', daysLeft: 14 }],
    ['2023-06-15', 14, { status: 'pending', daysLeft: 15 }],
    ['2023-06-15', 30, { status: 'due-soon', daysLeft: 15 }],
    ['2023-06-30', 0, { status: 'due-soon', daysLeft: 0 }],
  ] as const)('6月底前 of 2023 as of %s with a %i-day window', (asOf, window, expected) => {
    expect(deadlineStanding(monthEnd, asOf, window)).toEqual(expected);
  });

  test('an undated deadline is undated, and 长期坚持 and 2024年起 are ongoing, without daysLeft', () => {
    expect(deadlineStanding({ kind: 'month-end', date: null }, '2023-07-01')).toEqual({ status: 'undated' });
    expect(deadlineStanding({ kind: 'ongoing', date: null }, '2023-07-01')).toEqual({ status: 'ongoing' });
    expect(deadlineStanding({ kind: 'start', date: '2024-01-01' }, '2023-07-01')).toEqual({ status: 'ongoing' });
  });

  test('the most urgent of several is the overdue one, then the fewest days left', () => {
    expect(
      mostUrgent([
        { status: 'pending', daysLeft: 90 },
        { status: 'overdue', daysLeft: -3 },
        { status: 'overdue', daysLeft: -30 },
      ]),
    ).toEqual({
      status: 'overdue',
      daysLeft: -30,
    });
    expect(mostUrgent([{ status: 'undated' }, { status: 'ongoing' }, { status: 'pending', daysLeft: 40 }, { status: 'pending', daysLeft: 20 }])).toEqual({
      status: 'pending',
      daysLeft: 20,
    });
    expect(mostUrgent([])).toEqual({ status: 'undated' });
  });
});

describe('withStatus', () => {
  const doc = extract(plan, { year: 2023, path: 'plan.txt' });
  const measures = (d: typeof doc) => d.domains.flatMap((domain) => domain.measures);

  test('gives every deadline and measure its status on the date, and the measure the most urgent', () => {
    const dated = withStatus(doc, { asOf: '2023-07-01' });
    expect(dated.asOf).toEqual({ date: '2023-07-01', dueSoonDays: 14 });
    const [first, second, third, fourth] = measures(dated);
    expect(first?.deadlines.map((d) => [d.text, d.status, d.daysLeft])).toEqual([
      ['6月底前', 'overdue', -1],
      ['12月底前', 'pending', 183],
    ]);
    expect([first?.status, first?.daysLeft]).toEqual(['overdue', -1]);
    expect([second?.status, second?.daysLeft]).toEqual(['due-soon', 9]);
    expect([third?.status, third?.daysLeft]).toEqual(['ongoing', undefined]);
    expect([fourth?.status, fourth?.daysLeft, fourth?.deadlines]).toEqual(['undated', undefined, []]);
  });

  test('honours the due-soon window and never changes its input', () => {
    const before = JSON.stringify(doc);
    const second = measures(withStatus(doc, { asOf: '2023-07-01', dueSoonDays: 5 }))[1];
    expect([second?.status, second?.daysLeft]).toEqual(['pending', 9]);
    expect(JSON.stringify(doc)).toBe(before);
    expect(measures(doc)[0]).not.toHaveProperty('status');
  });

  test('keeps the document valid against the output contract', () => {
    expect(DocumentSchema.safeParse(withStatus(doc, { asOf: '2023-07-01' })).success).toBe(true);
    expect(DocumentSchema.safeParse(withStatus(extract(seedText), { asOf: '2023-09-01' })).success).toBe(true);
  });

  test('refuses an as-of date that is not a day, and a negative window', () => {
    expect(() => withStatus(doc, { asOf: '2023-06-31' })).toThrow(/ISO date/);
    expect(() => withStatus(doc, { asOf: '2023-07-01', dueSoonDays: -1 })).toThrow(/whole number/);
  });

  test('on the seed as of 2023-09-01: every dated deadline has daysLeft, and the statuses add up', () => {
    const seed = withStatus(extract(seedText, { path: 'seed.txt' }), { asOf: '2023-09-01' });
    const deadlines = measures(seed).flatMap((m) => m.deadlines);
    expect(deadlines).toHaveLength(156);
    expect(deadlines.every((d) => d.date !== null && Number.isInteger(d.daysLeft))).toBe(true);
    const count = (status: string) => deadlines.filter((d) => d.status === status).length;
    expect(count('overdue') + count('due-soon') + count('pending')).toBe(156);
    expect(deadlines.filter((d) => d.date === '2023-06-30').every((d) => d.status === 'overdue' && d.daysLeft === -63)).toBe(true);
    expect(deadlines.filter((d) => d.date === '2023-09-15').every((d) => d.status === 'due-soon')).toBe(true);
    expect(deadlines.filter((d) => d.date === '2023-12-31').every((d) => d.status === 'pending' && d.daysLeft === 121)).toBe(true);
  });
});
