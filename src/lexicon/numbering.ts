import { CharClass } from '../char-class.ts';
import { chineseDigitChars, parseEnclosedNumber, parseNumber } from '../numerals.ts';

/**
 * The numbering styles of policy documents, as a table of small rules. Each rule reads the
 * start of one normalised line (ASCII digits, Chinese punctuation `（）、：`) and returns the
 * heading it starts, or null ("not mine"). Which style is a domain, a section or a measure is
 * decided later, from how the styles nest in the document; here a rule only recognises.
 */

export type HeadingKind =
  | 'part' // 第一部分 / 第一章
  | 'formal-comma' // 壹、 (Taiwan's top level, above 一、)
  | 'chinese-comma' // 一、
  | 'dash-title' // 配套措施———优化政务服务
  | 'chinese-paren' // （一） ㈠
  | 'arabic-dot' // 1. 1．
  | 'arabic-comma' // 1、
  | 'arabic-bare' // 1持续深化 (PDF text that lost the separator)
  | 'table-row' // 1<TAB>推进企业开办<TAB>县市场监管局 (a table saved as text)
  | 'arabic-paren' // （1）
  | 'circled'; // ①

export interface HeadingMatch {
  readonly kind: HeadingKind;
  /** The numbering as written, e.g. `（三）`, `3.`, `第一部分`. */
  readonly label: string;
  /** The number it stands for; null for unnumbered headings (dash titles). */
  readonly number: number | null;
  /** Offset in the line where the heading's own text starts, after the label. */
  readonly contentStart: number;
  /** For dash titles, the part before the dashes (`配套措施`). */
  readonly prefix?: string;
}

export interface HeadingRule {
  readonly id: string;
  readonly kind: HeadingKind;
  /** Characters a heading of this rule can start with; null when any can (dash titles). */
  readonly firstChars: string | null;
  /** Runs on the start of a line; returns the heading or null. */
  readonly match: (line: string) => HeadingMatch | null;
  /** Lines this rule must recognise (with the expected label and number) and lines it must not. */
  readonly examples: {
    readonly ok: ReadonlyArray<readonly [line: string, label: string, number: number | null]>;
    readonly notOk: readonly string[];
  };
}

/** Characters that, right after a number, make it a quantity or a date, not a list number: `60万个`, `9月底前`, `2%`, `9個` (Traditional). */
export const quantityChars =
  '年月日号%％万亿千百个项家条场人元届倍次天时分秒位名台所座户辆期批类种件份余多左余岁周度米吨亩公里平方立兆號萬億個項條場屆時戶輛類種餘歲週噸畝';

const quantityCharSet = new CharClass(quantityChars);

/** `第一部分`, `第二章`, `第3部分`: a top-level part. Leaves out `第一条` (articles of a regulation). */
export const partRe = new RegExp(`^第([${chineseDigitChars}]{1,4}|\\d{1,3})(部分|章|篇)[ 、：:]?`);

/** The formal numerals (大写数字) of `壹、` `貳、` `拾壹、`, and the ordinary numeral each stands for. */
const formalDigits: Readonly<Record<string, string>> = {
  壹: '一',
  贰: '二',
  貳: '二',
  叁: '三',
  參: '三',
  参: '三',
  肆: '四',
  伍: '五',
  陆: '六',
  陸: '六',
  柒: '七',
  捌: '八',
  玖: '九',
  拾: '十',
};

/** `壹、` `貳、` `拾壹、`: formal numeral and enumeration comma, the top level of Taiwan's plans (above `一、`). */
export const formalCommaRe = new RegExp(`^([${Object.keys(formalDigits).join('')}]{1,4})[、，.]`);

function parseFormalNumber(digits: string): number | null {
  return parseNumber([...digits].map((digit) => formalDigits[digit] ?? digit).join(''));
}

/** `一、` `十二、`: Chinese numeral and enumeration comma. Leaves out `一是` and `一、二类` after a wrapped line (the sequence check does that). */
export const chineseCommaRe = new RegExp(`^([${chineseDigitChars}]{1,4})[、，.。]`);

/** `配套措施———优化政务服务`: a prefix, two or more dashes, a name. The prefix is short and has no punctuation. */
export const dashTitleRe = /^([^—\-－–，。：；（）、“”]{2,12})[—\-－–]{2,6}([^—\-－–，。：；“”][^，。：；]{0,39})$/;

/** `（一）` `（十二）`: Chinese numeral in parentheses. */
export const chineseParenRe = new RegExp(`^（([${chineseDigitChars}]{1,4})）`);

/** `㈠`–`㈩`: parenthesised ideographs, the same rank as `（一）`. */
export const enclosedIdeographRe = /^([\u3220-\u3229])/;

/** `1.` `12.` `1000.`: number and dot, not a decimal (`1.5亿元`). Four digits, for ledgers past 999 rows. */
export const arabicDotRe = /^(\d{1,4})\.(?!\d)/;

