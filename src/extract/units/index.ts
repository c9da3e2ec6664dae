import { CharClass, whitespaceChars } from '../../char-class.ts';
import type { Span } from '../../types.ts';
import { extractDeadlines } from '../deadlines/index.ts';
import { deadlineLabels, openListEndings, roleLabels, roleVerbs, sharedGovernmentSuffixes, type UnitRole, unitNameEndings } from './keywords.ts';

export type { UnitRole } from './keywords.ts';

/** The units of one responsibility clause. */
export interface UnitClause {
  /** The clause in the text it was found in, parentheses included. */
  readonly span: Span;
  readonly rule: 'units/labelled' | 'units/role-verbs' | 'units/labelled-line' | 'units/table-column';
  readonly units: Readonly<Record<UnitRole, readonly string[]>>;
  /** Per role, true when the list ended in `等部门` / `等单位`: the names are examples, not all. */
  readonly open: Readonly<Record<UnitRole, boolean>>;
}

const labelRoles = new Map<string, UnitRole | 'deadline'>();
for (const [role, labels] of Object.entries(roleLabels) as [UnitRole, readonly string[]][]) {
  for (const label of labels) labelRoles.set(label, role);
}
for (const label of deadlineLabels) labelRoles.set(label, 'deadline');

/**
 * The known labels by their last character, longest first. Most colons follow none of these
 * characters and are rejected at once; the rest are compared in place, without slicing.
 */
const knownLabelsByLastChar = new Map<number, (readonly [label: string, role: UnitRole | 'deadline'])[]>();
for (const [label, role] of [...labelRoles].sort((a, b) => b[0].length - a[0].length)) {
  const code = label.charCodeAt(label.length - 1);
  const labels = knownLabelsByLastChar.get(code) ?? [];
  labels.push([label, role]);
  knownLabelsByLastChar.set(code, labels);
}
const knownLabelEndings = new CharClass([...labelRoles.keys()].map((label) => label.charAt(label.length - 1)).join(''));

/** The known label that ends right before `colon`, longest first. */
function knownLabelBefore(text: string, colon: number): { start: number; role: UnitRole | 'deadline' } | null {
  if (colon === 0 || !knownLabelEndings.has(text.charCodeAt(colon - 1))) return null;
  for (const [label, role] of knownLabelsByLastChar.get(text.charCodeAt(colon - 1)) ?? []) {
    if (colon >= label.length && text.startsWith(label, colon - label.length)) return { start: colon - label.length, role };
  }
  return null;
}

/** The role of a label in a clause: a known label, or one that ends like one (`主要责任单位`), else null. */
function labelRole(label: string): UnitRole | 'deadline' | null {
  const known = labelRoles.get(label);
  if (known) return known;
  for (const [word, role] of labelRoles) if (label.endsWith(word)) return role;
  return null;
}

/** Colons, inside one clause. */
const colonRe = /[：:]/g;
/** Colons in a whole measure: a separate object, because parsing a clause inside the scan uses `colonRe`. */
const lineColonRe = /[：:]/g;
/** What may stand before a label that is not a known one. */
const labelSeparators = new CharClass('；;，,。、 \n\t');
const isHanCode = (code: number): boolean => code >= 0x3400 && code <= 0x9fff;

interface Label {
  readonly role: UnitRole | 'deadline' | null;
  start: number;
  readonly end: number;
}

/**
 * The labels of a clause, found from its colons (labels always end in one, and colons are rare,
 * so this is far cheaper than trying every label word at every position). A known label counts
 * wherever it stands (`A配合单位：B`, whose space normalisation dropped); any other run of 2–8 Han
 * characters before a colon counts after a separator (`牵头领导：…`): it has no role, it only ends
 * the list before it. `主要牵头单位：` is the known `牵头单位：` with a longer start.
 */
