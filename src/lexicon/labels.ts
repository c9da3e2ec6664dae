/**
 * The labels of the genre: the words that name a field of a task, in a clause (`（牵头单位：A）`),
 * on a line of its own (`责任单位：A`), in a table header (`序号⇥工作任务⇥牵头单位`) or as a field name
 * with its value under it. One list for all of them, so a label added here is known everywhere.
 *
 * Words are written in simplified script: the rules match the folded text (see script.ts), so
 * `牽頭單位` and `主辦機關` are the same entries as `牵头单位` and `主办机关`.
 */

/**
 * What a field holds.
 * - `lead`, `responsible`, `supporting`: units in that role (牵头, 责任, 配合).
 * - `deadline`: when the task is due; a bare month or year there is a deadline (`完成时限：2023年`).
 * - `schedule`: a plan of steps with their dates (`进度安排`); dates in it are deadlines as written.
 * - `person`: a person (`牵头领导`), never a unit: read and left out.
 * - `progress`: what was done (`进展情况`, `完成情况`); its dates are reports, not deadlines.
 * - `task`: the task itself (`工作任务`); `number`: the row number (`序号`); `domain`: a grouping column
 *   (`重点领域`); `place`: where (`建设地点`); `note`: remarks (`备注`).
 */
export type FieldRole =
  | 'lead'
  | 'responsible'
  | 'supporting'
  | 'deadline'
  | 'schedule'
  | 'person'
  | 'progress'
  | 'task'
  | 'number'
  | 'domain'
  | 'place'
  | 'note';

/** The roles whose fields hold units. */
export type UnitRole = 'lead' | 'responsible' | 'supporting';

export function isUnitRole(role: FieldRole): role is UnitRole {
  return role === 'lead' || role === 'responsible' || role === 'supporting';
}

export interface LabelEntry {
  readonly word: string;
  readonly role: FieldRole;
  /** Where the label may stand: in a clause or labelled line (`clause`), or only as a table header or field name (`header`). */
  readonly use: 'clause' | 'header';
  /** A line of a real-looking document that uses it. */
  readonly example: string;
}

const clause = (word: string, role: FieldRole, example: string): LabelEntry => ({ word, role, use: 'clause', example });
const header = (word: string, role: FieldRole, example: string): LabelEntry => ({ word, role, use: 'header', example });

