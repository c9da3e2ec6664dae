import { describe, expect, test } from 'vitest';
import { lastDayOfMonth } from '../src/mark/deadlines/index.ts';
import { readDeadlines as extractDeadlines } from '../src/resolve/dates.ts';

describe('lastDayOfMonth', () => {
  test.each([
    [2023, 2, 28],
    [2024, 2, 29],
    [1900, 2, 28],
    [2000, 2, 29],
    [2023, 4, 30],
    [2023, 12, 31],
  ])('%i-%i ends on day %i', (year, month, day) => {
    expect(lastDayOfMonth(year, month)).toBe(day);
  });
});

describe('extractDeadlines', () => {
  test.each([
    ['6月底前，完成系统改造', 2023, '6月底前', 'month-end', '2023-06-30', ['year', 'day']],
    ['2月底前', 2024, '2月底前', 'month-end', '2024-02-29', ['year', 'day']],
    ['2025年2月底前', 2023, '2025年2月底前', 'month-end', '2025-02-28', ['day']],
    ['2023年10月底前完成', null, '2023年10月底前完成', 'month-end', '2023-10-31', ['day']],
    ['十二月底前', 2023, '十二月底前', 'month-end', '2023-12-31', ['year', 'day']],
    ['政策执行期至6月30日。', 2023, '至6月30日', 'date', '2023-06-30', ['year']],
    ['年底前完成', 2023, '年底前完成', 'year-end', '2023-12-31', ['year']],
    ['力争年内全省', 2023, '年内', 'year-end', '2023-12-31', ['year']],
    ['上半年', 2023, '上半年', 'half-year', '2023-06-30', ['year']],
    ['第三季度末', 2023, '第三季度末', 'quarter', '2023-09-30', ['year', 'day']],
    ['10月份', 2023, '10月份', 'month', '2023-10-31', ['year', 'day']],
    ['二〇二三年十一月底前', null, '二〇二三年十一月底前', 'month-end', '2023-11-30', ['day']],
  ])('reads %s (year %s) as %s, %s, %s', (text, year, expectedText, kind, date, inferred) => {
    const [found] = extractDeadlines(text, year);
    expect(found).toMatchObject({ text: expectedText, kind, date, inferred });
  });

  test('keeps a deadline without any year with a null date', () => {
    expect(extractDeadlines('6月底前', null)).toMatchObject([{ text: '6月底前', date: null, problem: 'year-unknown', month: 6 }]);
  });

  test('reports a day that does not exist', () => {
    expect(extractDeadlines('2月30日前', 2023)).toMatchObject([{ date: null, problem: 'invalid-date' }]);
  });

  test('finds every deadline in order with its span', () => {
    const text = '６月底前,编制完成清单.１２月底前,逐事项推进.';
    const found = extractDeadlines(
      text.replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0)),
      2023,
    );
    expect(found.map((d) => [d.text, d.span.start, d.date])).toEqual([
      ['6月底前', 0, '2023-06-30'],
      ['12月底前', 12, '2023-12-31'],
    ]);
  });

  test.each([
    ['2024年起施行', 'a start'],
    ['从2023年第一季度开始，每季度报送', 'a start'],
    ['每年12月底前报送', 'a yearly rhythm'],
    ['每季度末报送进展情况', 'a quarterly rhythm'],
    ['每月28日前报送', 'a monthly rhythm'],
  ])('reads no deadline in %s (%s)', (text) => {
    expect(extractDeadlines(text, 2023)).toEqual([]);
  });

  test('reads the end of a range, not its start', () => {
    expect(extractDeadlines('2021年5月1日至2022年4月30日实施', 2023).map((d) => [d.text, d.date])).toEqual([['至2022年4月30日', '2022-04-30']]);
  });

  test('reads a goal year as the year alone', () => {
    expect(extractDeadlines('到2025年，全市新增', 2023)).toMatchObject([{ text: '到2025年', kind: 'target-year', year: 2025, month: null, date: null }]);
  });

  test('resolves relative years from the year the document was written', () => {
    // A plan for 2023 issued in December 2022: its 明年 is 2023.
    expect(extractDeadlines('明年7月份建成', 2023, 2022).map((d) => d.date)).toEqual(['2023-07-31']);
  });

  test.each(['3年内完成', '3个工作日内', '较2020年增长', '近两年未申报', '持续推进落实用工服务专员制度', '12345热线', '第351号'])(
    'finds no deadline in %s',
    (text) => {
      expect(extractDeadlines(text, 2023)).toEqual([]);
    },
  );
});
