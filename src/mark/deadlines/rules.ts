import { labels } from '../../lexicon/labels.ts';
import { parseNumber } from '../../numerals.ts';
import { rocYearOffset, rocYearPattern } from '../../resolve/year.ts';

/**
 * Deadline phrasings, one rule per family (chrono's parsers). A rule's pattern finds
 * candidates; `extract` turns the named groups into a deadline, or returns null ("not mine").
 * Patterns run on normalised text (ASCII digits, Chinese punctuation) with the `d` flag, so
 * every group has its own span. Year and month also accept Chinese numerals (`二〇二三年十二月底前`).
 */

export type DeadlineKind = 'month-end' | 'date' | 'year-end' | 'half-year' | 'quarter' | 'month' | 'start' | 'ongoing' | 'target-year';

/** What a rule reads from a match; the resolver fills the year and computes the date. */
export interface DeadlineParts {
  readonly kind: DeadlineKind;
  readonly year: number | null;
  /** The month and day the deadline ends on, when the phrase fixes them without a year. */
  readonly month: number | null;
  readonly day: number | null;
  /** True when the day is the month's last day, to be computed once the year is known. */
  readonly monthEnd: boolean;
  /** For a relative year (`明年6月底前`, `今年底前`): years after the year the document was written; undefined for none. */
  readonly yearOffset?: number | undefined;
}

export interface DeadlineRule {
  readonly id: string;
  readonly kind: DeadlineKind;
  readonly pattern: RegExp;
  /** Literals one of which every match contains: a cheap test before the pattern runs. */
  readonly requires: readonly string[];
  readonly extract: (groups: Readonly<Record<string, string | undefined>>) => DeadlineParts | null;
  /** Texts it must find (with the expected text and ISO date for the reference year 2023) and texts it must leave. */
  readonly examples: {
    readonly ok: ReadonlyArray<readonly [input: string, text: string, date: string | null]>;
    readonly notOk: readonly string[];
  };
}

/**
 * A year: four Arabic digits or four Chinese digits (`二〇二三`), or a Republic of China year as
 * Taiwan writes it (`112年`: 2023), not preceded by another digit; or a relative year word.
 */
const yearPart = `(?:(?<![\\d〇○零一二三四五六七八九])(?:(?<year>\\d{4}|[〇○零一二三四五六七八九]{4})|(?<rocYear>${rocYearPattern}))年|(?<relative>今年|本年|明年|次年))`;
/** A month, 1–12, Arabic or Chinese (`十二`); not preceded by a digit (so `112月` is not `12月`). */
const monthPart = '(?<month>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月';
/** A day, 1–31, Arabic or Chinese, then 日 (or 号, as it is also written: `6月30号前`). */
const dayPart = '(?<day>3[01]|[12]\\d|0?[1-9]|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])[日号號]';
/**
 * What a phrase that starts with a year or a month can start with: a digit, a Chinese digit or a
 * relative year word. As a lookahead at the front of a pattern it changes no match, but lets the
 * regex engine skip every other start position at once.
 */
const startsNumbered = '(?=[\\d〇○零一二三四五六七八九十今本明次])';

/** Not glued to a preceding number: `12月` must not be read as `2月`. */
const notAfterNumber = '(?<![\\d〇○零一二三四五六七八九十])';

/**
 * How a deadline label ends, with its colon (or closing bracket: `【完成时限】`): `完成时限：`, `完成时间：`,
 * `时间节点：`, `完成期限：`, Taiwan's `辦理期程：` and `預定完成日期：`. What follows one is a deadline,
 * however bare (`2023年`). The lexicon's deadline labels (`时限要求：`), and the time words other
 * labels end with (`截止时间：`, `办结日期：`); the rules run on the folded text, so simplified words
 * serve both scripts.
 */
const deadlineLabelWords = [
  ...new Set([...labels.filter((entry) => entry.role === 'deadline').map((entry) => entry.word), '时限', '时间', '节点', '期限', '期程', '日期']),
];
const deadlineLabelEnd = `(?:${deadlineLabelWords.join('|')})[：:】]`;

