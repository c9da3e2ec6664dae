/**
 * A generator of task-division documents from a grammar of the genre, for property tests and
 * the benchmark corpus. Each document comes with what it contains (domains and their lead units,
 * measures' lead, responsible and supporting units, deadlines), so that a test can check the
 * extraction recovers exactly that. Deterministic for a seed.
 *
 * The grammar varies what real plans vary: PDF text (full-width digits, ASCII punctuation, wrapped
 * lines, page numbers, running headers) or web text (indented paragraphs, CRLF, an attachment's
 * framing lines); `配套措施———X` or `一、X` domains, with the lead in the heading or on a line under it;
 * measures numbered `1` `1.` `1、` `（1）` `（一）`, a domain now and then in its own style or with
 * `（一）` sections; units in a labelled or a role-verb clause, on labelled lines, or in a table saved as
 * text; month ends, dates, quarters, half years, 年底前 and 长期坚持; simplified or Traditional script,
 * some Traditional documents dated in years of the Republic of China (`112年`) and numbered `壹、` / `一、`.
 *
 * Besides, each document may use a few of the conventions of real pages (`conventions` below): the
 * frame of a web page or a covering notice, run-in numbering, the measure level shown by evidence,
 * tables in every shape they are copied in, unnumbered items, every label of a family, brackets,
 * role verbs, prose assignments, a positional-lead note, and dates that are not deadlines. They
 * are drawn from a stream of their own, so switching one off leaves the rest of a document as it was.
 */

/**
 * The conventions of real documents the grammar writes, each now and then (issue 11):
 * - `frame-breadcrumb`: a page's location path and metadata lines around its title
 *   (`当前位置：首页 > …`, `发布时间：2023-03-17 09:30  来源：…  浏览次数：`);
 * - `frame-notice`: a covering notice before the plan's own title (`…关于印发…的通知`, a document
 *   number, addressees, `现将《…》印发给你们，请认真贯彻落实。`, signature and date line);
 * - `frame-tail`: a site's tail after the plan (`延伸阅读：`, `声明：…`);
 * - `run-in-measures`: several measures in one paragraph (`…完成。（责任部门：A）2.实现…`);
 * - `run-in-heading`: a heading and its first measure in one paragraph (`一、加快X1.推进…`);
 * - `level-preamble`: `一、总体要求` and `N、保障措施` with prose and no measures around the task headings;
 * - `level-section-prose`: `（一）` sections with a sentence of their own above `1.` measures,
 *   numbered on across sections now and then;
 * - `sub-items`: `（1）…（3）` inside a measure, closed by one clause after them;
 * - `table-pipe`, `table-markdown`, `table-cell-per-line`, `table-headerless`: a table as pipe rows,
 *   as Markdown with its `|---|` rule, one cell per line under a header of one word per line, or
 *   cells between lines of a lone `|` without a header (then every unit is responsible);
 * - `table-person-progress`: a column of persons (责任领导) and one of progress (进展情况, with dates
 *   that are not deadlines);
 * - `table-supporting-column`: a column of supporting units (配合单位, 协作单位);
 * - `unnumbered-items`: items without numbers, each closed by its labelled lines;
 * - `label-variants`: every label of a family (牵头部门, 主要责任单位, 责任部门, 协同单位, 时限要求, …);
 * - `person-labels`: persons under their labels (`牵头领导：张明`), which are no units;
 * - `brackets`: clauses in `〔〕`, `[]` or `【】`;
 * - `role-verb-groups`: role-verb clauses with several groups and verbs
 *   (`（A牵头，B配合，C负责落实）`, `（A、B分别牵头，C）`, `（A、B按职责分工负责）`);
 * - `prose-assignment`: the assignment in a sentence (`此项工作由A负责，B配合。`, `由A会同B、C负责落实。`);
 * - `first-listed-note`: `（列第一位为牵头单位，下同）` in a clause; from there on the first listed unit
 *   of a list without a marked lead is the lead;
 * - `not-deadlines`: reporting rhythms, processing limits and starts beside deadlines
 *   (`每季度末报送进展情况`, `3个工作日内办结`, `从2023年第一季度开始`).
 */
export const conventions = [
  'frame-breadcrumb',
  'frame-notice',
  'frame-tail',
  'run-in-measures',
  'run-in-heading',
  'level-preamble',
  'level-section-prose',
  'sub-items',
  'table-pipe',
  'table-markdown',
  'table-cell-per-line',
  'table-headerless',
  'table-person-progress',
  'table-supporting-column',
  'unnumbered-items',
  'label-variants',
  'person-labels',
  'brackets',
  'role-verb-groups',
  'prose-assignment',
  'first-listed-note',
  'not-deadlines',
] as const;

export type Convention = (typeof conventions)[number];

export interface GeneratedMeasure {
  readonly lead: string[];
  readonly responsible: string[];
  readonly supporting: string[];
  readonly deadlines: { readonly text: string; readonly date: string | null }[];
  /** How a reader knows the lead: marked (`牵头单位：`, `A牵头`), first listed after a positional note, or null without one. */
  readonly leadRule: 'marked' | 'first-listed' | null;
}

export interface GeneratedDocument {
  readonly text: string;
  readonly title: string;
  readonly year: number;
  readonly style: 'pdf' | 'web';
  readonly script: 'simplified' | 'traditional';
  readonly domains: { readonly name: string; readonly lead: string[]; readonly measures: GeneratedMeasure[] }[];
  /** The conventions of `conventions` this document uses, in the order of that list. */
  readonly conventions: readonly Convention[];
}

export interface GenerateOptions {
  /** Measures per domain (default: 3 to 10, drawn). */
  readonly measures?: number;
  /** The conventions the grammar may use (default: all of them). */
  readonly conventions?: readonly Convention[];
}

/** mulberry32: a small, fast, seedable PRNG. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const places = ['山东省', '河南省', '江苏省', '浙江省', '四川省', '湖北省', '广东省', '河北省'];
const cities = ['济南市', '青岛市', '郑州市', '南京市', '杭州市', '成都市', '武汉市', '石家庄市'];
const unitStems = [
  '发展改革委',
  '财政厅',
  '工业和信息化厅',
  '人力资源社会保障厅',
  '市场监管局',
  '大数据局',
  '自然资源厅',
  '住房城乡建设厅',
  '交通运输厅',
  '商务厅',
  '科技厅',
  '司法厅',
  '文化和旅游厅',
  '生态环境厅',
  '农业农村厅',
  '税务局',
  '公安厅',
  '教育厅',
  '水利厅',
  '能源局',
];
const domainNames = [
  '优化政务服务',
  '企业准入退出',
  '工程建设项目审批',
  '获得电力',
  '登记财产',
  '纳税服务',
  '跨境贸易',
  '金融服务',
  '政府采购',
  '招标投标',
  '知识产权保护',
  '市场监管',
  '人才流动',
  '法治保障',
];
const verbs = ['深化', '推进', '优化', '完善', '加快', '健全', '强化', '提升', '拓展', '规范'];
const objects = [
  '“一网通办”改革',
  '电子证照应用',
  '信用监管体系',
  '审批服务流程',
  '数据共享机制',
  '帮办代办服务',
  '线上办理渠道',
  '企业开办服务',
  '公共资源交易平台',
  '跨部门综合监管',
];
const actions = ['完成系统改造', '出台实施方案', '实现全程网办', '建立工作机制', '开展专项行动', '发布办事指南', '推动平台互联互通', '组织试点工作'];
const targetUnits = ['家', '项', '个', '场', '条'];
const chineseSerial = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
  '十七',
  '十八',
  '十九',
  '二十',
];

/**
 * Simplified to Traditional for every character of the vocabulary that differs: documents
 * from Hong Kong, Macao and Taiwan, and some mainland archives, are in Traditional script.
 * Pairs of characters, simplified first.
 */