/** `1、` `1000、`: number and enumeration comma. */
export const arabicCommaRe = /^(\d{1,4})、/;

/** `1持续深化`: a number glued to Chinese text (PDF extraction dropped the separator or the space). */
export const arabicBareRe = /^(\d{1,3})(?=[\u3400-\u9fff“《])/;

/** `1<TAB>`: the number cell of a table row saved as text. */
export const tableRowRe = /^(\d{1,3})\t/;

/** `（1）` `（12）`: number in parentheses. */
export const arabicParenRe = /^（(\d{1,3})）/;

/** `1）` `1)`: number and a closing parenthesis only, the same rank as `（1）`. */
export const arabicHalfParenRe = /^(\d{1,3})）/;

/** `⑴`–`⒇`: parenthesised numbers as one character, the same rank as `（1）`. */
export const parenthesisedDigitRe = /^([\u2474-\u2487])/;

/** `⒈`–`⒛`: numbers with a full stop as one character, the same rank as `1.`. */
export const digitFullStopRe = /^([\u2488-\u249b])/;

/** `①`–`⑳`: circled numbers. */
export const circledRe = /^([\u2460-\u2473])/;

function numbered(kind: HeadingKind, re: RegExp, parse: (digits: string) => number | null = parseNumber) {
  return (line: string): HeadingMatch | null => {
    const match = re.exec(line);
    if (!match) return null;
    const number = parse(match[1] as string);
    if (number === null || number === 0) return null;
    const label = match[0];
    // Only a bare number can be a quantity (`60万个`); after a delimiter (`七、人才流动`) it is a label.
    if (kind === 'arabic-bare' && quantityCharSet.has(line.charCodeAt(label.length))) return null;
    return { kind, label, number, contentStart: label.length };
  };
}

const asciiDigits = '0123456789';
const matchChineseParen = numbered('chinese-paren', chineseParenRe);
const matchEnclosedIdeograph = numbered('chinese-paren', enclosedIdeographRe, parseEnclosedNumber);

export const headingRules: readonly HeadingRule[] = [
  {
    id: 'heading/part',
    kind: 'part',
    firstChars: '第',
    match: numbered('part', partRe),
    examples: {
      ok: [
        ['第一部分 总体要求', '第一部分 ', 1],
        ['第三章重点任务', '第三章', 3],
      ],
      notOk: ['第一条 为了规范', '第351号令'],
    },
  },
  {
    id: 'heading/formal-comma',
    kind: 'formal-comma',
    firstChars: Object.keys(formalDigits).join(''),
    match: numbered('formal-comma', formalCommaRe, parseFormalNumber),
    examples: {
      ok: [
        ['壹、簡政便民', '壹、', 1],
        ['拾壹、其他', '拾壹、', 11],
        ['參、強化產業輔導', '參、', 3],
      ],
      notOk: ['壹萬元', '叁年內完成'],
    },
  },
  {
    id: 'heading/chinese-comma',
    kind: 'chinese-comma',
    firstChars: chineseDigitChars,
    match: numbered('chinese-comma', chineseCommaRe),
    examples: {
      ok: [
        ['一、优化政务服务', '一、', 1],
        ['十二、法治保障', '十二、', 12],
        ['七、人才流动', '七、', 7],
        ['三。优化市场环境', '三。', 3],
      ],
      notOk: ['一是加强领导', '一年内完成'],
    },
  },
  {
    id: 'heading/dash-title',
    kind: 'dash-title',
    firstChars: null,
    match: (line) => {
      const match = dashTitleRe.exec(line);
      if (!match) return null;
      const prefix = match[1] as string;
      return {
        kind: 'dash-title',
        label: line.slice(0, line.length - (match[2] as string).length),
        number: null,
        contentStart: line.length - (match[2] as string).length,
        prefix,
      };
    },
    examples: {
      ok: [
        ['配套措施———优化政务服务', '配套措施———', null],
        ['重点任务——纳税', '重点任务——', null],
      ],
      notOk: ['按照“标准规范——四级统一”要求，完成', '山东—名校人才直通车'],
    },
  },
  {
    id: 'heading/chinese-paren',
    kind: 'chinese-paren',
    firstChars: '（㈠㈡㈢㈣㈤㈥㈦㈧㈨㈩',
    match: (line) => matchChineseParen(line) ?? matchEnclosedIdeograph(line),
    examples: {
      ok: [
        ['（一）深化改革', '（一）', 1],
        ['（十一）优化服务', '（十一）', 11],
        ['㈢加强监管', '㈢', 3],
      ],
      notOk: ['（单位）编制', '（一号文件）'],
    },
  },
  {
    id: 'heading/arabic-dot',
    kind: 'arabic-dot',
    firstChars: asciiDigits,
    match: numbered('arabic-dot', arabicDotRe),
    examples: {
      ok: [
        ['1.持续深化改革', '1.', 1],
        ['12.优化服务', '12.', 12],
      ],
      notOk: ['1.5亿元用于', '2023.3'],
    },
  },
  {
    id: 'heading/arabic-comma',
    kind: 'arabic-comma',
    firstChars: asciiDigits,
    match: numbered('arabic-comma', arabicCommaRe),
    examples: { ok: [['3、推进数字化', '3、', 3]], notOk: ['3个工作日内'] },
  },
  {
    id: 'heading/arabic-paren',
    kind: 'arabic-paren',
    firstChars: '（',
    match: numbered('arabic-paren', arabicParenRe),
    examples: { ok: [['（2）强化应用', '（2）', 2]], notOk: ['（2023年）', '（IPO）'] },
  },
  {
    id: 'heading/arabic-half-paren',
    kind: 'arabic-paren',
    firstChars: asciiDigits,
    match: numbered('arabic-paren', arabicHalfParenRe),
    examples: {
      ok: [
        ['1）推进改革', '1）', 1],
        ['12）优化服务', '12）', 12],
      ],
      notOk: ['1推进改革）'],
    },
  },
  {
    id: 'heading/parenthesised-digit',
    kind: 'arabic-paren',
    firstChars: String.fromCharCode(...Array.from({ length: 20 }, (_, i) => 0x2474 + i)),
    match: numbered('arabic-paren', parenthesisedDigitRe, parseEnclosedNumber),
    examples: {
      ok: [
        ['⑴推进改革', '⑴', 1],
        ['⑿优化服务', '⑿', 12],
      ],
      notOk: ['推进⑴'],
    },
  },
  {
    id: 'heading/digit-full-stop',
    kind: 'arabic-dot',
    firstChars: String.fromCharCode(...Array.from({ length: 20 }, (_, i) => 0x2488 + i)),
    match: numbered('arabic-dot', digitFullStopRe, parseEnclosedNumber),
    examples: { ok: [['⒈推进改革', '⒈', 1]], notOk: ['推进⒈'] },
  },
  {
    id: 'heading/circled',
    kind: 'circled',
    firstChars: '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳',
    match: numbered('circled', circledRe, parseEnclosedNumber),
    examples: { ok: [['①完善机制', '①', 1]], notOk: ['完善①'] },
  },
  {
    id: 'heading/table-row',
    kind: 'table-row',
    firstChars: asciiDigits,
    match: numbered('table-row', tableRowRe),
    examples: { ok: [['1\t推进企业开办\t县市场监管局', '1\t', 1]], notOk: ['1推进企业开办', '2023\t年'] },
  },
  {
    id: 'heading/arabic-bare',
    kind: 'arabic-bare',
    firstChars: asciiDigits,
    match: numbered('arabic-bare', arabicBareRe),
    examples: {
      ok: [
        ['1持续深化“一次办好”改革', '1', 1],
        ['15全领域推进', '15', 15],
      ],
      notOk: ['60万个', '9月底前', '2%提供资金', '200项。（牵头单位', '9個以上。開展專項行動'],
    },
  },
];