function findLabels(content: string): Label[] {
  const labels: Label[] = [];
  colonRe.lastIndex = 0;
  // `test` leaves `lastIndex` just past the colon, without building a match object.
  while (colonRe.test(content)) {
    const colon = colonRe.lastIndex - 1;
    const known = knownLabelBefore(content, colon);
    let start = colon;
    while (start > 0 && colon - start < 8 && isHanCode(content.charCodeAt(start - 1))) start--;
    const generic = colon - start >= 2 && (start === 0 || labelSeparators.has(content.charCodeAt(start - 1)));
    if (known) labels.push({ role: known.role, start: generic ? Math.min(known.start, start) : known.start, end: colon + 1 });
    else if (generic) labels.push({ role: labelRole(content.slice(start, colon)), start, end: colon + 1 });
  }
  return labels;
}

/** Last characters of the role verbs: a part ending otherwise has none, and needs no search. */
const roleVerbLastChars = new CharClass(roleVerbs.map(([verb]) => verb.charAt(verb.length - 1)).join(''));

/**
 * The role verb at the end of a clause part (`省财政厅牵头`, `B等按职责分工负责`), the longest
 * that fits. A set lookup of the last character, then `endsWith`: an end-anchored regex
 * alternation would be tried from every start position of the part.
 */
function roleVerbAtEnd(part: string): { role: UnitRole; index: number } | null {
  if (!roleVerbLastChars.has(part.charCodeAt(part.length - 1))) return null;
  let best: readonly [string, UnitRole] | null = null;
  for (const entry of roleVerbs) if (part.endsWith(entry[0]) && (best === null || entry[0].length > best[0].length)) best = entry;
  return best === null ? null : { role: best[1], index: part.length - best[0].length };
}

/** A deadline-looking clause part (`6月底完成`, `2023年底前`, `长期坚持`): allowed in a role-verb clause. */
export const clauseDeadlinePartRe =
  /^(?:\d{4}年)?(?:\d{1,2}月|年)?(?:底|末|内|中)?(?:前|完成|以前)$|^(?:长期坚持|長期堅持|持续推进|持續推進|长期|長期|持续|持續)(?:实施|實施|推进|推進)?$|^\d{4}年\d{1,2}月\d{1,2}日前?$/;

/** What may follow a deadline in a clause part: `2024年12月底前完成`, `上半年完成`, `第三季度末前完成`. */
const afterClauseDeadlineRe = /^(?:前|以前|之前)?(?:完成|完成任务|完成任務|落地|见效|見效)?$/;

/**
 * True when a clause part is a deadline and nothing else (`2024年12月底前完成`, `113年上半年完成`):
 * the deadline rules decide, so every form they know is allowed here without a second list.
 */
function isDeadlinePart(part: string): boolean {
  if (clauseDeadlinePartRe.test(part)) return true;
  const found = extractDeadlines(part, null);
  const only = found.length === 1 ? found[0] : undefined;
  return only !== undefined && only.span.start === 0 && afterClauseDeadlineRe.test(part.slice(only.span.end));
}

/** What separates the names of a list. */
const listSeparators = new CharClass('、，,；;/');

function emptyRoles<T>(make: () => T): Record<UnitRole, T> {
  return { lead: make(), responsible: make(), supporting: make() };
}

/** Last characters of the open endings: a list ending otherwise is closed, with no need to compare. */
const openListLastChars = new CharClass(openListEndings.map((ending) => ending.charAt(ending.length - 1)).join(''));

function stripOpenEnding(list: string): { list: string; open: boolean } {
  if (!openListLastChars.has(list.charCodeAt(list.length - 1))) return { list, open: false };
  for (const ending of openListEndings) {
    if (list.endsWith(ending) && list.length > ending.length) return { list: list.slice(0, -ending.length), open: true };
  }
  return { list, open: false };
}

const conjunctions = new CharClass('和及与與');
const unitNameEndingChars = new CharClass(unitNameEndings);

const whitespace = new CharClass(whitespaceChars);