const traditionalPairs = [
  '东東苏蘇广廣济濟岛島郑鄭汉漢庄莊发發财財厅廳业業资資会會场場监監数數据據乡鄉设設运運输輸务務态態环環农農优優',
  '准準项項审審获獲电電记記产產纳納贸貿采採购購标標识識权權护護动動进進强強规規范範网網办辦证證应應体體机機帮幫',
  '线線开開门門综綜统統实實现現专專联聯组組织織试試点點个個条條营營为為贯貫彻徹党黨国國决決续續结結际際领領牵牽',
  '头頭单單责責负負时時长長坚堅号號关關于於间間节節',
  // Frames, notices, labels, verbs, persons and progress lines.
  '当當页頁来來浏瀏览覽阅閱读讀声聲转轉载載删刪请請属屬构構将將给給们們认認经經区區县縣协協参參与與导導',
  '张張华華陈陳静靜刘劉赵趙刚剛孙孫伟偉杨楊况況编編预預计計职職别別报報账賬诉訴评評诺諾众眾总總达達细細',
  '举舉确確筹籌闭閉内內仅僅',
].join('');
const traditionalForms: Readonly<Record<string, string>> = Object.fromEntries(
  Array.from({ length: traditionalPairs.length / 2 }, (_, i) => [traditionalPairs[2 * i] as string, traditionalPairs[2 * i + 1] as string]),
);
const toTraditional = (text: string): string => text.replace(/[\u4e00-\u9fff]/g, (char) => traditionalForms[char] ?? char);

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

