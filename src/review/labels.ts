/** The page's own words, in the script of the document they stand beside. */
export type Script = 'simplified' | 'traditional';

export interface Labels {
  readonly lang: string;
  readonly id: string;
  readonly task: string;
  readonly lead: string;
  readonly responsible: string;
  readonly supporting: string;
  readonly deadline: string;
  readonly date: string;
  readonly clause: string;
  readonly target: string;
  readonly warning: string;
  readonly unit: string;
  readonly status: string;
  readonly allUnits: string;
  readonly allStatuses: string;
  readonly measures: string;
  readonly units: string;
  readonly deadlines: string;
  readonly warnings: string;
  readonly source: string;
  readonly ledger: string;
  readonly noTitle: string;
  readonly review: string;
  readonly statuses: Readonly<Record<string, string>>;
}

const simplified: Labels = {
  lang: 'zh-Hans',
  id: '序号',
  task: '任务',
  lead: '牵头单位',
  responsible: '责任单位',
  supporting: '配合单位',
  deadline: '完成时限',
  date: '截止日期',
  clause: '分工条款',
  target: '量化指标',
  warning: '警告',
  unit: '单位',
  status: '状态',
  allUnits: '全部单位',
  allStatuses: '全部状态',
  measures: '项措施',
  units: '个单位',
  deadlines: '个时限',
  warnings: '条警告',
  source: '原文',
  ledger: '台账',
  noTitle: '（无标题）',
  review: '台账审阅',
  statuses: { overdue: '已逾期', 'due-soon': '即将到期', pending: '未到期', undated: '无日期', ongoing: '长期' },
};

const traditional: Labels = {
  lang: 'zh-Hant',
  id: '序號',
  task: '任務',
  lead: '牽頭單位',
  responsible: '責任單位',
  supporting: '配合單位',
  deadline: '完成時限',
  date: '截止日期',
  clause: '分工條款',
  target: '量化指標',
  warning: '警告',
  unit: '單位',
  status: '狀態',
  allUnits: '全部單位',
  allStatuses: '全部狀態',
  measures: '項措施',
  units: '個單位',
  deadlines: '個時限',
  warnings: '條警告',
  source: '原文',
  ledger: '台賬',
  noTitle: '（無標題）',
  review: '台賬審閱',
  statuses: { overdue: '已逾期', 'due-soon': '即將到期', pending: '未到期', undated: '無日期', ongoing: '長期' },
};

export function labelsFor(script: Script): Labels {
  return script === 'traditional' ? traditional : simplified;
}

/**
 * Characters frequent in task-division documents whose forms differ between the scripts, the
 * same characters in the same order: 单/單 位, 责/責 任, 务/務, 时/時 限, 头/頭 …
 */
const simplifiedOnly = '单责务时头进发区会机关办实业经设员点质体标监厅广环规划级证们为开门东华国对数据网统农医财税营协调应权产资议审处织导';
const traditionalOnly = '單責務時頭進發區會機關辦實業經設員點質體標監廳廣環規劃級證們為開門東華國對數據網統農醫財稅營協調應權產資議審處織導';

const sampleLength = 20_000;

/** The script most of the text is written in, from its first 20,000 characters. */
export function detectScript(text: string): Script {
  let simplifiedCount = 0;
  let traditionalCount = 0;
  const end = Math.min(text.length, sampleLength);
  for (let i = 0; i < end; i++) {
    const char = text[i] as string;
    if (simplifiedOnly.includes(char)) simplifiedCount++;
    else if (traditionalOnly.includes(char)) traditionalCount++;
  }
  return traditionalCount > simplifiedCount ? 'traditional' : 'simplified';
}