/** Appends `list[start, end)` without surrounding whitespace, unless nothing is left. */
function pushName(names: string[], list: string, start: number, end: number): void {
  let from = start;
  let to = end;
  while (from < to && whitespace.has(list.charCodeAt(from))) from++;
  while (to > from && whitespace.has(list.charCodeAt(to - 1))) to--;
  if (to > from) names.push(list.slice(from, to));
}

/**
 * The names of a list, in one pass without intermediate arrays: items between separators
 * (`、，,；;/`) outside parentheses (`县（市、区）政府` is one name), each split again at `和`/`及`/`与`
 * only where the left side is a whole unit name (`省发展改革委和省财政厅`), not inside one
 * (`省工业和信息化厅`).
 */
function unitNames(list: string): string[] {
  const names: string[] = [];
  let itemStart = 0;
  // Separators inside parentheses belong to a name: `县（市、区）政府` is one.
  let depth = 0;
  for (let end = 0; end <= list.length; end++) {
    const code = end < list.length ? list.charCodeAt(end) : -1;
    if (code === 0xff08) depth++;
    else if (code === 0xff09 && depth > 0) depth--;
    if (end < list.length && (depth > 0 || !listSeparators.has(code))) continue;
    // The item without surrounding whitespace: a conjunction counts only inside it.
    let from = itemStart;
    let to = end;
    while (from < to && whitespace.has(list.charCodeAt(from))) from++;
    while (to > from && whitespace.has(list.charCodeAt(to - 1))) to--;
    let start = from;
    for (let i = from + 1; i < to - 1; i++) {
      if (conjunctions.has(list.charCodeAt(i)) && unitNameEndingChars.has(list.charCodeAt(i - 1)) && i - start >= 2) {
        pushName(names, list, start, i);
        start = i + 1;
      }
    }
    pushName(names, list, start, to);
    itemStart = end + 1;
  }
  return names;
}

const governmentSuffixLastChars = new CharClass(sharedGovernmentSuffixes.map((suffix) => suffix.charAt(suffix.length - 1)).join(''));

/** `济南市、青岛市、烟台市政府` → the government of each city. */
function distributeGovernment(units: string[]): string[] {
  const last = units[units.length - 1];
  // Most lists end in no shared suffix's last character (`府`) and need no search.
  if (last === undefined || !governmentSuffixLastChars.has(last.charCodeAt(last.length - 1))) return units;
  const suffix = sharedGovernmentSuffixes.find((candidate) => last.endsWith(candidate));
  if (!suffix) return units;
  const place = last.slice(0, -suffix.length);
  const placeEnding = place.charAt(place.length - 1);
  if (!'市县区州盟旗縣區'.includes(placeEnding) || place.length === 0) return units;
  const result = [...units];
  for (let i = result.length - 2; i >= 0; i--) {
    const unit = result[i] as string;
    if (unit.length > 6 || !unit.endsWith(placeEnding) || unit.startsWith('省') || unit.startsWith('各')) break;
    result[i] = unit + suffix;
  }
  return result;
}

/** What a list may start with (separators, spaces) and end with (a sentence end too): trimmed off. */
const listLeadingJunk = new CharClass('，、；：,;:', whitespaceChars);
const listTrailingJunk = new CharClass('，、；。,;.：', whitespaceChars);

/** Parses `A、B和C等部门` into names and whether the list is open. */
export function parseUnitList(text: string): { units: string[]; open: boolean } {
  let from = 0;
  let to = text.length;
  while (from < to && listLeadingJunk.has(text.charCodeAt(from))) from++;
  while (to > from && listTrailingJunk.has(text.charCodeAt(to - 1))) to--;
  const trimmed = from === 0 && to === text.length ? text : text.slice(from, to);
  const { list, open } = stripOpenEnding(trimmed);
  return { units: distributeGovernment(unitNames(list)), open };
}

/** A lead marked inside another list: `市发展改革委（牵头）`, `市财政局〔牵头〕`. */
const leadMarkRe = /[（〔(【[](?:牵头|牽頭)[）〕)】\]]$/;
/** The closing brackets `leadMarkRe` ends with: a name ending otherwise is not tried. */
const leadMarkClosers = new CharClass('）〕)】]');

