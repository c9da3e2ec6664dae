/**
 * Conventions a document states about its own lists, in a note inside a clause:
 * `（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）`, `（第一责任单位为牵头单位，下同）`. Such a note
 * is not a unit; from the clause that holds it on, the first unit of each list that marks no lead
 * is the lead. Patterns run on folded, normalised text.
 */

/**
 * `列第一位为牵头或汇总单位`, `列第一位的为牵头单位`, `列第一位者为牵头单位`, `第一责任单位为牵头单位`,
 * `首位单位为牵头单位`, `排在首位的为牵头部门`, `排名第一的单位为牵头单位`.
 */
export const firstListedLeadRe =
  /(?:列|排|排在|排名|列在|名列)?(?:第一位|首位|第一个|第一)(?:的|者)?(?:责任)?(?:单位|部门)?(?:的|者)?(?:为|是)(?:牵头|主责)(?:或汇总|或主责)?(?:单位|部门)/;

/** Marks of a note about the list rather than a unit of it: `下同`, `不再一一列出`, `除…外`. */
export const listNoteRe = /下同|不再一一列出|不再列出|不再做分工|不再分工|除标注|除特别标注|除注明/;

export const conventionExamples = {
  ok: [
    '（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）',
    '（第一责任单位为牵头单位，下同）',
    '（首位单位为牵头单位，下同）',
    '（列第一位者为牵头单位，下同）',
  ],
  notOk: ['（市发改委牵头）', '（第一批试点单位）'],
} as const;