/**
 * The rules worth trying on a line, by its first character, in table order. Most lines start
 * with none of the numbering characters and meet only the rules that can start anywhere.
 */
const rulesByFirstChar = new Map<string, readonly HeadingRule[]>();
for (const rule of headingRules) {
  for (const char of rule.firstChars ?? '') {
    rulesByFirstChar.set(
      char,
      headingRules.filter((candidate) => candidate.firstChars === null || candidate.firstChars.includes(char)),
    );
  }
}
const rulesForAnyStart = headingRules.filter((rule) => rule.firstChars === null);

const numberingStarts = new CharClass([...rulesByFirstChar.keys()].join(''));

/** Whether a numbered heading (any rule but the dash title) can start with this character: a test before any slice. */
export function startsNumbering(code: number): boolean {
  return numberingStarts.has(code);
}

/** The heading a line starts with, by the first rule that recognises it. */
export function matchHeading(line: string): HeadingMatch | null {
  for (const rule of rulesByFirstChar.get(line.charAt(0)) ?? rulesForAnyStart) {
    const match = rule.match(line);
    if (match) return match;
  }
  return null;
}

/** Kinds that can only be top-level groupings (domains), never measures of a flat list. */
export const topLevelKinds: ReadonlySet<HeadingKind> = new Set(['part', 'formal-comma', 'dash-title']);

/**
 * Names of sections that frame the tasks rather than assign them: their numbered items are not
 * measures (`总体要求`, `保障措施`, `加强组织领导`), in simplified and Traditional script.
 */
export const nonTaskSectionRe =
  /^(?:加强|加強|强化|強化|做好)?(?:总体要求|總體要求|指导思想|指導思想|基本原则|基本原則|工作目标|工作目標|主要目标|主要目標|发展目标|發展目標|目标任务|保障措施|組織保障|组织保障|组织领导|組織領導|组织实施|組織實施|工作要求|工作保障|实施步骤|實施步驟|保障机制|保障機制|有关要求|有關要求|其他事项|其他事項|附则|附則)/;