/** What ends a group of names inside a list: a role verb after a group applies to all of it. */
const listGroupSeparators = new CharClass('，,；;');

function addUnits(target: Record<UnitRole, string[]>, open: Record<UnitRole, boolean>, role: UnitRole, listText: string): void {
  let groupStart = 0;
  for (let end = 0; end <= listText.length; end++) {
    if (end < listText.length && !listGroupSeparators.has(listText.charCodeAt(end))) continue;
    if (end > groupStart) addGroup(target, open, role, listText.slice(groupStart, end));
    groupStart = end + 1;
  }
}

/**
 * One group of names between commas. A role given in the list itself wins over the label's
 * (`（责任单位：A牵头，B按职责分工负责）`), and a verb after the group's last name gives every name of
 * the group its role (`（责任单位：A、B牵头，C）`: A and B lead).
 */
function addGroup(target: Record<UnitRole, string[]>, open: Record<UnitRole, boolean>, role: UnitRole, groupText: string): void {
  const parsed = parseUnitList(groupText);
  const last = parsed.units[parsed.units.length - 1];
  const groupVerb = last === undefined ? null : roleVerbAtEnd(last);
  for (const written of parsed.units) {
    const marked = leadMarkClosers.has(written.charCodeAt(written.length - 1)) ? leadMarkRe.exec(written) : null;
    const verb = marked ? null : roleVerbAtEnd(written);
    const end = marked ? marked.index : verb ? verb.index : written.length;
    const kept = written.slice(0, end);
    const unit = kept.endsWith('等') ? kept.slice(0, -1) : kept;
    const unitRole = marked ? 'lead' : verb ? verb.role : groupVerb ? groupVerb.role : role;
    if (unit.length > 0 && !target[unitRole].includes(unit)) target[unitRole].push(unit);
  }
  if (parsed.open) open[role] = true;
}

/** The units of one list given its role (a table's unit column); role words inside it still win. */
export function readUnitList(role: UnitRole, listText: string): Pick<UnitClause, 'units' | 'open'> {
  const units = emptyRoles<string[]>(() => []);
  const open = emptyRoles(() => false);
  addUnits(units, open, role, listText);
  return { units, open };
}

function hasUnits(units: Record<UnitRole, string[]>): boolean {
  return units.lead.length + units.responsible.length + units.supporting.length > 0;
}

/** What separates a clause's parts: trimmed off a deadline part before the first label. */
const clausePartSeparators = new CharClass('；;，,', whitespaceChars);

/**
 * `（牵头单位：A、B；责任单位：C等部门）`: labels split the content into lists. A deadline may come
 * first (`（2024年12月底前完成；责任单位：A）`); anything else before the first label is not a clause.
 */
function parseLabelled(content: string): Pick<UnitClause, 'units' | 'open'> | null {
  const units = emptyRoles<string[]>(() => []);
  const open = emptyRoles(() => false);
  const labels = findLabels(content);
  if (labels.length === 0) return null;
  const firstStart = (labels[0] as { start: number }).start;
  if (firstStart !== 0) {
    let end = firstStart;
    while (end > 0 && clausePartSeparators.has(content.charCodeAt(end - 1))) end--;
    if (end === firstStart || !isDeadlinePart(content.slice(0, end))) return null;
  }
  labels.forEach((label, i) => {
    if (label.role === 'deadline' || label.role === null) return;
    const end = i + 1 < labels.length ? (labels[i + 1] as { start: number }).start : content.length;
    addUnits(units, open, label.role, content.slice(label.end, end));
  });
  return hasUnits(units) ? { units, open } : null;
}

/** Whether every name of a verbless clause part is a unit's (`省有关单位`, `各地级以上市人民政府`), not prose. */
function namesOnlyUnits(part: string): boolean {
  if (part.length > 200) return false;
  const { units } = parseUnitList(part);
  return units.length > 0 && units.every((unit) => unit.length >= 3 && unitNameEndingChars.has(unit.charCodeAt(unit.length - 1)));
}

