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
 */

export interface GeneratedMeasure {
  readonly lead: string[];
  readonly responsible: string[];
  readonly supporting: string[];
  readonly deadlines: { readonly text: string; readonly date: string | null }[];
}

export interface GeneratedDocument {
  readonly text: string;
  readonly title: string;
  readonly year: number;
  readonly style: 'pdf' | 'web';
  readonly script: 'simplified' | 'traditional';
  readonly domains: { readonly name: string; readonly lead: string[]; readonly measures: GeneratedMeasure[] }[];
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
 * Simplified to Traditional for every character of the vocabulary above that differs: documents
 * from Hong Kong, Macao and Taiwan, and some mainland archives, are in Traditional script.
 */
const traditionalForms: Readonly<Record<string, string>> = Object.fromEntries(
  [
    ...'东苏广济岛郑汉庄发财厅业资会场监数据乡设运输务态环农优准项审获电记产纳贸采购标识权护动进强规范网办证应体机帮线开门综统实现专联组织试点个条营为贯彻党国决续结际领牵头单责负时长坚号关于间节',
  ].map((simplified, i) => [
    simplified,
    [
      ...'東蘇廣濟島鄭漢莊發財廳業資會場監數據鄉設運輸務態環農優準項審獲電記產納貿採購標識權護動進強規範網辦證應體機幫線開門綜統實現專聯組織試點個條營為貫徹黨國決續結際領牽頭單責負時長堅號關於間節',
    ][i] as string,
  ]),
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
): string {
  const { splitList, leadInList, ledBy } = variant;
  const others = `${responsible.join('、')}${etc}`;
  if (form === 'verbs') {
    // Guangdong breaks a long list at a comma before its verb: `（A牵头，B，C、D按职责分工负责）`.
    const responsibleList = splitList && responsible.length >= 2 ? `${responsible[0]}，${others.slice((responsible[0] as string).length + 1)}` : others;
    const parts = [
      `${ledBy ? '由' : ''}${lead.join('、')}牵头`,
      ...(responsible.length > 0 ? [`${responsibleList}负责`] : []),
      ...(supporting.length > 0 ? [`${supporting.join('、')}配合`] : []),
    ];
    return `（${[...parts, ...(deadline === null ? [] : [deadline])].join('，')}）`;
  }
  // Shanghai names the lead inside the responsible list: `（责任单位：A、B牵头，C、D）`.
  if (leadInList && responsible.length > 0 && supporting.length === 0) {
    return `（${[...(deadline === null ? [] : [deadline]), `责任单位：${lead.join('、')}牵头，${others}`].join('；')}）`;
  }
  // A labelled clause may open with the deadline: `（2024年6月底前完成；牵头单位：…）`.
  const labelled = [
    `牵头单位：${lead.join('、')}`,
    ...(responsible.length > 0 ? [`责任单位：${others}`] : []),
    ...(supporting.length > 0 ? [`配合单位：${supporting.join('、')}`] : []),
  ];
  return `（${[...(deadline === null ? [] : [deadline]), ...labelled].join('；')}）`;
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

export function generateDocument(seed: number, options: { measures?: number } = {}): GeneratedDocument {
  const next = random(seed);
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
  const title = next() < 0.2 ? `${region}人民政府办公厅关于印发${plan}的通知` : plan;
  const clauseForm: 'labelled' | 'verbs' = next() < 0.7 ? 'labelled' : 'verbs';
  // Some web lists put labels in lenticular brackets instead of before a colon.
  const bracketLabels = style === 'web' && next() < 0.1;
  // Web documents give a measure's units in its paragraph, on labelled lines under it
  // (`牵头单位：…` / `完成时限：…`), or as a table saved as text, one tab-separated row per measure.
  const layout: 'paragraph' | 'lines' | 'table' = style === 'pdf' ? 'paragraph' : pick(next, ['paragraph', 'paragraph', 'lines', 'table'] as const);
  let row = 0;
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
    !dashDomains && !mixedNumbering && layout !== 'table' && (documentNumbering === 'arabic-dot' || documentNumbering === 'arabic-comma') && next() < 0.25;
  // Web documents sometimes come as an attachment (`附件`, a document number) and close with the
  // issuer and the date: lines that are not part of the last measure.
  const framed = style === 'web' && layout !== 'table' && next() < 0.3;
  const crlf = style === 'web' && next() < 0.2;
  const headingLeads = style === 'web' && layout !== 'table' && next() < 0.3;
  // Some plans name only each domain's lead, under its heading, and no units in the measures.
  const domainLeadsOnly = style === 'web' && layout === 'paragraph' && !headingLeads && next() < 0.15;
  // Some web documents put a measure's clause in a paragraph of its own under the text.
  const clauseOnOwnLine = style === 'web' && layout === 'paragraph' && next() < 0.2;
  const domains: GeneratedDocument['domains'] = [];
  const domainOffset = Math.floor(next() * domainNames.length);
  const paragraphs: string[] = [title];
  // Half the tables name the domain in a column of their own (blank below its first row, as merged
  // cells save) instead of in a row between the measures.
  const domainColumn = layout === 'table' && next() < 0.5;
  // What the deadline label says: 完成时限 most often; Taiwan writes 辦理期程.
  const deadlineLabel = roc ? '辦理期程' : pick(next, ['完成时限', '完成时限', '完成时间', '完成期限', '时间节点'] as const);
  if (layout === 'table')
    paragraphs.push(domainColumn ? `序号\t重点领域\t具体措施\t牵头单位\t责任单位\t${deadlineLabel}` : `序号\t重点任务\t牵头单位\t责任单位\t${deadlineLabel}`);
  else if (style === 'web') paragraphs.push(`为深入贯彻落实党中央、国务院决策部署，持续优化营商环境，结合${region}实际，制定本方案。`);
  for (let d = 0; d < domainCount; d++) {
    const name = domainNames[(d + domainOffset) % domainNames.length] as string;
    const domainLead = `${prefix}${pick(next, unitStems)}`;
    // A domain's lead unit: on a line under a dash title, or in the heading (`一、X（牵头单位：…）`).
    const domainLabel = formalDomains ? `${'壹貳參肆伍陸柒捌玖拾'[d]}、` : `${chineseSerial[d]}、`;
    if (!domainColumn) paragraphs.push(dashDomains ? `配套措施———${name}` : `${domainLabel}${name}${headingLeads ? `（牵头单位：${domainLead}）` : ''}`);
    if (dashDomains) paragraphs.push(`（领域牵头单位：${domainLead}）`);
    if (domainLeadsOnly) paragraphs.push(`牵头单位：${domainLead}`);
    const numbering = mixedNumbering && next() < 0.5 ? (documentNumbering === 'chinese-paren' ? 'arabic-dot' : 'chinese-paren') : documentNumbering;
    const measures: GeneratedMeasure[] = [];
    // A sectioned domain starts a second section halfway, and numbers its measures afresh in each.
    const sections = sectioned && perDomain >= 2 && next() < 0.5 ? [0, Math.ceil(perDomain / 2)] : [];
    let number = 0;
    for (let m = 0; m < perDomain; m++) {
      const section = sections.indexOf(m);
      if (section >= 0) {
        paragraphs.push(`（${chineseSerial[section]}）${pick(next, verbs)}${pick(next, objects)}`);
        number = 0;
      }
      number++;
      const lead = [...new Set([pick(next, unitStems), pick(next, unitStems)].slice(0, 1 + Math.floor(next() * 2)))].map((stem) => `${prefix}${stem}`);
      const responsible =
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
          : [];
      const deadlines: GeneratedMeasure['deadlines'] = [];
      let body = `${pick(next, verbs)}${pick(next, objects)}。`;
      const sentences = 1 + Math.floor(next() * 3);
      let lastMonth = 0;
      for (let s = 0; s < sentences; s++) {
        const deadline = next() < 0.7 ? nextDeadline(next, year, lastMonth, yearText) : null;
        if (deadline) {
          lastMonth = deadline.month;
          deadlines.push({ text: deadline.text, date: deadline.date });
          body += `${deadline.text}，`;
        }
        body += `${pick(next, actions)}`;
        if (next() < 0.3) body += `，新增试点${1 + Math.floor(next() * 50)}${pick(next, targetUnits)}以上`;
        body += '。';
      }
      // An open list: `A、B等部门`.
      const etc = responsible.length > 0 && next() < 0.3 ? pick(next, ['等部门', '等相关单位', '等有关部门'] as const) : '';
      const others = `${responsible.join('、')}${etc}`;
      if (layout === 'table') {
        const cell = labelledDeadline(next, year, yearText);
        deadlines.push(cell);
        const domainCell = domainColumn ? `${m === 0 ? name : ''}\t` : '';
        paragraphs.push(`${++row}\t${domainCell}${body}\t${lead.join('、')}\t${others}\t${cell.text}`);
      } else if (layout === 'lines') {
        paragraphs.push(`${measureLabel(numbering, number)}${body}`, `牵头单位：${lead.join('、')}`);
        if (responsible.length > 0) paragraphs.push(`责任单位：${others}`);
        if (supporting.length > 0) paragraphs.push(`配合单位：${supporting.join('、')}`);
        if (next() < 0.6) {
          const line = labelledDeadline(next, year, yearText);
          deadlines.push(line);
          paragraphs.push(`${deadlineLabel}：${line.text}`);
        }
      } else if (domainLeadsOnly) {
        paragraphs.push(`${measureLabel(numbering, number)}${body}`);
      } else if (bracketLabels) {
        // `【牵头单位】A【责任单位】B、C【完成时限】2024年6月` after the text, to the end of the paragraph.
        const cell = next() < 0.5 ? labelledDeadline(next, year, yearText) : null;
        if (cell !== null) deadlines.push(cell);
        const labelled = [
          `【牵头单位】${lead.join('、')}`,
          ...(responsible.length > 0 ? [`【责任单位】${others}`] : []),
          ...(supporting.length > 0 ? [`【配合单位】${supporting.join('、')}`] : []),
          ...(cell === null ? [] : [`【${deadlineLabel}】${cell.text}`]),
        ];
        paragraphs.push(`${measureLabel(numbering, number)}${body}${labelled.join('')}`);
      } else {
        // A role-verb clause may close with the deadline (`（A牵头，B负责，2024年6月底前完成）`), a labelled one open with it.
        const inClause = next() < (clauseForm === 'verbs' ? 0.3 : 0.15) ? labelledDeadline(next, year, yearText) : null;
        const clauseDeadline = inClause === null ? null : inClause.date === null ? inClause.text : `${inClause.text}完成`;
        if (inClause !== null) deadlines.push({ text: clauseDeadline as string, date: inClause.date });
        const clause = unitClause(clauseForm, lead, responsible, supporting, etc, clauseDeadline, {
          splitList: next() < 0.2,
          leadInList: next() < 0.15,
          ledBy: next() < 0.1,
        });
        if (clauseOnOwnLine) paragraphs.push(`${measureLabel(numbering, number)}${body}`, clause);
        else paragraphs.push(`${measureLabel(numbering, number)}${body}${clause}`);
      }
      measures.push(domainLeadsOnly ? { lead: [], responsible: [], supporting: [], deadlines } : { lead, responsible, supporting, deadlines });
    }
    domains.push({ name, lead: dashDomains || headingLeads || domainLeadsOnly ? [domainLead] : [], measures });
  }
  const script = traditional ? toTraditional : (text: string) => text;
  let text: string;
  if (style === 'pdf') {
    // PDF extraction: full-width digits, ASCII punctuation, wrapped lines, a blank line after
    // each line, page numbers and a running header every 40 lines.
    const lines: string[] = [''];
    let page = 1;
    for (const paragraph of paragraphs) {
      for (const line of wrap(toPdfPunctuation(toFullWidth(script(paragraph))), 28)) {
        lines.push(line, '');
        if (lines.length % 80 === 0) lines.push(`—${toFullWidth(String(page++).padStart(2, '0'))}—`, '', ` ${script(title)}`, '');
      }
    }
    text = lines.join('\n');
  } else {
    const body = paragraphs.map((paragraph, i) => (i === 0 || layout === 'table' ? script(paragraph) : `\u3000\u3000${script(paragraph)}`));
    const lines = framed
      ? ['附件', `${script(region)}政办发〔${year}〕${1 + (seed % 30)}号`, ...body, `${script(region)}人民政府办公厅`, `${year}年3月17日`]
      : body;
    text = lines.join(crlf ? '\r\n' : '\n');
  }
  return {
    text,
    title: script(title),
    year,
    style,
    script: traditional ? 'traditional' : 'simplified',
    domains: domains.map((domain) => ({
      name: script(domain.name),
      lead: domain.lead.map(script),
      measures: domain.measures.map((measure) => ({
        lead: measure.lead.map(script),
        responsible: measure.responsible.map(script),
        supporting: measure.supporting.map(script),
        deadlines: measure.deadlines.map((deadline) => ({ text: script(deadline.text), date: deadline.date })),
      })),
    })),
  };
}

/** A corpus of at least `bytes` UTF-8 bytes of generated documents. */
export function generateCorpus(bytes: number, seed = 1): string[] {
  const documents: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const { text } = generateDocument(seed * 100_003 + i);
    documents.push(text);
    size += Buffer.byteLength(text);
  }
  return documents;
}
