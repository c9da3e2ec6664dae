/**
 * The words policy documents use to assign tasks, in simplified and Traditional script.
 * Plain data: add a word here, with a case in tests/units.test.ts, rather than widening a pattern.
 */

export type UnitRole = 'lead' | 'responsible' | 'supporting';

/** Labels of a labelled clause (`牵头单位：A`), by the role they introduce. */
export const roleLabels: Readonly<Record<UnitRole, readonly string[]>> = {
  lead: [
    '牵头单位',
    '牵头部门',
    '牽頭單位',
    '牽頭部門',
    '主责单位',
    '主責單位',
    '主责部门',
    '主責部門',
    '牵头责任单位',
    '主办单位',
    '主辦單位',
    '主办机关',
    '主辦機關',
    '牵头机关',
    '牽頭機關',
  ],
  responsible: [
    '责任单位',
    '责任部门',
    '責任單位',
    '責任部門',
    '负责单位',
    '负责部门',
    '負責單位',
    '負責部門',
    '责任主体',
    '責任主體',
    '落实单位',
    '落實單位',
    '实施单位',
    '實施單位',
    '承办单位',
    '承辦單位',
  ],
  supporting: ['配合单位', '配合部门', '配合單位', '配合部門', '协办单位', '協辦單位', '协办机关', '協辦機關', '参与单位', '參與單位', '协同单位', '協同單位'],
};

/** Labels that introduce a deadline inside a clause (`完成时限：2023年6月底前`); their text is left to the deadline rules. */
export const deadlineLabels: readonly string[] = [
  '完成时限',
  '完成時限',
  '完成时间',
  '完成時間',
  '完成期限',
  '时间节点',
  '時間節點',
  '时限要求',
  '時限要求',
  '时限',
  '時限',
  '办理期限',
  '辦理期限',
  '办理期程',
  '辦理期程',
  '预定完成日期',
  '預定完成日期',
];

/** Verbs after a list of units that give the list its role: `A牵头`, `B配合`, `C按职责分工负责`. Longest first. */
export const roleVerbs: ReadonlyArray<readonly [verb: string, role: UnitRole]> = [
  ['按职责分工负责', 'responsible'],
  ['按職責分工負責', 'responsible'],
  ['按职责分工落实', 'responsible'],
  ['按職責分工落實', 'responsible'],
  ['根据职责分工负责', 'responsible'],
  ['按职责负责', 'responsible'],
  ['按職責負責', 'responsible'],
  ['分工负责', 'responsible'],
  ['分工負責', 'responsible'],
  ['分别负责', 'responsible'],
  ['分別負責', 'responsible'],
  ['共同负责', 'responsible'],
  ['共同負責', 'responsible'],
  ['具体负责', 'responsible'],
  ['負責', 'responsible'],
  ['负责', 'responsible'],
  ['牵头', 'lead'],
  ['牽頭', 'lead'],
  ['配合', 'supporting'],
  ['参与', 'supporting'],
  ['參與', 'supporting'],
  ['协助', 'supporting'],
  ['協助', 'supporting'],
  ['协同', 'supporting'],
  ['協同', 'supporting'],
];

/** Endings that say a list is not exhaustive (`A、B等部门`): the names drop them and the list is flagged open. */
export const openListEndings: readonly string[] = [
  '等有关部门',
  '等有關部門',
  '等相关部门',
  '等相關部門',
  '等有关单位',
  '等有關單位',
  '等相关单位',
  '等相關單位',
  '等部门',
  '等部門',
  '等单位',
  '等單位',
  '等',
];

/** Last characters of an organisation's name: where `和`/`及` may join two units (`省发展改革委和省财政厅`). */
export const unitNameEndings = '厅局委办部院会行署处室站所队社团心司府门位关组营区县市省廳辦會團處隊門關組營區縣';

/** Governments that a list shares: `济南市、青岛市、烟台市政府` names three governments. */
export const sharedGovernmentSuffixes: readonly string[] = ['人民政府', '政府'];