/**
 * `（A牵头，B、C配合）`, `（A、B按职责分工负责）`, `（A负责）`: each part names its role with a verb. A
 * part of unit names without a verb takes the role of the next part's verb: Guangdong's lists
 * break at a comma between the province's units and the cities' (`（A、B，各地级以上市人民政府按职责分工负责）`).
 */
function parseRoleVerbs(content: string): Pick<UnitClause, 'units' | 'open'> | null {
  const units = emptyRoles<string[]>(() => []);
  const open = emptyRoles(() => false);
  let waiting: string[] = [];
  for (const rawPart of content.split(/[，,；;。]/)) {
    const part = rawPart.trim();
    if (part.length === 0 || clauseDeadlinePartRe.test(part)) continue;
    const verb = roleVerbAtEnd(part);
    if (!verb) {
      if (isDeadlinePart(part)) continue;
      if (!namesOnlyUnits(part)) return null;
      waiting.push(part);
      continue;
    }
    const role = verb.role;
    // `由A牵头`: "led by A".
    const list = part.startsWith('由') && verb.index > 3 ? part.slice(1, verb.index) : part.slice(0, verb.index);
    if (list.length === 0 || list.length > 200) return null;
    for (const earlier of waiting) addUnits(units, open, role, earlier);
    waiting = [];
    addUnits(units, open, role, list);
  }
  // Names with no verb after them: not a role-verb clause.
  if (waiting.length > 0) return null;
  return hasUnits(units) ? { units, open } : null;
}

/** Parentheses and lenticular brackets, the only characters the pairing pass looks at. */
const bracketRe = /[（）【】]/g;

/** Clauses longer than this are prose in parentheses, not a list of units. */
const maxClauseLength = 800;

/**
 * Finds the responsibility clauses of a measure's text. Parentheses are matched in one pass
 * with a stack, so nested parentheses inside unit names (`省政府有关部门（单位）`) and
 * unclosed ones cost linear time.
 */
export function findUnitClauses(text: string): UnitClause[] {
  const pairs: [number, number][] = [];
  const parens: number[] = [];
  // Some documents put the clause in lenticular brackets: `【牵头单位：市发展改革委】`.
  const brackets: number[] = [];
  // The regex engine skips to the next bracket far faster than a loop over every character.
  bracketRe.lastIndex = 0;
  while (bracketRe.test(text)) {
    const i = bracketRe.lastIndex - 1;
    const code = text.charCodeAt(i);
    if (code === 0xff08) parens.push(i);
    else if (code === 0xff09 && parens.length > 0) pairs.push([parens.pop() as number, i]);
    else if (code === 0x3010) brackets.push(i);
    else if (code === 0x3011 && brackets.length > 0) pairs.push([brackets.pop() as number, i]);
  }
  pairs.sort((a, b) => a[0] - b[0]);
  const clauses: UnitClause[] = [];
  let coveredUntil = -1;
  for (const [open, close] of pairs) {
    if (open < coveredUntil || close - open > maxClauseLength) continue;
    const inner = text.slice(open + 1, close);
    const content = inner.includes('\n') ? inner.replace(/\n/g, '') : inner;
    const labelled = parseLabelled(content);
    const parsed = labelled ?? parseRoleVerbs(content);
    if (!parsed) continue;
    clauses.push({ span: { start: open, end: close + 1 }, rule: labelled ? 'units/labelled' : 'units/role-verbs', units: parsed.units, open: parsed.open });
    coveredUntil = close + 1;
  }
  // Web-published lists often put the clause on a line of its own, without parentheses:
  // `责任单位：市发展改革委`. Only labels at the start of a line or after a sentence end count.
  const parenthesised = new Covered(clauses.slice());
  const runEnds = new RunEnds(text);
  lineColonRe.lastIndex = 0;
  while (lineColonRe.test(text)) {
    const label = knownLabelBefore(text, lineColonRe.lastIndex - 1);
    if (!label || label.role === 'deadline') continue;
    const start = label.start;
    if (parenthesised.includes(start)) continue;
    const before = start === 0 ? '' : text.charAt(start - 1);
    if (before !== '' && before !== '\n' && before !== '。' && before !== '；') continue;
    const end = runEnds.after(start);
    let span = text.slice(start, end).replace(/。$/, '');
    // A label after `；` inside parentheses the pass above could not read: the line ends with their `）`.
    if (span.endsWith('）') && span.split('）').length > span.split('（').length) span = span.slice(0, -1);
    const parsed = parseLabelled(span);
    if (parsed) clauses.push({ span: { start, end }, rule: 'units/labelled-line', units: parsed.units, open: parsed.open });
    // The parse read every label up to `end`: one starting later names a subset of the same lists,
    // so it cannot succeed where this failed. Skipping them keeps a line of many labels linear.
    lineColonRe.lastIndex = end;
  }
  findBracketLabelled(text, clauses);
  return clauses.sort((a, b) => a.span.start - b.span.start);
}

