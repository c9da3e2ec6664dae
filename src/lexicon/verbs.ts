import type { UnitRole } from './labels.ts';

/**
 * Verbs that give a list of units its role when they follow it: `（A牵头，B、C配合）`,
 * `（A、B按职责分工负责）`, `A分别牵头`. Simplified script (the rules match the folded text).
 * A verb may be followed by one of `verbTails` (`牵头督导`, `负责落实`) and still count.
 */
export interface RoleVerb {
  readonly verb: string;
  readonly role: UnitRole;
  readonly example: string;
}

export const roleVerbs: readonly RoleVerb[] = [
  { verb: '按职责分工负责', role: 'responsible', example: '（市发改委、市财政局按职责分工负责）' },
  { verb: '按职责分工落实', role: 'responsible', example: '（各县区政府按职责分工落实）' },
  { verb: '根据职责分工负责', role: 'responsible', example: '（市直有关部门根据职责分工负责）' },
  { verb: '按职能分工负责', role: 'responsible', example: '（县直各部门按职能分工负责）' },
  { verb: '按职责负责', role: 'responsible', example: '（各镇街按职责负责）' },
  { verb: '分工负责', role: 'responsible', example: '（市公安局、市司法局分工负责）' },
  { verb: '分别负责', role: 'responsible', example: '（各部门分别负责，年内持续推进）' },
  { verb: '共同负责', role: 'responsible', example: '（市教育局、市人社局共同负责）' },
  { verb: '具体负责', role: 'responsible', example: '（县水利局具体负责）' },
  { verb: '负责', role: 'responsible', example: '（市人力资源社会保障局、市医保局负责）' },
  { verb: '落实', role: 'responsible', example: '（各县区政府落实）' },
  { verb: '分别牵头', role: 'lead', example: '责任单位：市人力社保局、市农业农村局分别牵头' },
  { verb: '共同牵头', role: 'lead', example: '（市委宣传部、市文旅局共同牵头）' },
  { verb: '牵头', role: 'lead', example: '（区政务服务局牵头，区发改局配合）' },
  { verb: '配合', role: 'supporting', example: '（区国土分局牵头，区规划分局、区级相关部门配合）' },
  { verb: '参与', role: 'supporting', example: '（市科技局牵头，各高校参与）' },
  { verb: '参加', role: 'supporting', example: '（市总工会牵头，市妇联参加）' },
  { verb: '协助', role: 'supporting', example: '（县财政局牵头，各乡镇协助）' },
  { verb: '协同', role: 'supporting', example: '（市生态环境局牵头，市水务局协同）' },
  { verb: '协办', role: 'supporting', example: '（市商务局主办，市贸促会协办）' },
  { verb: '主办', role: 'lead', example: '（市商务局主办，市贸促会协办）' },
];

/**
 * What may follow a role verb without changing its role: `A牵头督导`, `B负责落实`, `C配合推进`.
 * Longest first.
 */
export const verbTails: readonly string[] = ['督导落实', '组织实施', '推进落实', '抓好落实', '督导', '落实', '推进', '实施', '指导', '完成', '办理'];

/**
 * `由A负责`, `由A会同B、C负责落实`, `此项工作由A牵头，B配合`: a sentence that assigns the task in prose.
 * `由` opens the list; `会同` joins the supporting units to the first list.
 */
export const proseAssignment = {
  opener: '由',
  joiners: ['会同', '联合', '协同'],
  example: '此项工作由市市场监管局负责，市公安局配合。',
} as const;