export const labels: readonly LabelEntry[] = [
  // Lead units. `领域…` labels name the lead of a whole domain, under its heading.
  clause('牵头单位', 'lead', '（牵头单位：市发展改革委；责任单位：市财政局）'),
  clause('领域牵头单位', 'lead', '（领域牵头单位：省政府办公厅）'),
  clause('领域牵头部门', 'lead', '（领域牵头部门：省商务厅）'),
  clause('牵头部门', 'lead', '（牵头部门：区市场监管局）'),
  clause('牵头责任单位', 'lead', '牵头责任单位：县住建局'),
  clause('主要责任单位', 'lead', '（主要责任单位：市教育局；协作单位：市财政局）'),
  clause('主责单位', 'lead', '主责单位：市商务局'),
  clause('主责部门', 'lead', '（主责部门：市数据局）'),
  clause('主办单位', 'lead', '主办单位：县农业农村局'),
  clause('主办机关', 'lead', '（主辦機關：經濟部；協辦機關：財政部）'),
  clause('牵头机关', 'lead', '（牽頭機關：衛生福利部）'),
  clause('牵头', 'lead', '牵头：市交通运输局'),
  // Responsible units.
  clause('责任单位', 'responsible', '（责任单位：各县区政府）'),
  clause('责任部门', 'responsible', '（责任部门：区府办、区科委）'),
  clause('具体责任单位', 'responsible', '具体责任单位：各镇街'),
  clause('负责单位', 'responsible', '负责单位：市水务局'),
  clause('负责部门', 'responsible', '（负责部门：市民政局）'),
  clause('责任主体', 'responsible', '（责任主体：各园区管委会）'),
  clause('落实单位', 'responsible', '落实单位：市直有关部门'),
  clause('实施单位', 'responsible', '实施单位：县交通局'),
  clause('承办单位', 'responsible', '（承办单位：市司法局）'),
  clause('责任', 'responsible', '责任：市应急局'),
  // Supporting units.
  clause('配合单位', 'supporting', '（牵头单位：市科委，配合单位：各区县市）'),
  clause('配合部门', 'supporting', '（牵头部门：市文旅局；配合部门：市公安局）'),
  clause('协同单位', 'supporting', '协同单位：市工信局'),
  clause('协作单位', 'supporting', '（主要责任单位：市教育局；协作单位：市财政局）'),
  clause('主要协作单位', 'supporting', '主要协作单位：市卫健委'),
  clause('参与单位', 'supporting', '参与单位：各乡镇'),
  clause('参加单位', 'supporting', '参加单位：县直各部门'),
  clause('协办单位', 'supporting', '（主办单位：市商务局；协办单位：市贸促会）'),
  clause('协办机关', 'supporting', '（主辦機關：經濟部；協辦機關：財政部）'),
  clause('配合', 'supporting', '配合：市财政局'),
  // Deadlines.
  clause('完成时限', 'deadline', '完成时限：2023年6月底前'),
  clause('完成时间', 'deadline', '（完成时间：12月底前）'),
  clause('完成期限', 'deadline', '完成期限：2023年12月底前'),
  clause('时间节点', 'deadline', '时间节点：2024年9月'),
  clause('时限要求', 'deadline', '时限要求：持续推进'),
  clause('时限', 'deadline', '（责任单位：县委办；时限：6月底前）'),
  clause('完成节点', 'deadline', '完成节点：三季度'),
  clause('计划完成时间', 'deadline', '计划完成时间：2024年'),
  clause('办理期限', 'deadline', '办理期限：113年6月'),
  clause('办理期程', 'deadline', '（主辦機關：交通部；辦理期程：113年12月）'),
  clause('预定完成日期', 'deadline', '預定完成日期：114年6月'),
  // People: read, never units.
  clause('牵头领导', 'person', '牵头领导：张明'),
  clause('责任领导', 'person', '（责任领导：李华；责任单位：县发改局）'),
  clause('分管领导', 'person', '分管领导：王强'),
  clause('牵头责任人', 'person', '牵头责任人：赵刚'),
  clause('责任人', 'person', '责任人：陈静'),
  clause('联系人', 'person', '联系人：刘洋'),
  clause('包保领导', 'person', '包保领导：周勇'),
  clause('县级领导', 'person', '县级领导：孙伟'),
  // Header words and field names that are not clause labels.
  header('序号', 'number', '序号⇥工作任务⇥牵头单位⇥责任单位⇥完成时限'),
  header('编号', 'number', '编号⇥重点任务⇥主办单位'),
  header('工作任务', 'task', '序号⇥工作任务⇥牵头单位'),
  header('重点任务', 'task', '序号⇥重点任务⇥牵头单位⇥完成时限'),
  header('具体任务', 'task', '具体任务'),
  header('主要任务', 'task', '序号｜主要任务｜责任单位'),
  header('任务内容', 'task', '序号⇥任务内容⇥责任单位'),
  header('工作事项', 'task', '序号 | 工作事项 | 进度安排'),
  header('重点工作', 'task', '重点工作：| 12.推进老旧小区改造 |'),
  header('工作内容', 'task', '序号⇥工作内容⇥责任部门'),
  header('主要内容', 'task', '序号⇥主要内容⇥牵头部门'),
  header('实事内容', 'task', '实事内容⇥工作任务⇥责任单位'),
  header('具体措施', 'task', '重点任务⇥具体措施⇥牵头单位'),
  header('工作措施', 'task', '序号⇥工作措施⇥责任单位'),
  header('改革事项', 'task', '序号⇥改革事项⇥牵头单位'),
  header('目标任务', 'task', '序号⇥目标任务⇥责任单位'),
  header('项目名称', 'task', '序号⇥项目名称⇥建设地点⇥责任单位'),
  header('任务', 'task', '序号⇥任务⇥牵头单位'),
  header('事项', 'task', '序号⇥事项⇥责任单位'),
  header('重点领域', 'domain', '重点领域⇥重点任务⇥牵头单位'),
  header('领域', 'domain', '领域⇥任务⇥牵头单位'),
  header('类别', 'domain', '类别⇥工作任务⇥责任单位'),
  header('主题', 'domain', '主题⇥实事内容⇥责任单位'),
  header('进度安排', 'schedule', '序号 | 工作事项 | 进度安排 | 进展情况'),
  header('时间安排', 'schedule', '序号⇥任务⇥时间安排'),
  header('阶段目标', 'schedule', '序号⇥任务⇥阶段目标⇥责任单位'),
  header('年度目标', 'schedule', '序号⇥任务⇥年度目标⇥责任单位'),
  header('年度阶段性工作目标', 'schedule', '年度阶段性工作目标：| 第一季度：完成方案。 |'),
  header('工作目标', 'schedule', '序号⇥工作任务⇥工作目标⇥责任单位'),
  header('进展情况', 'progress', '序号 | 工作事项 | 进度安排 | 进展情况'),
  header('完成情况', 'progress', '序号 | 工作事项 | 进展情况 | 完成情况'),
  header('推进情况', 'progress', '序号⇥任务⇥推进情况'),
  header('落实情况', 'progress', '序号⇥任务⇥落实情况'),
  header('工作进展', 'progress', '序号⇥任务⇥工作进展'),
  header('存在问题', 'progress', '进展情况⇥存在问题⇥下一步措施'),
  header('下一步措施', 'progress', '存在问题⇥下一步措施'),
  header('下一步工作建议', 'progress', '进展情况、存在问题及下一步工作建议：|'),
  header('是否销号', 'progress', '完成情况⇥是否销号'),
  header('建设地点', 'place', '项目名称⇥建设地点⇥责任单位'),
  header('实施地点', 'place', '项目名称⇥实施地点'),
  header('备注', 'note', '责任单位⇥完成时限⇥备注'),
];

/** Every label word, longest first, for alternations that must prefer `牵头责任单位` over `责任单位`. */
export const labelWordsLongestFirst: readonly string[] = [...new Set(labels.map((entry) => entry.word))].sort((a, b) => b.length - a.length);

/** The role of each label word. */
export const labelRoles: ReadonlyMap<string, FieldRole> = new Map(labels.map((entry) => [entry.word, entry.role]));

/** The words that may label a clause or a line, longest first. */
export const clauseLabelWords: readonly string[] = labelWordsLongestFirst.filter((word) =>
  labels.some((entry) => entry.word === word && entry.use === 'clause'),
);