/**
 * Where a run of labels starting at `start` ends: the end of its line, or just after its
 * sentence's `。`. Starts only move forward and each search resumes from the last answer, so a
 * pass over a whole text stays linear (a search from every label to a far-off `。` would not).
 */
class RunEnds {
  readonly #text: string;
  #lineEnd = -1;
  #sentenceEnd = -1;

  constructor(text: string) {
    this.#text = text;
  }

  after(start: number): number {
    const text = this.#text;
    if (this.#lineEnd < start) {
      this.#lineEnd = text.indexOf('\n', start);
      if (this.#lineEnd < 0) this.#lineEnd = text.length;
    }
    if (this.#sentenceEnd < start) {
      this.#sentenceEnd = text.indexOf('。', start);
      if (this.#sentenceEnd < 0) this.#sentenceEnd = text.length;
    }
    return Math.min(this.#lineEnd, this.#sentenceEnd + 1, text.length);
  }
}

/** Whether a position lies inside one of some clauses (in text order), for positions that only move forward. */
class Covered {
  readonly #clauses: readonly UnitClause[];
  #next = 0;

  constructor(clauses: readonly UnitClause[]) {
    this.#clauses = clauses;
  }

  includes(position: number): boolean {
    while (this.#next < this.#clauses.length && (this.#clauses[this.#next] as UnitClause).span.end <= position) this.#next++;
    const clause = this.#clauses[this.#next];
    return clause !== undefined && position >= clause.span.start;
  }
}

/** Every known label in lenticular brackets, longest first: `【牵头单位】`. */
const bracketLabelRe = new RegExp(`【(${[...labelRoles.keys()].sort((a, b) => b.length - a.length).join('|')})】`, 'g');

/**
 * `【牵头单位】A【责任单位】B【完成时限】2024年6月`: labels in lenticular brackets instead of before a
 * colon, up to the end of the line or sentence. Read as the same labels with colons.
 */
function findBracketLabelled(text: string, clauses: UnitClause[]): void {
  if (!text.includes('】')) return;
  const found = new Covered(clauses.slice().sort((a, b) => a.span.start - b.span.start));
  const runEnds = new RunEnds(text);
  bracketLabelRe.lastIndex = 0;
  for (let match = bracketLabelRe.exec(text); match; match = bracketLabelRe.exec(text)) {
    const start = match.index;
    if (found.includes(start)) continue;
    const end = runEnds.after(start);
    // Each bracket label becomes `；label：`, so that no name runs into the label after it; the
    // first `；` goes.
    const parsed = parseLabelled(text.slice(start, end).replace(/。$/, '').replace(bracketLabelRe, '；$1：').slice(1));
    if (parsed) clauses.push({ span: { start, end }, rule: 'units/labelled-line', units: parsed.units, open: parsed.open });
    // The labels up to `end` were read with this one.
    bracketLabelRe.lastIndex = end;
  }
}
