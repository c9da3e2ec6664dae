/**
 * A generator of task-division documents from a grammar of the genre, for property tests and
 * the benchmark corpus. Each document comes with what it contains (domains, units, deadlines),
 * so that a test can check the extraction recovers exactly that. Deterministic for a seed.
 */

export interface GeneratedMeasure {
  readonly lead: string[];
  readonly responsible: string[];
  readonly deadlines: { readonly text: string; readonly date: string }[];
}

export interface GeneratedDocument {
  readonly text: string;
  readonly year: number;
  readonly style: 'pdf' | 'web';
  readonly domains: { readonly name: string; readonly measures: GeneratedMeasure[] }[];
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
  '发展改革委', '财政厅', '工业和信息化厅', '人力资源社会保障厅', '市场监管局', '大数据局', '自然资源厅', '住房城乡建设厅',
  '交通运输厅', '商务厅', '科技厅', '司法厅', '文化和旅游厅', '生态环境厅', '农业农村厅', '税务局', '公安厅', '教育厅', '水利厅', '能源局',
];
const domainNames = ['优化政务服务', '企业准入退出', '工程建设项目审批', '获得电力', '登记财产', '纳税服务', '跨境贸易', '金融服务', '政府采购', '招标投标', '知识产权保护', '市场监管', '人才流动', '法治保障'];
const verbs = ['深化', '推进', '优化', '完善', '加快', '健全', '强化', '提升', '拓展', '规范'];
const objects = ['“一网通办”改革', '电子证照应用', '信用监管体系', '审批服务流程', '数据共享机制', '帮办代办服务', '线上办理渠道', '企业开办服务', '公共资源交易平台', '跨部门综合监管'];
const actions = ['完成系统改造', '出台实施方案', '实现全程网办', '建立工作机制', '开展专项行动', '发布办事指南', '推动平台互联互通', '组织试点工作'];
const targetUnits = ['家', '项', '个', '场', '条'];
const chineseSerial = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];

const pick = <T>(next: () => number, items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

function lastDay(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${new Date(Date.UTC(year, month, 0)).getUTCDate()}`;
}

const toFullWidth = (text: string): string => text.replace(/[0-9]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) + 0xfee0));
const toPdfPunctuation = (text: string): string => text.replace(/，/g, ',').replace(/。/g, '.').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/；/g, ';');

/** Wraps a paragraph at `width` characters, as PDF extraction does. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  for (let start = 0; start < text.length; start += width) lines.push(text.slice(start, start + width));
  return lines;
}

export function generateDocument(seed: number, options: { measures?: number } = {}): GeneratedDocument {
  const next = random(seed);
  const style: 'pdf' | 'web' = next() < 0.5 ? 'pdf' : 'web';
  const year = 2019 + Math.floor(next() * 8);
  const provincial = next() < 0.5;
  const prefix = provincial ? '省' : '市';
  const region = provincial ? pick(next, places) : pick(next, cities);
  const title = `${region}${year}年优化营商环境重点任务分工方案`;
  const domainCount = 2 + Math.floor(next() * 6);
  const perDomain = options.measures ?? 3 + Math.floor(next() * 8);
  const domains: GeneratedDocument['domains'] = [];
  const domainOffset = Math.floor(next() * domainNames.length);
  const paragraphs: string[] = [title];
  if (style === 'web') paragraphs.push(`为深入贯彻落实党中央、国务院决策部署，持续优化营商环境，结合${region}实际，制定本方案。`);
  for (let d = 0; d < domainCount; d++) {
    const name = domainNames[(d + domainOffset) % domainNames.length] as string;
    const domainLead = `${prefix}${pick(next, unitStems)}`;
    paragraphs.push(style === 'pdf' ? `配套措施———${name}` : `${chineseSerial[d]}、${name}`);
    if (style === 'pdf') paragraphs.push(`（领域牵头单位：${domainLead}）`);
    const measures: GeneratedMeasure[] = [];
    for (let m = 0; m < perDomain; m++) {
      const lead = [...new Set([pick(next, unitStems), pick(next, unitStems)].slice(0, 1 + Math.floor(next() * 2)))].map((stem) => `${prefix}${stem}`);
      const responsible = next() < 0.5 ? [] : [...new Set([pick(next, unitStems), pick(next, unitStems), pick(next, unitStems)])].map((stem) => `${prefix}${stem}`).filter((unit) => !lead.includes(unit));
      const deadlines: GeneratedMeasure['deadlines'] = [];
      let body = `${pick(next, verbs)}${pick(next, objects)}。`;
      const sentences = 1 + Math.floor(next() * 3);
      let lastMonth = 0;
      for (let s = 0; s < sentences; s++) {
        if (next() < 0.7 && lastMonth < 12) {
          const month = lastMonth + 1 + Math.floor(next() * Math.min(4, 12 - lastMonth));
          lastMonth = month;
          deadlines.push({ text: `${month}月底前`, date: lastDay(year, month) });
          body += `${month}月底前，`;
        }
        body += `${pick(next, actions)}`;
        if (next() < 0.3) body += `，新增试点${1 + Math.floor(next() * 50)}${pick(next, targetUnits)}以上`;
        body += '。';
      }
      const etc = responsible.length > 0 && next() < 0.3;
      const clause = responsible.length > 0 ? `（牵头单位：${lead.join('、')}；责任单位：${responsible.join('、')}${etc ? '等部门' : ''}）` : `（牵头单位：${lead.join('、')}）`;
      measures.push({ lead, responsible, deadlines });
      const number = m + 1;
      paragraphs.push(style === 'pdf' ? `${number}${body}${clause}` : `${number}.${body}${clause}`);
    }
    domains.push({ name, measures });
  }
  let text: string;
  if (style === 'pdf') {
    // PDF extraction: full-width digits, ASCII punctuation, wrapped lines, a blank line after
    // each line, page numbers and a running header every 40 lines.
    const lines: string[] = [''];
    let page = 1;
    for (const paragraph of paragraphs) {
      for (const line of wrap(toPdfPunctuation(toFullWidth(paragraph)), 28)) {
        lines.push(line, '');
        if (lines.length % 80 === 0) lines.push(`—${toFullWidth(String(page++).padStart(2, '0'))}—`, '', ` ${title}`, '');
      }
    }
    text = lines.join('\n');
  } else {
    text = paragraphs.map((paragraph, i) => (i === 0 ? paragraph : `\u3000\u3000${paragraph}`)).join('\n');
  }
  return { text, year, style, domains };
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
