/**
 * Tables saved as text (Word's "save as text", a spreadsheet's TSV): one row per line, cells
 * separated by tabs, a header row naming the columns. The header says which cell holds the task,
 * which the lead and responsible units, which the deadline, and which (if any) the domain.
 */

export type TableColumn = 'number' | 'domain' | 'task' | 'lead' | 'responsible' | 'supporting' | 'deadline';

/** Header words, by column; a cell names a column when it contains one. Checked in this order: units before tasks. */
export const tableHeaderWords: ReadonlyArray<readonly [TableColumn, readonly string[]]> = [
  ['number', ['序号', '编号', '序號', '編號']],
  ['lead', ['牵头单位', '牵头部门', '牽頭單位', '牽頭部門', '主责单位', '主辦單位', '主办单位']],
  ['responsible', ['责任单位', '责任部门', '責任單位', '責任部門', '负责单位', '负责部门', '負責單位', '負責部門', '责任主体', '實施單位', '实施单位']],
  ['supporting', ['配合单位', '配合部门', '配合單位', '協辦單位', '协办单位', '参与单位']],
  ['deadline', ['完成时限', '完成时间', '时间节点', '完成期限', '完成時限', '時間節點', '时限', '時限', '期程', '期限']],
  ['domain', ['领域', '領域', '类别', '類別', '板块', '板塊']],
  ['task', ['任务', '任務', '措施', '工作内容', '工作內容', '事项', '事項', '内容', '內容']],
];

/** Column index of each named column, from a header row; null when the row is not a header. */
export function readTableHeader(line: string): Partial<Record<TableColumn, number>> | null {
  const cells = line.split('\t');
  if (cells.length < 3) return null;
  const columns: Partial<Record<TableColumn, number>> = {};
  let named = 0;
  const taskWords = tableHeaderWords.find(([column]) => column === 'task')?.[1] ?? [];
  cells.forEach((cell, index) => {
    // Two task columns (`重点任务`, `具体措施`): the first groups the rows, the second holds the task.
    if (columns.task !== undefined && columns.domain === undefined && taskWords.some((word) => cell.includes(word))) {
      columns.domain = columns.task;
      columns.task = index;
      named++;
      return;
    }
    for (const [column, words] of tableHeaderWords) {
      if (columns[column] === undefined && words.some((word) => cell.includes(word))) {
        columns[column] = index;
        named++;
        return;
      }
    }
  });
  // A header names units, not just a number and a task.
  const namesUnits = columns.lead !== undefined || columns.responsible !== undefined;
  return named >= 3 && namesUnits ? columns : null;
}

export const tableExamples = {
  ok: [
    ['序号\t重点任务\t牵头单位\t责任单位\t完成时限', { number: 0, task: 1, lead: 2, responsible: 3, deadline: 4 }],
    ['序号\t重点领域\t具体措施\t牵头单位\t配合单位\t完成时限', { number: 0, domain: 1, task: 2, lead: 3, supporting: 4, deadline: 5 }],
    ['序号\t重点任务\t具体措施\t责任单位\t完成时限', { number: 0, domain: 1, task: 2, responsible: 3, deadline: 4 }],
  ],
  notOk: ['序号\t任务', '1\t推进企业开办\t县市场监管局'],
} as const;
