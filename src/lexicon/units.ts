/**
 * How lists of units are written: what separates the names, what ends an open list, how a unit's
 * name ends, and which words make a name collective. Simplified script (the rules match the
 * folded text).
 */

/** Characters between two names of a list: `A、B`, `A，B`, `A；B`, `A/B`. */
export const listSeparators = '、，,；;/';

/** Characters between two groups of a list, where a role verb may close the group before it: `A、B牵头，C`. */
export const groupSeparators = '，,；;';

/**
 * Words that join two whole unit names (`省发展改革委和省财政厅`, `市级各有关部门及各县市区政府`); they
 * split a list only where the name before them ends like a unit (see `unitNameEndings`), so
 * `省工业和信息化厅` stays one name.
 */
export const conjunctions = '和及与';

/**
 * Endings that say a list is not exhaustive: dropped from the names, and the list is marked open.
 * They may stand at the end or in the middle of a list (`区水务局等部门，区国投公司配合`). Longest first.
 */
export const openListEndings: readonly string[] = [
  '等有关部门和单位',
  '等相关部门和单位',
  '等有关部门',
  '等相关部门',
  '等有关单位',
  '等相关单位',
  '等部门单位',
  '等部门',
  '等单位',
  '等',
];

/**
 * Last characters of an organisation's name: `厅 局 委 办 部 院 会 …`, `联` of `市残联`. A list item that
 * ends otherwise is not a unit (`张明` is a person, `年内持续推进` a time). `行` is left out (`自行`):
 * banks are named by their whole ending (`银行`, `分行`), see units.ts in mark/.
 */
export const unitNameEndings = '厅局委办部院会署处室站所队社团心司府门位关组营区县市省镇乡村街道园馆校台网库科股军联协盟';

/** Words inside an item that make it a unit whatever its ending: `各县（市、区）`, `市直有关部门`. */
export const collectiveMarkers: readonly string[] = ['各', '有关', '相关', '全区', '全市', '全县', '全省', '市直', '县直', '区直', '省直', '所属'];

/**
 * Governments that a list shares: `济南市、青岛市、烟台市政府` names three governments, so the suffix
 * is given to every place of the list before it.
 */
export const sharedGovernmentSuffixes: readonly string[] = ['人民政府', '政府'];

/** The characters that end a place that a shared government suffix can follow. */
export const placeEndings = '市县区州盟旗';

/**
 * Brackets around a lead marked inside a list: `市发展改革委（牵头）`, `市财政局〔牵头〕`.
 */
export const leadMarks: readonly string[] = ['（牵头）', '〔牵头〕', '【牵头】', '(牵头)', '[牵头]'];