/** Words that say a duty has no end date (`长期坚持`), longest first; those that may also close a clause (`（…，持续推进）`). */
const ongoingWords = ['长期坚持', '長期堅持', '持续推进', '持續推進', '长期推进', '長期推進', '持续实施', '持續實施', '长期', '長期'];
const ongoingClosingWords = ongoingWords.slice(0, 6);

/** Years a relative year word adds to the reference year. */
const relativeYears: Readonly<Record<string, number>> = { 今年: 0, 本年: 0, 明年: 1, 次年: 1, 今: 0, 本: 0, 明: 1, 次: 1 };

function yearOffset(groups: Readonly<Record<string, string | undefined>>): number | undefined {
  const word = groups.relative ?? groups.relativeShort;
  return word === undefined ? undefined : (relativeYears[word] ?? 0);
}

function year(groups: Readonly<Record<string, string | undefined>>): number | null {
  if (groups.year !== undefined) return parseNumber(groups.year);
  return groups.rocYear === undefined ? null : Number(groups.rocYear) + rocYearOffset;
}

function month(groups: Readonly<Record<string, string | undefined>>): number | null {
  const value = groups.month === undefined ? null : parseNumber(groups.month);
  return value !== null && value >= 1 && value <= 12 ? value : null;
}

export const deadlineRules: readonly DeadlineRule[] = [
  {
    id: 'deadline/month-end',
    // Every match has the month's 月 (or 份) right before what closes it: 完成 alone is everywhere.
    requires: ['月底', '月末', '月内', '月完成', '份底', '份末', '份内', '份完成'],
    kind: 'month-end',
    /**
     * `6月底前`, `2023年10月底前完成`, `6月底完成`, `十二月末`, `6月内`, `6月完成`: by the month's end.
     * Leaves out `6月` alone (a month in running text) and `6月前` (before June or by June: ambiguous).
     */
    pattern: new RegExp(`${startsNumbered}(?:${yearPart})?${notAfterNumber}${monthPart}(?:份)?(?:[底末](?:前|以前|之前)?(?:完成)?|内(?:完成)?|完成)`, 'g'),
    extract: (groups) => {
      const m = month(groups);
      return m === null ? null : { kind: 'month-end', year: year(groups), month: m, day: null, monthEnd: true, yearOffset: yearOffset(groups) };
    },
    examples: {
      ok: [
        ['6月底前，完成', '6月底前', '2023-06-30'],
        ['明年3月底前', '明年3月底前', '2024-03-31'],
        ['6月内完成系统改造', '6月内完成', '2023-06-30'],
        ['2023年9月完成', '2023年9月完成', '2023-09-30'],
        ['今年9月底前', '今年9月底前', '2023-09-30'],
        ['2024年2月底前', '2024年2月底前', '2024-02-29'],
        ['2023年10月底前完成', '2023年10月底前完成', '2023-10-31'],
        ['6月底完成', '6月底完成', '2023-06-30'],
        ['十二月底前', '十二月底前', '2023-12-31'],
        ['二〇二三年十一月底前', '二〇二三年十一月底前', '2023-11-30'],
        ['113年3月底前完成', '113年3月底前完成', '2024-03-31'],
      ],
      notOk: ['13月底前', '6月份召开', '月底前', '6月召开', '6月前'],
    },
  },
  {
    id: 'deadline/month-part',
    kind: 'date',
    requires: ['旬'],
    /** `6月上旬前` (by the 10th), `6月中旬` (by the 20th), `6月下旬` (by the month's end). */
    pattern: new RegExp(`(?:${yearPart})?${notAfterNumber}${monthPart}(?<part>上|中|下)旬(?:前|以前|之前|末)?(?:完成)?`, 'g'),
    extract: (groups) => {
      const m = month(groups);
      if (m === null) return null;
      if (groups.part === '下') return { kind: 'month-end', year: year(groups), month: m, day: null, monthEnd: true, yearOffset: yearOffset(groups) };
      return { kind: 'date', year: year(groups), month: m, day: groups.part === '上' ? 10 : 20, monthEnd: false, yearOffset: yearOffset(groups) };
    },
    examples: {
      ok: [
        ['6月上旬前完成', '6月上旬前完成', '2023-06-10'],
        ['9月中旬', '9月中旬', '2023-09-20'],
        ['2月下旬', '2月下旬', '2023-02-28'],
      ],
      notOk: ['旬报'],
    },
  },
  {
    id: 'deadline/date',
    requires: ['日', '号', '號'],
    kind: 'date',
    /** `6月30日前`, `2023年6月30日前`, `至6月30日`. Leaves out a day without a month (`30日内`). */
    pattern: new RegExp(
      `(?:(?:截至|截止到|截止|至|到)(?=\\d|[〇○零一二三四五六七八九十]))?(?:${yearPart})?${notAfterNumber}${monthPart}${dayPart}(?:前|以前|之前|止)?(?:完成)?`,
      'g',
    ),
    extract: (groups) => {
      const m = month(groups);
      const d = groups.day === undefined ? null : parseNumber(groups.day);
      return m === null || d === null ? null : { kind: 'date', year: year(groups), month: m, day: d, monthEnd: false, yearOffset: yearOffset(groups) };
    },
    examples: {
      ok: [
        ['6月30日前', '6月30日前', '2023-06-30'],
        ['2023年6月30日前', '2023年6月30日前', '2023-06-30'],
        ['政策执行期至6月30日。', '至6月30日', '2023-06-30'],
        ['6月30号前完成', '6月30号前完成', '2023-06-30'],
        ['2月29日前', '2月29日前', null],
      ],
      notOk: ['30日内', '3个工作日内'],
    },
  },
  {
    id: 'deadline/year-end',
    requires: ['年底', '年末'],
    kind: 'year-end',
    /** `年底前`, `2023年底前`, `年末`. */
    // `2025年年底前` writes the year, then 年底 again.
    pattern: new RegExp(
      `(?=[\\d〇○零一二三四五六七八九今本明次年])(?:${yearPart}年?|(?<relativeShort>今|明|次|本)年|(?<![\\d〇○零一二三四五六七八九两几多十])年)[底末](?:前|以前|之前)?(?:完成)?`,
      'g',
    ),
    extract: (groups) => ({ kind: 'year-end', year: year(groups), month: 12, day: 31, monthEnd: false, yearOffset: yearOffset(groups) }),
    examples: {
      ok: [
        ['年底前完成', '年底前完成', '2023-12-31'],
        ['2024年底前', '2024年底前', '2024-12-31'],
        ['二〇二四年底前', '二〇二四年底前', '2024-12-31'],
        ['明年底前', '明年底前', '2024-12-31'],
        ['2025年年底前完成', '2025年年底前完成', '2025-12-31'],
        ['明年年底前', '明年年底前', '2024-12-31'],
      ],
      notOk: ['3年底', '较年初'],
    },
  },
  {
    id: 'deadline/within-year',
    requires: ['年内', '全年'],
    kind: 'year-end',
    /** `年内`, `2023年内`, `全年`: within the year, by its end. Leaves out `3年内` and `两年内` (a duration). */
    pattern: new RegExp(`(?:${yearPart}|(?<![\\d〇○零一二三四五六七八九两几多十每近])年)内|全年`, 'g'),
    extract: (groups) => ({ kind: 'year-end', year: year(groups), month: 12, day: 31, monthEnd: false, yearOffset: yearOffset(groups) }),
    examples: {
      ok: [
        ['力争年内全省', '年内', '2023-12-31'],
        ['全年新增上市公司30家', '全年', '2023-12-31'],
        ['2024年内完成', '2024年内', '2024-12-31'],
        ['明年内', '明年内', '2024-12-31'],
      ],
      notOk: ['3年内', '两年内', '近年内'],
    },
  },
  {
    id: 'deadline/year-done',
    requires: ['年完成'],
    kind: 'year-end',
    /** `2024年完成`, `明年完成`: done within that year, by its end. Leaves out `3年完成` (a duration) and comparisons (`较2022年完成额`). */
    pattern: new RegExp(`(?=[\\d〇○零一二三四五六七八九今本明次])(?<![较比])${yearPart}完成`, 'g'),
    extract: (groups) => ({ kind: 'year-end', year: year(groups), month: 12, day: 31, monthEnd: false, yearOffset: yearOffset(groups) }),
    examples: {
      ok: [
        ['（省发展改革委牵头，2024年完成）', '2024年完成', '2024-12-31'],
        ['明年完成全部改造', '明年完成', '2024-12-31'],
      ],
      notOk: ['3年完成', '用两年完成', '较2022年完成额增长10%'],
    },
  },
  {
    id: 'deadline/half-year',
    requires: ['半年'],
    kind: 'half-year',
    /** `上半年` (by 30 June), `下半年` (by 31 December). */
    pattern: new RegExp(`(?:${yearPart})?(?<half>上|下)半年`, 'g'),
    extract: (groups) =>
      groups.half === '上'
        ? { kind: 'half-year', year: year(groups), month: 6, day: 30, monthEnd: false, yearOffset: yearOffset(groups) }
        : { kind: 'half-year', year: year(groups), month: 12, day: 31, monthEnd: false, yearOffset: yearOffset(groups) },
    examples: {
      ok: [
        ['上半年完成', '上半年', '2023-06-30'],
        ['2024年下半年', '2024年下半年', '2024-12-31'],
        ['明年上半年', '明年上半年', '2024-06-30'],
      ],
      notOk: ['半年一次'],
    },
  },
  {
    id: 'deadline/quarter',
    requires: ['季度'],
    kind: 'quarter',
    /** `一季度`, `第三季度末`, `2023年第四季度`: by the quarter's last day. */
    pattern: new RegExp(`(?:${yearPart})?第?(?<quarter>[一二三四1-4])季度(?:末|底)?(?:前)?`, 'g'),
    extract: (groups) => {
      const quarter = parseNumber(groups.quarter ?? '');
      if (quarter === null || quarter < 1 || quarter > 4) return null;
      return { kind: 'quarter', year: year(groups), month: quarter * 3, day: null, monthEnd: true, yearOffset: yearOffset(groups) };
    },
    examples: {
      ok: [
        ['一季度', '一季度', '2023-03-31'],
        ['第三季度末', '第三季度末', '2023-09-30'],
        ['明年一季度', '明年一季度', '2024-03-31'],
      ],
      notOk: ['季度报告'],
    },
  },
  {
    id: 'deadline/month',
    requires: ['月份'],
    kind: 'month',
    /** `10月份`: during the month, so by its last day. */
    pattern: new RegExp(`(?:${yearPart})?${notAfterNumber}${monthPart}份(?![底末])`, 'g'),
    extract: (groups) => {
      const m = month(groups);
      return m === null ? null : { kind: 'month', year: year(groups), month: m, day: null, monthEnd: true, yearOffset: yearOffset(groups) };
    },
    examples: { ok: [['10月份召开', '10月份', '2023-10-31']], notOk: ['10月份底前'] },
  },
  {
    id: 'deadline/start',
    requires: ['起', '开始', '開始'],
    kind: 'start',
    /**
     * `2024年起`, `自2024年1月1日起`, `从2023年第一季度开始`: when a duty starts. Recognised so that no
     * deadline rule reads the date inside it; a start is not a deadline, and the finder drops it.
     */
    pattern: new RegExp(`(?:自|从|從)?${yearPart}(?:${monthPart}(?:${dayPart})?|第?(?<quarter>[一二三四1-4])季度|(?<half>上|下)半年)?(?:起|开始|開始)`, 'g'),
    extract: (groups) => {
      const y = year(groups);
      const m = groups.month === undefined ? 1 : month(groups);
      const d = groups.day === undefined ? 1 : parseNumber(groups.day);
      return m === null || d === null ? null : { kind: 'start', year: y, month: m, day: d, monthEnd: false, yearOffset: yearOffset(groups) };
    },
    examples: {
      ok: [
        ['2024年起施行', '2024年起', '2024-01-01'],
        ['自2024年3月1日起', '自2024年3月1日起', '2024-03-01'],
        ['从2023年第一季度开始，每季度报送', '从2023年第一季度开始', '2023-01-01'],
      ],
      notOk: ['起草'],
    },
  },
  {
    id: 'deadline/target-year',
    requires: ['到', '至'],
    kind: 'target-year',
    /**
     * `到2025年，基本建成…`: a goal's horizon, the year and nothing finer. Its month stays null: the plan
     * names no month. Leaves out `到2025年底` (a year end) and `到2025年6月` (the month rules).
     */
    pattern: new RegExp(
      `(?:到|至)(?:(?<year>\\d{4}|[〇○零一二三四五六七八九]{4})|(?<rocYear>${rocYearPattern}))年(?![底末内初前中上下第\\d〇一二三四五六七八九十])`,
      'g',
    ),
    extract: (groups) => ({ kind: 'target-year', year: year(groups), month: null, day: null, monthEnd: false }),
    examples: {
      ok: [
        ['到2015年，基本解决饮水问题', '到2015年', null],
        ['到2025年，全市新增', '到2025年', null],
      ],
      notOk: ['到2022年底，建成', '到2023年6月底前'],
    },
  },
  {
    id: 'deadline/month-done',
    requires: ['建成', '投入使用', '投用', '竣工', '完工', '上线', '通车', '交付'],
    kind: 'month-end',
    /** `9月投入使用`, `明年7月建成`: a month and what is done in it, by its end. Leaves out `6月召开` (an event in the month). */
    pattern: new RegExp(`${startsNumbered}(?:${yearPart})?${notAfterNumber}${monthPart}(?:份)?(?=建成|投入使用|投用|竣工|完工|上线|通车|交付)`, 'g'),
    extract: (groups) => {
      const m = month(groups);
      return m === null ? null : { kind: 'month-end', year: year(groups), month: m, day: null, monthEnd: true, yearOffset: yearOffset(groups) };
    },
    examples: {
      ok: [
        ['力争9月投入使用', '9月', '2023-09-30'],
        ['2024年6月建成', '2024年6月', '2024-06-30'],
      ],
      notOk: ['6月召开推进会'],
    },
  },
  {
    id: 'deadline/ongoing',
    requires: ['长期', '持续', '長期', '持續'],
    kind: 'ongoing',
    /**
     * `长期坚持`, `持续推进` as a deadline: after a deadline label, alone in a table cell (between
     * tabs, or last in the row), or closing a clause. Not the verb in running text. (Rules run on
     * windows that reach 12 characters past the trigger, so `$` is only ever the text's real end.)
     */
    pattern: new RegExp(
      `(?<=${deadlineLabelEnd})(?:${ongoingWords.join('|')})|(?<=\\t)(?:${ongoingWords.join('|')})(?=\\t|\\n|$)|(?:${ongoingClosingWords.join('|')})(?=[）)】〕\\]］；;])`,
      'g',
    ),
    extract: () => ({ kind: 'ongoing', year: null, month: null, day: null, monthEnd: false }),
    examples: {
      ok: [
        ['（牵头单位：省财政厅；完成时限：长期坚持）', '长期坚持', null],
        ['（省商务厅牵头，持续推进）', '持续推进', null],
        ['〔市教育局牵头，长期坚持〕', '长期坚持', null],
        ['[县财政局牵头,持续推进]', '持续推进', null],
        ['完善信用监管\t市市场监管局\t\t長期堅持', '長期堅持', null],
      ],
      notOk: ['持续推进落实用工服务专员制度', '\t长期坚持推进改革'],
    },
  },
  {
    id: 'deadline/labelled-month',
    kind: 'month-end',
    requires: deadlineLabelWords,
    /** `完成时限：2023年12月`: a month after a deadline label means by its end. Leaves out `6月` in running text. */
    // Not `6月前`: before June or by June, as authors differ; it is left out everywhere.
    pattern: new RegExp(`(?<=${deadlineLabelEnd})(?:${yearPart})?${monthPart}(?![底末份旬前\\d〇一二三四五六七八九十])`, 'g'),
    extract: (groups) => {
      const m = month(groups);
      return m === null ? null : { kind: 'month-end', year: year(groups), month: m, day: null, monthEnd: true, yearOffset: yearOffset(groups) };
    },
    examples: {
      ok: [
        ['（完成时限：2023年12月）', '2023年12月', '2023-12-31'],
        ['完成时间：6月', '6月', '2023-06-30'],
        ['（主辦機關：資訊局；辦理期程：113年12月）', '113年12月', '2024-12-31'],
        ['完成期限：2024年6月', '2024年6月', '2024-06-30'],
        ['（牵头单位：市商务局；时限要求：2024年3月）', '2024年3月', '2024-03-31'],
      ],
      notOk: ['6月召开会议', '完成时限：6月底前', '（牵头单位：市商务局；完成时限：6月前）'],
    },
  },
  {
    id: 'deadline/labelled-year',
    requires: deadlineLabelWords,
    kind: 'year-end',
    /** `完成时限：2023年`, `完成时限：二〇二三年`: a bare year after a deadline label means by its end. */
    pattern: new RegExp(
      `(?<=${deadlineLabelEnd})(?:(?<year>\\d{4}|[〇○零一二三四五六七八九]{4})|(?<rocYear>${rocYearPattern}))年(?![\\d〇○零一二三四五六七八九十底末内上下第起])`,
      'g',
    ),
    extract: (groups) => ({ kind: 'year-end', year: year(groups), month: 12, day: 31, monthEnd: false }),
    examples: {
      ok: [
        ['完成时限：二〇二三年）', '二〇二三年', '2023-12-31'],
        ['完成時限：113年）', '113年', '2024-12-31'],
        ['时间节点：2024年）', '2024年', '2024-12-31'],
      ],
      notOk: ['力争2023年全省'],
    },
  },
  {
    id: 'deadline/cell-month',
    kind: 'month-end',
    requires: ['\t'],
    /**
     * A month that fills a table cell (`…⇥2024年6月⇥`, or last in the row): the deadline column of a
     * table saved as text, by the month's end. The whole cell, so a task cell that starts `6月召开…` is left alone.
     */
    pattern: new RegExp(`(?<=\\t)(?:${yearPart})?${monthPart}(?=\\t|\\n|$)`, 'g'),
    extract: (groups) => {
      const m = month(groups);
      return m === null ? null : { kind: 'month-end', year: year(groups), month: m, day: null, monthEnd: true, yearOffset: yearOffset(groups) };
    },
    examples: {
      ok: [
        ['推进一网通办\t市大数据局\t2024年6月', '2024年6月', '2024-06-30'],
        ['推进一网通办\t12月\t市大数据局', '12月', '2023-12-31'],
      ],
      notOk: ['\t6月召开推进会\t市大数据局'],
    },
  },
  {
    id: 'deadline/cell-year',
    kind: 'year-end',
    requires: ['\t'],
    /** A year that fills a table cell (`…⇥2024年`): by the year's end. */
    pattern: new RegExp(`(?<=\\t)(?:(?<year>\\d{4}|[〇○零一二三四五六七八九]{4})|(?<rocYear>${rocYearPattern}))年(?=\\t|\\n|$)`, 'g'),
    extract: (groups) => ({ kind: 'year-end', year: year(groups), month: 12, day: 31, monthEnd: false }),
    examples: { ok: [['推行帮办代办\t市政务服务中心\t2024年', '2024年', '2024-12-31']], notOk: ['\t2024年全面推开\t市大数据局'] },
  },
];