function lastDay(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${new Date(Date.UTC(year, month, 0)).getUTCDate()}`;
}

const isoDay = (year: number, month: number, day: number): string => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

const toFullWidth = (text: string): string => text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
const toPdfPunctuation = (text: string): string =>
  text.replace(/，/g, ',').replace(/。/g, '.').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/；/g, ';');

/** Wraps a paragraph at `width` characters, as PDF extraction does. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let start = 0; start < text.length; start += width) lines.push(text.slice(start, start + width));
  return lines;
}

/** How a document numbers its measures: `1.`, `1、`, `（1）`, `1）`, `（一）`, `一、`, or a bare number glued to the text (PDF). */
type MeasureNumbering = 'arabic-dot' | 'arabic-comma' | 'arabic-paren' | 'arabic-half-paren' | 'chinese-paren' | 'arabic-bare' | 'chinese-comma';

function measureLabel(numbering: MeasureNumbering, number: number): string {
  switch (numbering) {
    case 'arabic-dot':
      return `${number}.`;
    case 'arabic-comma':
      return `${number}、`;
    case 'arabic-paren':
      return `（${number}）`;
    case 'arabic-half-paren':
      return `${number}）`;
    case 'chinese-paren':
      return `（${chineseSerial[number - 1]}）`;
    case 'arabic-bare':
      return String(number);
    case 'chinese-comma':
      return `${chineseSerial[number - 1]}、`;
  }
}

/**
 * One deadline phrase after the months already used: month ends (`6月底前`, the most common),
 * dates (`9月30日前`), quarters (`第三季度末`), half years (`上半年`) and the year's end (`年底前`).
 */
function nextDeadline(
  next: () => number,
  year: number,
  after: number,
  yearText: (year: number) => string,
): { text: string; date: string; month: number } | null {
  if (after >= 12) return null;
  const month = after + 1 + Math.floor(next() * Math.min(4, 12 - after));
  const form = next();
  // Now and then the year is written out: this year's, or the next one's for work that runs on.
  if (form < 0.08) {
    const written = form < 0.04 ? year : year + 1;
    return { text: `${yearText(written)}年${month}月底前`, date: lastDay(written, month), month };
  }
  if (form < 0.55) return { text: `${month}月底前`, date: lastDay(year, month), month };
  if (form < 0.7) {
    const day = 10 + Math.floor(next() * 18);
    // Some write the day with 号, as it is spoken.
    return { text: `${month}月${day}${next() < 0.2 ? '号' : '日'}前`, date: isoDay(year, month, day), month };
  }
  if (form < 0.8 && month % 3 === 0) return { text: `第${chineseSerial[month / 3 - 1]}季度末`, date: lastDay(year, month), month };
  if (form < 0.9 && (month === 6 || month === 12)) return { text: month === 6 ? '上半年' : '下半年', date: lastDay(year, month), month };
  if (form >= 0.9) return { text: next() < 0.3 ? `${yearText(year)}年年底前` : '年底前', date: `${year}-12-31`, month: 12 };
  return { text: `${month}月底前`, date: lastDay(year, month), month };
}

/** The labels a document writes for each field: the common ones, or others of the same family. */
interface FieldLabels {
  readonly lead: string;
  readonly responsible: string;
  readonly supporting: string;
  readonly deadline: string;
}

const leadLabels = ['牵头单位', '牵头部门', '牵头责任单位', '主要责任单位'] as const;
const responsibleLabels = ['责任单位', '责任部门', '具体责任单位'] as const;
const supportingLabels = ['配合单位', '协同单位', '协作单位', '主要协作单位', '参与单位', '协办单位'] as const;
const deadlineLabels = ['完成时限', '完成时间', '完成期限', '时间节点', '时限要求'] as const;
const personLabels = ['牵头领导', '责任领导', '分管领导', '牵头责任人', '责任人'] as const;
const persons = ['张明', '李华', '王强', '陈静', '刘洋', '赵刚', '周勇', '孙伟', '杨帆'];
const brackets = [
  ['〔', '〕'],
  ['[', ']'],
  ['【', '】'],
] as const;
/** Notes that state the positional-lead convention, as documents write them. */
const firstListedNotes = [
  '列第一位为牵头单位，下同',
  '除标注“分别牵头”外，列第一位为牵头或汇总单位，下同',
  '首位单位为牵头单位，下同',
  '列第一位者为牵头单位，下同',
];

/** Sentences with a date or a period that is not a deadline: rhythms, processing limits, starts. */
function notDeadlineSentence(next: () => number, yearText: string): string {
  switch (Math.floor(next() * 5)) {
    case 0:
      return '每季度末报送进展情况';
    case 1:
      return `每月${20 + Math.floor(next() * 9)}日前报送工作台账`;
    case 2:
      return `对企业诉求${pick(next, ['3', '5', '7'])}个工作日内办结`;
    case 3:
      return `从${yearText}年第${pick(next, ['一', '二', '三'])}季度开始，按季度开展评估`;
    default:
      return `自${yearText}年${1 + Math.floor(next() * 6)}月1日起，全面推行告知承诺制`;
  }
}

/** A progress cell: what was done, with dates that are reports, not deadlines. */
function progressCell(next: () => number): string {
  const month = 1 + Math.floor(next() * 11);
  switch (Math.floor(next() * 4)) {
    case 0:
      return `已完成方案编制，${month}月${10 + Math.floor(next() * 18)}日召开推进会`;
    case 1:
      return `正在推进，预计${month + 1}月底前全部完工`;
    case 2:
      return `已完成${10 + Math.floor(next() * 80)}%`;
    default:
      return '已完成';
  }
}

/** How a table is copied into text: tab-separated, pipe rows, Markdown, one cell per line, or cells between lone `|` lines. */
type TableShape = 'tab' | 'pipe' | 'markdown' | 'cells' | 'headerless';

function tableLines(shape: TableShape, cells: readonly string[]): string[] {
  switch (shape) {
    case 'tab':
      return [cells.join('\t')];
    case 'pipe':
    case 'markdown':
      return [`| ${cells.join(' | ')} |`];
    case 'cells':
      return [...cells];
    case 'headerless':
      return ['|', ...cells.flatMap((cell) => [cell, '|'])];
  }
}

/** Role verbs of a clause: `牵头`, `负责`, `配合` most often, or their kin, in either order. */
interface VerbForms {
  readonly lead: string;
  readonly responsible: string;
  readonly supporting: string;
  readonly supportingFirst: boolean;
  /** `（A、B分别牵头，C）`: the units after the leads carry no verb and are responsible. */
  readonly bareResponsible: boolean;
}

const plainVerbs: VerbForms = { lead: '牵头', responsible: '负责', supporting: '配合', supportingFirst: false, bareResponsible: false };

/**
 * The responsibility clause: labelled (`（牵头单位：…；责任单位：…；配合单位：…）`) or with role verbs
 * (`（A牵头，B、C负责，D配合）`).
 */
function unitClause(
  form: 'labelled' | 'verbs',
  lead: readonly string[],
  responsible: readonly string[],
  supporting: readonly string[],
  etc: string,
  deadline: string | null,
  variant: { splitList: boolean; leadInList: boolean; ledBy: boolean },
  style: {
    labels: FieldLabels;
    verbs: VerbForms;
    brackets: readonly [string, string];
    /** A person's line (`责任领导：李华`), first or last in the clause. */
    person: { text: string; last: boolean } | null;
    /** The deadline under its label at the clause's end (`；完成时限：6月底前`) instead of opening it. */
    deadlineLast: boolean;
  },
): string {
  const { splitList, leadInList, ledBy } = variant;
  const { labels, verbs } = style;
  const [open, close] = style.brackets;
  const others = `${responsible.join('、')}${etc}`;
  // What a labelled clause holds besides its units: a person, a deadline, first or last.
  const around = (labelled: readonly string[]): string[] => [
    ...(style.person !== null && !style.person.last ? [style.person.text] : []),
    ...(deadline !== null && !style.deadlineLast ? [deadline] : []),
    ...labelled,
    ...(deadline !== null && style.deadlineLast ? [`${labels.deadline}：${deadline}`] : []),
    ...(style.person?.last ? [style.person.text] : []),
  ];
  if (form === 'verbs') {
    // Guangdong breaks a long list at a comma before its verb: `（A牵头，B，C、D按职责分工负责）`.
    const responsibleList = splitList && responsible.length >= 2 ? `${responsible[0]}，${others.slice((responsible[0] as string).length + 1)}` : others;
    const responsiblePart =
      responsible.length === 0 ? [] : verbs.bareResponsible && lead.length > 0 ? [responsibleList] : [`${responsibleList}${verbs.responsible}`];
    const supportingPart = supporting.length === 0 ? [] : [`${supporting.join('、')}${verbs.supporting}`];
    const parts = [
      ...(lead.length === 0 ? [] : [`${ledBy ? '由' : ''}${lead.join('、')}${verbs.lead}`]),
      ...(verbs.supportingFirst ? [...supportingPart, ...responsiblePart] : [...responsiblePart, ...supportingPart]),
    ];
    return `${open}${[...parts, ...(deadline === null ? [] : [deadline])].join('，')}${close}`;
  }
  // Shanghai names the lead inside the responsible list: `（责任单位：A、B牵头，C、D）`.
  if (leadInList && responsible.length > 0 && supporting.length === 0) {
    return `${open}${around([`责任单位：${lead.join('、')}牵头，${others}`]).join('；')}${close}`;
  }
  // A labelled clause may open with the deadline: `（2024年6月底前完成；牵头单位：…）`.
  const labelled = [
    ...(lead.length > 0 ? [`${labels.lead}：${lead.join('、')}`] : []),
    ...(responsible.length > 0 ? [`${labels.responsible}：${others}`] : []),
    ...(supporting.length > 0 ? [`${labels.supporting}：${supporting.join('、')}`] : []),
  ];
  return `${open}${around(labelled).join('；')}${close}`;
}

/**
 * A deadline in a `完成时限` cell or line: a dated month end (`2024年6月底前`, or just `2024年6月`), the
 * year's end (`年底前`, or just `2024年`), or ongoing (no date).
 */
function labelledDeadline(next: () => number, year: number, yearText: (year: number) => string): { text: string; date: string | null } {
  const form = next();
  const month = 1 + Math.floor(next() * 12);
  if (form < 0.45) return { text: `${yearText(year)}年${month}月底前`, date: lastDay(year, month) };
  if (form < 0.6) return { text: `${yearText(year)}年${month}月`, date: lastDay(year, month) };
  if (form < 0.75) return { text: '年底前', date: `${year}-12-31` };
  if (form < 0.85) return { text: `${yearText(year)}年`, date: `${year}-12-31` };
  return { text: '长期坚持', date: null };
}

/** A deadline in a cell without a header to name it: only forms that say they are deadlines (`…底前`). */
function bareCellDeadline(next: () => number, year: number, yearText: (year: number) => string): { text: string; date: string } {
  const month = 1 + Math.floor(next() * 12);
  const form = next();
  if (form < 0.4) return { text: `${yearText(year)}年${month}月底前`, date: lastDay(year, month) };
  if (form < 0.8) return { text: `${month}月底前`, date: lastDay(year, month) };
  return { text: '年底前', date: `${year}-12-31` };
}

const unique = (units: readonly string[]): string[] => [...new Set(units)];

/** The random streams of one document, and the conventions it has used so far. */
interface Draws {
  /** The grammar's own stream. */
  readonly next: () => number;
  /** The stream of the conventions of real pages: switching one off leaves `next` as it was. */
  readonly vary: () => number;
  readonly allowed: ReadonlySet<Convention>;
  readonly used: Set<Convention>;
}

/** Whether to use a convention here; always draws, so that allowing one changes no other draw. */
function chance(draws: Draws, convention: Convention, probability: number): boolean {
  const draw = draws.vary();
  return draws.allowed.has(convention) && draw < probability;
}

type Layout = 'paragraph' | 'lines' | 'table' | 'unnumbered';

/** What is decided once for a whole document. */
interface Plan {
  readonly seed: number;
  readonly style: 'pdf' | 'web';
  readonly year: number;
  readonly provincial: boolean;
  readonly prefix: string;
  readonly region: string;
  readonly domainCount: number;
  readonly perDomain: number;
  readonly traditional: boolean;
  readonly yearText: (year: number) => string;
  /** The plan's own title, the issuer, and the title of a notice that covers it. */
  readonly plan: string;
  readonly issuer: string;
  readonly noticeTitle: string;
  readonly notice: boolean;
  readonly title: string;
  readonly clauseForm: 'labelled' | 'verbs';
  readonly bracketLabels: boolean;
  readonly layout: Layout;
  readonly dashDomains: boolean;
  readonly formalDomains: boolean;
  readonly documentNumbering: MeasureNumbering;
  readonly mixedNumbering: boolean;
  readonly sectioned: boolean;
  readonly sectionProse: boolean;
  readonly numberAcrossSections: boolean;
  readonly framed: boolean;
  readonly crlf: boolean;
  readonly headingLeads: boolean;
  readonly domainLeadsOnly: boolean;
  readonly clauseOnOwnLine: boolean;
  readonly domainOffset: number;
  readonly deadlineLabel: string;
  readonly breadcrumb: boolean;
  readonly siteTail: boolean;
  readonly issued: { readonly year: number; readonly month: number; readonly day: number };
  readonly labels: FieldLabels;
  readonly labelsVary: boolean;
  /** Labelled clauses may close with the deadline under its label (`；时间节点：2024年6月`). */
  readonly deadlineLabelledInClause: boolean;
  readonly personLines: boolean;
  readonly clauseBrackets: readonly [string, string];
  readonly verbGroups: boolean;
  readonly proseAssignments: boolean;
  readonly firstListed: boolean;
  readonly firstListedFrom: number;
  readonly firstListedNote: string;
  readonly notDeadlines: boolean;
  readonly subItems: boolean;
  readonly runInMeasures: boolean;
  readonly runInHeading: boolean;
  readonly preamble: boolean;
  readonly closingSection: boolean;
  readonly tableShape: TableShape;
  readonly headerless: boolean;
  readonly domainColumn: boolean;
  readonly personColumn: boolean;
  readonly progressColumn: boolean;
  readonly supportingColumn: boolean;
  /** The first row number of a table (an excerpt may start mid-sequence). */
  readonly firstRow: number;
}

function planDocument(seed: number, options: GenerateOptions, draws: Draws): Plan {
  const { next, vary, allowed, used } = draws;
  const style: 'pdf' | 'web' = next() < 0.5 ? 'pdf' : 'web';
  const year = 2019 + Math.floor(next() * 8);
  const provincial = next() < 0.5;
  const prefix = provincial ? '省' : '市';
  const region = provincial ? pick(next, places) : pick(next, cities);
  const domainCount = 2 + Math.floor(next() * 6);
  const perDomain = options.measures ?? 3 + Math.floor(next() * 8);
  const traditional = next() < 0.15;
  // Taiwan writes years of the Republic of China (`112年` is 2023); some titles write the year in Chinese digits (`二〇二四年`).
  const roc = traditional && next() < 0.4;
  const yearText = (value: number): string => (roc ? String(value - 1911) : String(value));
  const writtenYear = !roc && next() < 0.1 ? [...String(year)].map((digit) => '〇一二三四五六七八九'[Number(digit)]).join('') : yearText(year);
  // Some titles are the issuing notice's, long enough to wrap in a PDF.
  const plan = `${region}${writtenYear}年优化营商环境重点任务分工方案`;
  const issuer = `${region}人民政府办公${provincial ? '厅' : '室'}`;
  const noticeTitle = `${issuer}关于印发${plan}的通知`;
  const titleIsNotice = next() < 0.2;
  // A covering notice before the plan: then the plan's own title is the title.
  const notice = !roc && chance(draws, 'frame-notice', 0.15);
  const title = titleIsNotice && !notice ? `${region}人民政府办公厅关于印发${plan}的通知` : plan;
  const clauseForm: 'labelled' | 'verbs' = next() < 0.7 ? 'labelled' : 'verbs';
  // Some web lists put labels in lenticular brackets instead of before a colon.
  const bracketLabels = style === 'web' && next() < 0.1;
  // Web documents give a measure's units in its paragraph, on labelled lines under it
  // (`牵头单位：…` / `完成时限：…`), or as a table saved as text, one row per measure.
  const drawnLayout: 'paragraph' | 'lines' | 'table' = style === 'pdf' ? 'paragraph' : pick(next, ['paragraph', 'paragraph', 'lines', 'table'] as const);
  // Some lists number nothing: each item closes with its own labelled lines.
  const layout: Layout = drawnLayout === 'lines' && chance(draws, 'unnumbered-items', 0.3) ? 'unnumbered' : drawnLayout;
  if (layout === 'unnumbered') used.add('unnumbered-items');
  // PDF plans in the Shandong style (`配套措施———X`, then `1持续深化…`), or `一、X` with `（一）` measures.
  const dashDomains = style === 'pdf' && next() < 0.6;
  // Taiwan numbers domains with formal numerals (`壹、`) and measures `一、` under them.
  const formalDomains = roc && !dashDomains && next() < 0.5;
  const documentNumbering: MeasureNumbering = dashDomains
    ? 'arabic-bare'
    : formalDomains
      ? 'chinese-comma'
      : pick(next, ['arabic-dot', 'arabic-comma', 'arabic-paren', 'arabic-half-paren', 'chinese-paren'] as const);
  // Now and then a domain numbers its measures its own way.
  const mixedNumbering = !dashDomains && !formalDomains && next() < 0.2;
  // Now and then some domains group their measures under `（一）` sections and others do not.
  const sectioned =
    !dashDomains &&
    !mixedNumbering &&
    layout !== 'table' &&
    layout !== 'unnumbered' &&
    (documentNumbering === 'arabic-dot' || documentNumbering === 'arabic-comma') &&
    next() < 0.25;
  // Sections with a sentence of their own (`（一）提升X。统筹…。`), numbered on across sections now and then.
  const sectionProse = sectioned && chance(draws, 'level-section-prose', 0.5);
  const numberAcrossSections = sectionProse && vary() < 0.5;
  // Web documents sometimes come as an attachment (`附件`, a document number) and close with the
  // issuer and the date: lines that are not part of the last measure.
  const framed = style === 'web' && layout !== 'table' && next() < 0.3;
  const crlf = style === 'web' && next() < 0.2;
  const headingLeads = style === 'web' && layout !== 'table' && next() < 0.3;
  // Some plans name only each domain's lead, under its heading, and no units in the measures.
  const domainLeadsOnly = style === 'web' && layout === 'paragraph' && !headingLeads && next() < 0.15;
  // Some web documents put a measure's clause in a paragraph of its own under the text.
  const clauseOnOwnLine = style === 'web' && layout === 'paragraph' && next() < 0.2;
  const domainOffset = Math.floor(next() * domainNames.length);
  // Half the tables name the domain in a column of their own (blank below its first row, as merged
  // cells save) instead of in a row between the measures.
  const drawnDomainColumn = layout === 'table' && next() < 0.5;
  // What the deadline label says: 完成时限 most often; Taiwan writes 辦理期程.
  const deadlineLabel = roc ? '辦理期程' : pick(next, ['完成时限', '完成时限', '完成时间', '完成期限', '时间节点'] as const);

  // The frame of a web page: its location path and metadata; a site's tail after the plan.
  const breadcrumb = style === 'web' && !roc && chance(draws, 'frame-breadcrumb', 0.15);
  const siteTail = style === 'web' && !roc && chance(draws, 'frame-tail', 0.15);
  // Issued early in the plan's year, or in the December before.
  const issuedBefore = vary() < 0.1;
  const issued = { year: issuedBefore ? year - 1 : year, month: issuedBefore ? 12 : 1 + Math.floor(vary() * 4), day: 1 + Math.floor(vary() * 28) };
  // Labels of the whole family, one choice per document.
  const labels: FieldLabels = chance(draws, 'label-variants', 0.3)
    ? {
        lead: pick(vary, leadLabels),
        responsible: pick(vary, responsibleLabels),
        supporting: pick(vary, supportingLabels),
        deadline: pick(vary, deadlineLabels),
      }
    : { lead: '牵头单位', responsible: '责任单位', supporting: '配合单位', deadline: deadlineLabel };
  const labelsVary = labels.lead !== '牵头单位' || labels.responsible !== '责任单位' || labels.supporting !== '配合单位' || labels.deadline !== deadlineLabel;
  const deadlineLabelledInClause = layout === 'paragraph' && clauseForm === 'labelled' && chance(draws, 'label-variants', 0.3);
  const personLines = layout !== 'table' && !domainLeadsOnly && chance(draws, 'person-labels', 0.15);
  // The clause in other brackets than parentheses.
  const clauseBrackets: readonly [string, string] =
    layout === 'paragraph' && !bracketLabels && !domainLeadsOnly && chance(draws, 'brackets', 0.15) ? pick(vary, brackets) : ['（', '）'];
  const verbGroups = clauseForm === 'verbs' && layout === 'paragraph' && !domainLeadsOnly && chance(draws, 'role-verb-groups', 0.4);
  const proseAssignments = layout === 'paragraph' && !domainLeadsOnly && !bracketLabels && chance(draws, 'prose-assignment', 0.12);
  // The positional-lead note: in a labelled clause or line, from which measure on.
  const firstListed =
    (layout === 'lines' || layout === 'unnumbered' || (layout === 'paragraph' && clauseForm === 'labelled')) &&
    !bracketLabels &&
    !domainLeadsOnly &&
    chance(draws, 'first-listed-note', 0.12);
  const firstListedFrom = vary() < 0.6 ? 0 : Math.floor(vary() * 4);
  const firstListedNote = pick(vary, firstListedNotes);
  const notDeadlines = chance(draws, 'not-deadlines', 0.2);
  const subItems =
    (layout === 'paragraph' || layout === 'lines') &&
    !domainLeadsOnly &&
    !['arabic-paren', 'arabic-half-paren', 'arabic-bare'].includes(documentNumbering) &&
    !mixedNumbering &&
    chance(draws, 'sub-items', 0.15);
  // Run-in numbering: a measure after a sentence end or a closed clause, in the same paragraph.
  const runInMeasures = layout === 'paragraph' && !bracketLabels && documentNumbering !== 'arabic-bare' && chance(draws, 'run-in-measures', 0.12);
  const runInHeading =
    (layout === 'paragraph' || layout === 'lines') &&
    !dashDomains &&
    !headingLeads &&
    !domainLeadsOnly &&
    ['arabic-dot', 'arabic-comma', 'arabic-paren', 'chinese-paren'].includes(documentNumbering) &&
    chance(draws, 'run-in-heading', 0.1);
  // `一、总体要求` and `N、保障措施`: headings with prose and no measures around the tasks.
  const preamble =
    (layout === 'paragraph' || layout === 'lines' || layout === 'unnumbered') && !dashDomains && !formalDomains && chance(draws, 'level-preamble', 0.15);
  const closingSection = preamble && vary() < 0.5;
  // Tables copied in other shapes than tab-separated rows.
  const tableDraw = vary();
  const tableShape: TableShape =
    layout !== 'table'
      ? 'tab'
      : tableDraw < 0.15 && allowed.has('table-pipe')
        ? 'pipe'
        : tableDraw < 0.3 && tableDraw >= 0.15 && allowed.has('table-markdown')
          ? 'markdown'
          : tableDraw < 0.45 && tableDraw >= 0.3 && allowed.has('table-cell-per-line')
            ? 'cells'
            : tableDraw < 0.6 && tableDraw >= 0.45 && allowed.has('table-headerless')
              ? 'headerless'
              : 'tab';
  const shapeConvention = { tab: null, pipe: 'table-pipe', markdown: 'table-markdown', cells: 'table-cell-per-line', headerless: 'table-headerless' } as const;
  const shapeUsed = shapeConvention[tableShape];
  if (shapeUsed !== null) used.add(shapeUsed);
  const headerless = tableShape === 'headerless';
  const personColumn = layout === 'table' && chance(draws, 'table-person-progress', 0.3);
  const progressColumn = personColumn && !headerless && vary() < 0.6;
  const supportingColumn = layout === 'table' && !headerless && chance(draws, 'table-supporting-column', 0.2);
  if (personColumn) used.add('table-person-progress');
  if (supportingColumn) used.add('table-supporting-column');
  if (labelsVary && !domainLeadsOnly && !headerless) used.add('label-variants');
  const firstRow = headerless && vary() < 0.5 ? 10 + Math.floor(vary() * 20) : 0;
  return {
    seed,
    style,
    year,
    provincial,
    prefix,
    region,
    domainCount,
    perDomain,
    traditional,
    yearText,
    plan,
    issuer,
    noticeTitle,
    notice,
    title,
    clauseForm,
    bracketLabels,
    layout,
    dashDomains,
    formalDomains,
    documentNumbering,
    mixedNumbering,
    sectioned,
    sectionProse,
    numberAcrossSections,
    framed,
    crlf,
    headingLeads,
    domainLeadsOnly,
    clauseOnOwnLine,
    domainOffset,
    deadlineLabel,
    breadcrumb,
    siteTail,
    issued,
    labels,
    labelsVary,
    deadlineLabelledInClause,
    personLines,
    clauseBrackets,
    verbGroups,
    proseAssignments,
    firstListed,
    firstListedFrom,
    firstListedNote,
    notDeadlines,
    subItems,
    runInMeasures,
    runInHeading,
    preamble,
    closingSection,
    tableShape,
    headerless,
    domainColumn: drawnDomainColumn && !headerless,
    personColumn,
    progressColumn,
    supportingColumn,
    firstRow,
  };
}

/** What a measure holds and how its text reads, before it is laid out; the unit lists follow what is written. */
interface Draft {
  lead: string[];
  responsible: string[];
  supporting: string[];
  leadRule: GeneratedMeasure['leadRule'];
  readonly deadlines: GeneratedMeasure['deadlines'][number][];
  body: string;
  readonly subItemLines: readonly string[];
  readonly withSubItems: boolean;
  etc: string;
  readonly person: { readonly text: string; readonly last: boolean } | null;
  /** `责任单位：A、B、C`, the lead listed first after the positional-lead note, or null. */
  readonly positionalClause: string | null;
}

/** A measure's units, sentences and deadlines, drawn in the grammar's order. */
function draftMeasure(plan: Plan, draws: Draws, measureIndex: number): Draft {
  const { next, vary, used } = draws;
  const { prefix, year, yearText, layout, labels } = plan;
  let lead = [...new Set([pick(next, unitStems), pick(next, unitStems)].slice(0, 1 + Math.floor(next() * 2)))].map((stem) => `${prefix}${stem}`);
  let responsible =
    next() < 0.5
      ? []
      : [...new Set([pick(next, unitStems), pick(next, unitStems), pick(next, unitStems)])]
          .map((stem) => `${prefix}${stem}`)
          .filter((unit) => !lead.includes(unit));
  const supporting =
    layout !== 'table' && next() < 0.25
      ? [...new Set([pick(next, unitStems), pick(next, unitStems)])]
          .map((stem) => `${prefix}${stem}`)
          .filter((unit) => !lead.includes(unit) && !responsible.includes(unit))
      : plan.supportingColumn && vary() < 0.6
        ? [...new Set([pick(vary, unitStems), pick(vary, unitStems)])]
            .map((stem) => `${prefix}${stem}`)
            .filter((unit) => !lead.includes(unit) && !responsible.includes(unit))
        : [];
  let leadRule: GeneratedMeasure['leadRule'] = 'marked';
  const deadlines: GeneratedMeasure['deadlines'][number][] = [];
  const head = `${pick(next, verbs)}${pick(next, objects)}。`;
  const sentences: string[] = [];
  const sentenceCount = 1 + Math.floor(next() * 3);
  let lastMonth = 0;
  for (let s = 0; s < sentenceCount; s++) {
    const deadline = next() < 0.7 ? nextDeadline(next, year, lastMonth, yearText) : null;
    let sentence = '';
    if (deadline) {
      lastMonth = deadline.month;
      deadlines.push({ text: deadline.text, date: deadline.date });
      sentence += `${deadline.text}，`;
    }
    sentence += `${pick(next, actions)}`;
    if (next() < 0.3) sentence += `，新增试点${1 + Math.floor(next() * 50)}${pick(next, targetUnits)}以上`;
    sentences.push(sentence);
  }
  // Sub-items `（1）…（3）` need two sentences at least.
  const withSubItems = plan.subItems && vary() < 0.4;
  if (withSubItems && sentences.length < 2) sentences.push(pick(vary, actions));
  if (plan.notDeadlines && vary() < 0.35) {
    sentences.splice(Math.floor(vary() * (sentences.length + 1)), 0, notDeadlineSentence(vary, yearText(year)));
    used.add('not-deadlines');
  }
  if (withSubItems) used.add('sub-items');
  const body = withSubItems ? head : `${head}${sentences.map((sentence) => `${sentence}。`).join('')}`;
  const subItemLines = withSubItems ? sentences.map((sentence, i) => `（${i + 1}）${sentence}${i === sentences.length - 1 ? '。' : '；'}`) : [];
  // An open list: `A、B等部门`.
  const etc = responsible.length > 0 && next() < 0.3 ? pick(next, ['等部门', '等相关单位', '等有关部门'] as const) : '';
  const person =
    plan.personLines && (layout !== 'paragraph' || plan.bracketLabels || plan.clauseForm === 'labelled') && vary() < 0.5
      ? { text: `${pick(vary, personLabels)}：${pick(vary, persons)}`, last: vary() < 0.5 }
      : null;
  // After the positional-lead note, a list without a marked lead names its lead first.
  const { firstListed, firstListedFrom } = plan;
  const positional = firstListed && (measureIndex < firstListedFrom || vary() < 0.8);
  const states = firstListed && measureIndex === firstListedFrom;
  let positionalList: string[] = [];
  if (firstListed && (positional || states)) {
    used.add('first-listed-note');
    positionalList = unique([...lead, ...responsible]);
    const after = measureIndex >= firstListedFrom;
    lead = after ? positionalList.slice(0, 1) : [];
    responsible = after ? positionalList.slice(1) : positionalList;
    leadRule = after ? 'first-listed' : null;
  }
  const positionalClause =
    positionalList.length > 0 ? `${labels.responsible}：${positionalList.join('、')}${etc}${states ? `（${plan.firstListedNote}）` : ''}` : null;
  return { lead, responsible, supporting, leadRule, deadlines, body, subItemLines, withSubItems, etc, person, positionalClause };
}

/** A table row: its lines in the table's shape. Without a header nothing says which column leads: every unit is responsible. */
function tableRow(plan: Plan, draws: Draws, draft: Draft, row: number, domainCell: string): string[] {
  const { next, vary } = draws;
  const cell = plan.headerless ? bareCellDeadline(next, plan.year, plan.yearText) : labelledDeadline(next, plan.year, plan.yearText);
  draft.deadlines.push(cell);
  const cells = [
    String(row),
    ...(plan.domainColumn ? [domainCell] : []),
    draft.body,
    ...(plan.personColumn ? [pick(vary, persons)] : []),
    draft.lead.join('、'),
    `${draft.responsible.join('、')}${draft.etc}`,
    ...(plan.supportingColumn ? [draft.supporting.join('、')] : []),
    cell.text,
    ...(plan.progressColumn ? [progressCell(vary)] : []),
  ];
  if (plan.headerless) {
    draft.responsible = unique([...draft.lead, ...draft.responsible]);
    draft.lead = [];
    draft.leadRule = null;
  }
  return tableLines(plan.tableShape, cells);
}

/** The measure's text, then its fields on lines of their own (`牵头单位：…`, `完成时限：…`). */
function labelledLines(plan: Plan, draws: Draws, draft: Draft, label: string): string[] {
  const { labels } = plan;
  const { person } = draft;
  const lines = [`${label}${draft.body}`, ...draft.subItemLines];
  if (person !== null && !person.last) lines.push(person.text);
  if (draft.positionalClause !== null) lines.push(draft.positionalClause);
  else {
    lines.push(`${labels.lead}：${draft.lead.join('、')}`);
    if (draft.responsible.length > 0) lines.push(`${labels.responsible}：${draft.responsible.join('、')}${draft.etc}`);
  }
  if (draft.supporting.length > 0) lines.push(`${labels.supporting}：${draft.supporting.join('、')}`);
  if (person?.last) lines.push(person.text);
  if (person !== null) draws.used.add('person-labels');
  // Unnumbered items close with their deadline line always.
  if (plan.layout === 'unnumbered' || draws.next() < 0.6) {
    const line = labelledDeadline(draws.next, plan.year, plan.yearText);
    draft.deadlines.push(line);
    lines.push(`${labels.deadline}：${line.text}`);
  }
  return lines;
}

/** `【牵头单位】A【责任单位】B、C【完成时限】2024年6月` after the text, to the end of the paragraph. */
function bracketLabelled(plan: Plan, draws: Draws, draft: Draft, label: string): string[] {
  const { labels } = plan;
  const { person } = draft;
  const cell = draws.next() < 0.5 ? labelledDeadline(draws.next, plan.year, plan.yearText) : null;
  if (cell !== null) draft.deadlines.push(cell);
  if (person !== null) draws.used.add('person-labels');
  const personCell = person === null ? [] : [`【${person.text.replace('：', '】')}`];
  const labelled = [
    ...(person !== null && !person.last ? personCell : []),
    `【${labels.lead}】${draft.lead.join('、')}`,
    ...(draft.responsible.length > 0 ? [`【${labels.responsible}】${draft.responsible.join('、')}${draft.etc}`] : []),
    ...(draft.supporting.length > 0 ? [`【${labels.supporting}】${draft.supporting.join('、')}`] : []),
    ...(cell === null ? [] : [`【${labels.deadline}】${cell.text}`]),
    ...(person?.last ? personCell : []),
  ];
  return draft.withSubItems ? [`${label}${draft.body}`, ...draft.subItemLines, labelled.join('')] : [`${label}${draft.body}${labelled.join('')}`];
}

/** `此项工作由A牵头，B配合。`, `此项工作由A负责，B配合。`, `由A会同B、C负责落实。`: the assignment in a sentence, no clause. */
function proseAssignment(draws: Draws, draft: Draft, label: string): string[] {
  draws.used.add('prose-assignment');
  const { lead } = draft;
  const helpers = unique([...draft.responsible, ...draft.supporting]);
  const form = draws.vary();
  if (form < 0.35) {
    draft.body += `此项工作由${lead.join('、')}牵头${helpers.length > 0 ? `，${helpers.join('、')}配合` : ''}。`;
    draft.responsible = [];
  } else if (form < 0.7 || helpers.length === 0) {
    draft.body += `此项工作由${lead.join('、')}负责${helpers.length > 0 ? `，${helpers.join('、')}配合` : ''}。`;
    draft.responsible = lead;
    draft.lead = [];
    draft.leadRule = null;
  } else {
    draft.body += `由${lead[0]}会同${[...lead.slice(1), ...helpers].join('、')}负责落实。`;
    draft.responsible = lead.slice(0, 1);
    helpers.unshift(...lead.slice(1));
    draft.lead = [];
    draft.leadRule = null;
  }
  draft.supporting = helpers;
  draft.etc = '';
  return [`${label}${draft.body}`];
}

/** The measure's text with its clause: after it, on a line of its own, or closing its last sub-item. */
function clauseParagraphs(plan: Plan, draws: Draws, draft: Draft, label: string): string[] {
  const { next, vary, used } = draws;
  const { clauseForm, labels, clauseBrackets } = plan;
  const { person } = draft;
  // A role-verb clause may close with the deadline (`（A牵头，B负责，2024年6月底前完成）`), a labelled one open with it.
  const inClause = next() < (clauseForm === 'verbs' ? 0.3 : 0.15) ? labelledDeadline(next, plan.year, plan.yearText) : null;
  const variant = { splitList: next() < 0.2, leadInList: next() < 0.15, ledBy: next() < 0.1 };
  if (plan.proseAssignments && !plan.firstListed && !draft.withSubItems && vary() < 0.5) return proseAssignment(draws, draft, label);
  // A labelled clause may also close with the deadline under its label (`；完成时限：2024年6月`).
  const deadlineLast = plan.deadlineLabelledInClause && inClause !== null && vary() < 0.5;
  if (deadlineLast) used.add('label-variants');
  const clauseDeadline = inClause === null ? null : inClause.date === null || deadlineLast ? inClause.text : `${inClause.text}完成`;
  if (inClause !== null) draft.deadlines.push({ text: clauseDeadline as string, date: inClause.date });
  let verbForms = plainVerbs;
  if (plan.verbGroups) {
    used.add('role-verb-groups');
    const groups = vary();
    if (groups < 0.15 && !variant.ledBy) {
      // `（A、B按职责分工负责）`: no lead, every unit responsible.
      draft.responsible = unique([...draft.lead, ...draft.responsible]);
      draft.lead = [];
      draft.leadRule = null;
    }
    const { lead, responsible, supporting, etc } = draft;
    verbForms = {
      lead: lead.length >= 2 && vary() < 0.5 ? '分别牵头' : vary() < 0.2 ? '牵头督导' : '牵头',
      responsible: responsible.length >= 2 && vary() < 0.2 ? '分别负责' : pick(vary, ['负责', '负责落实', '按职责分工负责', '落实'] as const),
      supporting: pick(vary, ['配合', '参与', '协助', '协同'] as const),
      supportingFirst: vary() < 0.4,
      bareResponsible: lead.length >= 2 && supporting.length === 0 && etc === '' && vary() < 0.3,
    };
  }
  const clause =
    draft.positionalClause !== null
      ? `${clauseBrackets[0]}${[
          ...(person !== null && !person.last ? [person.text] : []),
          ...(clauseDeadline !== null && !deadlineLast ? [clauseDeadline] : []),
          draft.positionalClause,
          ...(draft.supporting.length > 0 ? [`${labels.supporting}：${draft.supporting.join('、')}`] : []),
          ...(clauseDeadline !== null && deadlineLast ? [`${labels.deadline}：${clauseDeadline}`] : []),
          ...(person?.last ? [person.text] : []),
        ].join('；')}${clauseBrackets[1]}`
      : unitClause(clauseForm, draft.lead, draft.responsible, draft.supporting, draft.etc, clauseDeadline, variant, {
          labels,
          verbs: verbForms,
          brackets: clauseBrackets,
          person: clauseForm === 'labelled' ? person : null,
          deadlineLast,
        });
  if (person !== null && clauseForm === 'labelled') used.add('person-labels');
  if (clauseBrackets[0] !== '（') used.add('brackets');
  const { subItemLines } = draft;
  if (draft.withSubItems)
    return [
      `${label}${draft.body}`,
      ...subItemLines.slice(0, -1),
      ...(vary() < 0.3 ? [`${subItemLines.at(-1)}${clause}`] : [subItemLines.at(-1) as string, clause]),
    ];
  return plan.clauseOnOwnLine ? [`${label}${draft.body}`, clause] : [`${label}${draft.body}${clause}`];
}

/** The frame's lines: a covering notice, a page's location path and metadata, a site's tail. */
function frameLines(plan: Plan, draws: Draws): { notice: string[]; crumbs: string[]; tail: string[]; repeatTitle: boolean } {
  const { vary, used } = draws;
  const { issued, issuer, region, yearText } = plan;
  // A covering notice: the notice's title, its number, addressees, the sentence that hands the plan on, signature and date.
  const notice = plan.notice
    ? [
        plan.noticeTitle,
        `${region}政办发〔${issued.year}〕${1 + (plan.seed % 30)}号`,
        plan.provincial ? '各市人民政府，省政府各部门、各直属机构：' : '各县（市、区）人民政府，市政府各部门、各直属机构：',
        `\u3000\u3000${vary() < 0.5 ? `现将《${plan.plan}》印发给你们，请认真贯彻落实。` : `《${plan.plan}》已经${plan.prefix}政府同意，现印发给你们，请认真组织实施。`}`,
        issuer,
        `${yearText(issued.year)}年${issued.month}月${issued.day}日`,
      ]
    : [];
  if (plan.notice) used.add('frame-notice');
  const repeatTitle = vary() < 0.5;
  const crumbs = plan.breadcrumb
    ? [
        pick(vary, ['当前位置：首页 > 政务公开 > 政策文件', '您的位置：首页 >> 信息公开 >> 通知公告', '首页 > 政府信息公开 > 规范性文件']),
        plan.notice ? plan.noticeTitle : plan.title,
        `发布时间：${issued.year}-${String(issued.month).padStart(2, '0')}-${String(issued.day).padStart(2, '0')} 09:30  来源：${issuer}  浏览次数：`,
        ...(vary() < 0.3 ? ['【时效性】现行有效'] : []),
      ]
    : [];
  if (plan.breadcrumb) used.add('frame-breadcrumb');
  const tail = plan.siteTail
    ? [
        ...(vary() < 0.6 ? ['延伸阅读：', `${region}召开${yearText(plan.year)}年优化营商环境工作推进会`] : []),
        ...(vary() < 0.4 ? ['【打印】【关闭】'] : []),
        '声明：本网站转载内容仅供参考，如有侵权请联系删除。',
      ]
    : [];
  if (plan.siteTail) used.add('frame-tail');
  return { notice, crumbs, tail, repeatTitle };
}

/** The document's text: as PDF extraction gives it, or as a web page or Word file does. */
function renderText(plan: Plan, paragraphs: readonly string[], frame: ReturnType<typeof frameLines>): string {
  const script = plan.traditional ? toTraditional : (text: string) => text;
  if (plan.style === 'pdf') {
    // PDF extraction: full-width digits, ASCII punctuation, wrapped lines, a blank line after
    // each line, page numbers and a running header every 40 lines.
    const lines: string[] = [''];
    let page = 1;
    const unindented = frame.notice.map((line) => line.replace(/^\u3000+/, ''));
    for (const paragraph of [...unindented, ...paragraphs]) {
      for (const line of wrap(toPdfPunctuation(toFullWidth(script(paragraph))), 28)) {
        lines.push(line, '');
        if (lines.length % 80 === 0) lines.push(`—${toFullWidth(String(page++).padStart(2, '0'))}—`, '', ` ${script(plan.title)}`, '');
      }
    }
    return lines.join('\n');
  }
  const { breadcrumb, notice, framed, region, year, seed } = plan;
  const body = paragraphs.map((paragraph, i) => (i === 0 || plan.layout === 'table' ? script(paragraph) : `\u3000\u3000${script(paragraph)}`));
  // With a breadcrumb and no notice, the page's title stands above the metadata; the text may repeat it.
  const content = breadcrumb && !notice && !frame.repeatTitle ? body.slice(1) : body;
  const front = [...frame.crumbs, ...(breadcrumb ? frame.notice.slice(1) : frame.notice)].map(script);
  const attachment = framed ? ['附件', ...(notice ? [] : [`${script(region)}政办发〔${year}〕${1 + (seed % 30)}号`])] : [];
  const closing = framed && !notice ? [`${script(region)}人民政府办公厅`, `${year}年3月17日`] : [];
  return [...front, ...attachment, ...content, ...closing, ...frame.tail.map(script)].join(plan.crlf ? '\r\n' : '\n');
}

export function generateDocument(seed: number, options: GenerateOptions = {}): GeneratedDocument {
  const draws: Draws = {
    next: random(seed),
    vary: random((seed ^ 0x5f3759df) >>> 0),
    allowed: new Set<Convention>(options.conventions ?? conventions),
    used: new Set<Convention>(),
  };
  const { next, vary, used } = draws;
  const plan = planDocument(seed, options, draws);
  const { layout, labels, tableShape, domainColumn, headerless, prefix } = plan;
  const paragraphs: string[] = [plan.title];
  let tableHeader: string[] = [];
  if (layout === 'table' && !headerless) {
    const header = [
      '序号',
      ...(domainColumn ? ['重点领域'] : []),
      domainColumn ? '具体措施' : '重点任务',
      ...(plan.personColumn ? ['责任领导'] : []),
      labels.lead,
      labels.responsible,
      ...(plan.supportingColumn ? [labels.supporting] : []),
      labels.deadline,
      ...(plan.progressColumn ? ['进展情况'] : []),
    ];
    tableHeader = [...tableLines(tableShape, header), ...(tableShape === 'markdown' ? [`|${header.map(() => '---').join('|')}|`] : [])];
    // A Markdown table holds no heading row: each domain has a table of its own under its heading.
    if (tableShape !== 'markdown' || domainColumn) paragraphs.push(...tableHeader);
  } else if (plan.style === 'web' && layout !== 'table')
    paragraphs.push(`为深入贯彻落实党中央、国务院决策部署，持续优化营商环境，结合${plan.region}实际，制定本方案。`);
  if (plan.preamble) {
    used.add('level-preamble');
    paragraphs.push(
      '一、总体要求',
      `以打造一流营商环境为目标，深化“放管服”改革，持续激发市场主体活力。到${plan.yearText(plan.year + 2)}年，营商环境主要指标达到全国先进水平。`,
    );
  }
  const headingOffset = plan.preamble ? 1 : 0;
  const domains: GeneratedDocument['domains'] = [];
  let row = plan.firstRow;
  // Where the next measure may run on: the paragraph that ends the last measure, or a heading.
  let runOnto: { paragraph: number; heading: boolean } | null = null;
  let measureIndex = 0;
  for (let d = 0; d < plan.domainCount; d++) {
    const name = domainNames[(d + plan.domainOffset) % domainNames.length] as string;
    const domainLead = `${prefix}${pick(next, unitStems)}`;
    // A domain's lead unit: on a line under a dash title, or in the heading (`一、X（牵头单位：…）`).
    const domainLabel = plan.formalDomains ? `${'壹貳參肆伍陸柒捌玖拾'[d]}、` : `${chineseSerial[d + headingOffset]}、`;
    runOnto = null;
    if (!domainColumn) {
      paragraphs.push(plan.dashDomains ? `配套措施———${name}` : `${domainLabel}${name}${plan.headingLeads ? `（牵头单位：${domainLead}）` : ''}`);
      if (plan.runInHeading && vary() < 0.7) runOnto = { paragraph: paragraphs.length - 1, heading: true };
    }
    if (tableShape === 'markdown' && !domainColumn) paragraphs.push(...tableHeader);
    if (plan.dashDomains) paragraphs.push(`（领域牵头单位：${domainLead}）`);
    if (plan.domainLeadsOnly) paragraphs.push(`牵头单位：${domainLead}`);
    const { documentNumbering } = plan;
    const numbering = plan.mixedNumbering && next() < 0.5 ? (documentNumbering === 'chinese-paren' ? 'arabic-dot' : 'chinese-paren') : documentNumbering;
    const measures: GeneratedMeasure[] = [];
    // A sectioned domain starts a second section halfway, and numbers its measures afresh in each.
    const sections = plan.sectioned && plan.perDomain >= 2 && next() < 0.5 ? [0, Math.ceil(plan.perDomain / 2)] : [];
    let number = 0;
    for (let m = 0; m < plan.perDomain; m++) {
      const section = sections.indexOf(m);
      if (section >= 0) {
        const heading = `（${chineseSerial[section]}）${pick(next, verbs)}${pick(next, objects)}`;
        if (plan.sectionProse) used.add('level-section-prose');
        paragraphs.push(plan.sectionProse ? `${heading}。统筹推进相关工作，形成工作合力。` : heading);
        runOnto = null;
        if (!plan.numberAcrossSections) number = 0;
      }
      number++;
      const draft = draftMeasure(plan, draws, measureIndex);
      const label = layout === 'unnumbered' ? '' : measureLabel(numbering, number);
      const mine =
        layout === 'table'
          ? tableRow(plan, draws, draft, ++row, m === 0 ? name : '')
          : layout === 'lines' || layout === 'unnumbered'
            ? labelledLines(plan, draws, draft, label)
            : plan.domainLeadsOnly
              ? [`${label}${draft.body}`]
              : plan.bracketLabels
                ? bracketLabelled(plan, draws, draft, label)
                : clauseParagraphs(plan, draws, draft, label);
      // Run-in: this measure on the paragraph of its heading, or of the last measure after its sentence end or clause.
      if (runOnto !== null && (runOnto.heading || vary() < 0.6)) {
        used.add(runOnto.heading ? 'run-in-heading' : 'run-in-measures');
        paragraphs[runOnto.paragraph] += mine.shift() as string;
      }
      paragraphs.push(...mine);
      runOnto = plan.runInMeasures && /[。）〕\]】]$/.test(paragraphs.at(-1) as string) ? { paragraph: paragraphs.length - 1, heading: false } : null;
      measureIndex++;
      const { lead, responsible, supporting, deadlines, leadRule } = draft;
      measures.push(
        plan.domainLeadsOnly
          ? { lead: [], responsible: [], supporting: [], deadlines, leadRule: null }
          : { lead, responsible, supporting, deadlines, leadRule: lead.length > 0 ? leadRule : null },
      );
    }
    domains.push({ name, lead: plan.dashDomains || plan.headingLeads || plan.domainLeadsOnly ? [domainLead] : [], measures });
  }
  if (plan.closingSection)
    paragraphs.push(
      `${chineseSerial[plan.domainCount + headingOffset]}、保障措施`,
      '各牵头单位要细化工作举措，每季度末报送工作进展情况，确保各项任务落实到位。',
    );
  const text = renderText(plan, paragraphs, frameLines(plan, draws));
  const script = plan.traditional ? toTraditional : (value: string) => value;
  return {
    text,
    title: script(plan.title),
    year: plan.year,
    style: plan.style,
    script: plan.traditional ? 'traditional' : 'simplified',
    domains: domains.map((domain) => ({
      name: script(domain.name),
      lead: domain.lead.map(script),
      measures: domain.measures.map((measure) => ({
        lead: measure.lead.map(script),
        responsible: measure.responsible.map(script),
        supporting: measure.supporting.map(script),
        deadlines: measure.deadlines.map((deadline) => ({ text: script(deadline.text), date: deadline.date })),
        leadRule: measure.leadRule,
      })),
    })),
    conventions: conventions.filter((convention) => used.has(convention)),
  };
}

/** A corpus of at least `bytes` UTF-8 bytes of generated documents. */
export function generateCorpus(bytes: number, seed = 1, options: GenerateOptions = {}): string[] {
  const documents: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const { text } = generateDocument(seed * 100_003 + i, options);
    documents.push(text);
    size += Buffer.byteLength(text);
  }
  return documents;
}
