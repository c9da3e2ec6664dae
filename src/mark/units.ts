import { CharClass, whitespaceChars } from '../char-class.ts';
import { firstListedLeadRe, listNoteRe } from '../lexicon/conventions.ts';
import type { UnitRole } from '../lexicon/labels.ts';
import {
  collectiveMarkers,
  conjunctions,
  groupSeparators,
  leadMarks,
  listSeparators,
  openListEndings,
  placeEndings,
  sharedGovernmentSuffixes,
  unitNameEndings,
} from '../lexicon/units.ts';
import { roleVerbs, verbTails } from '../lexicon/verbs.ts';
import type { Span } from '../types.ts';

/** One unit named in a list: where it is written, the name the ledger lists, its role. */
export interface UnitMention {
  readonly span: Span;
  readonly name: string;
  readonly role: UnitRole;
}

/** The units of one list, and what the list says besides them. */
export interface ParsedList {
  readonly units: UnitMention[];
  /** Roles whose list ended (or broke) with `等部门`: the names are examples, not all. */
  readonly open: Set<UnitRole>;
  /** The list holds a note stating that its first unit leads (`列第一位为牵头单位，下同`). */
  readonly firstListedLead: boolean;
  /** Notes inside the list (`（…下同）`), which are not units. */
  readonly notes: Span[];
  /** How many groups had a role verb: a role-verb clause needs one. */
  readonly verbGroups: number;
  /** Groups whose names are not all units: in a strict list, the list is prose. */
  readonly rejectedGroups: number;
}

/** The text a list is read from: the paragraph text for names, its folded copy for matching. */
export interface ListSource {
  readonly text: string;
  readonly folded: string;
}

const itemSeparators = new CharClass(listSeparators);
const groupBreaks = new CharClass(groupSeparators);
const conjunctionChars = new CharClass(conjunctions);
const nameEndings = new CharClass(unitNameEndings);
const junk = new CharClass('，、；：。,;:.', whitespaceChars);
const opening = (code: number): boolean => code === 0xff08 || code === 0x28 || code === 0x3014 || code === 0x3010 || code === 0x5b;
const closing = (code: number): boolean => code === 0xff09 || code === 0x29 || code === 0x3015 || code === 0x3011 || code === 0x5d;
const isDigit = (code: number): boolean => code >= 0x30 && code <= 0x39;

/** Role verbs longest first, so that `分别牵头` wins over `牵头`. */
const verbsLongestFirst = [...roleVerbs].sort((a, b) => b.verb.length - a.verb.length);
const verbLastChars = new CharClass(roleVerbs.map((entry) => entry.verb.slice(-1)).join(''), verbTails.map((tail) => tail.slice(-1)).join(''));

/** The role verb (and tail) that `folded[start, end)` ends with: where it starts and its role. */
export function roleVerbAt(folded: string, start: number, end: number): { index: number; role: UnitRole } | null {
  if (end <= start || !verbLastChars.has(folded.charCodeAt(end - 1))) return null;
  const at = (stop: number): { index: number; role: UnitRole } | null => {
    for (const { verb, role } of verbsLongestFirst) {
      if (stop - start > verb.length && folded.startsWith(verb, stop - verb.length)) return { index: stop - verb.length, role };
    }
    return null;
  };
  // `负责落实` is `负责` and a tail, not the verb `落实` after the name `…负责`.
  for (const tail of verbTails) {
    if (end - start > tail.length && folded.startsWith(tail, end - tail.length)) {
      const before = at(end - tail.length);
      if (before) return before;
    }
  }
  return at(end);
}

/** The open-list ending that `folded[start, end)` ends with, or null. */
function openEndingAt(folded: string, start: number, end: number): string | null {
  if (folded.charCodeAt(end - 1) !== 0x7b49 && !folded.endsWith('部门', end) && !folded.endsWith('单位', end) && !folded.endsWith('和单位', end)) return null;
  for (const ending of openListEndings) if (end - start > ending.length && folded.startsWith(ending, end - ending.length)) return ending;
  return null;
}

/** Whether `folded[start, end)` reads as the name of a unit: a unit's ending, or a collective word. */
export function looksLikeUnit(folded: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 2 || length > 40) return false;
  for (let i = start; i < end; i++) {
    const code = folded.charCodeAt(i);
    // Sentence punctuation and digits do not stand in names (`2023年`, `。`).
    if (code === 0x3002 || code === 0xff1b || code === 0xff1a || isDigit(code)) return false;
  }
  if (nameEndings.has(folded.charCodeAt(end - 1))) return length >= 2;
  const item = folded.slice(start, end);
  if (item.endsWith('银行') || item.endsWith('分行') || item.endsWith('支行')) return true;
  return collectiveMarkers.some((marker) => item.startsWith(marker)) && length >= 3;
}

/** A person's name where a unit would stand: two to four Han characters that are no unit (`张明`). */
export function looksLikePerson(folded: string, start: number, end: number): boolean {
  const length = end - start;
  if (length < 2 || length > 4) return false;
  for (let i = start; i < end; i++) {
    const code = folded.charCodeAt(i);
    if (code < 0x4e00 || code > 0x9fff) return false;
  }
  return !looksLikeUnit(folded, start, end);
}

/** `[start, end)` without surrounding whitespace and separators. */
function trim(folded: string, start: number, end: number): [number, number] {
  let from = start;
  let to = end;
  while (from < to && junk.has(folded.charCodeAt(from))) from++;
  while (to > from && junk.has(folded.charCodeAt(to - 1))) to--;
  return [from, to];
}

/** The opening bracket that matches the closing one at `close - 1`, within `[start, close)`; -1 when none. */
function matchingOpen(folded: string, start: number, close: number): number {
  let depth = 0;
  for (let i = close - 1; i >= start; i--) {
    const code = folded.charCodeAt(i);
    if (closing(code)) depth++;
    else if (opening(code)) {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

interface Draft {
  readonly start: number;
  readonly end: number;
  /** Marked lead inside the list (`A（牵头）`) or given a role by a verb of its own (`A牵头、B`). */
  readonly own: UnitRole | null;
}

interface Group {
  readonly drafts: Draft[];
  /** The role a verb at the group's end gives it (`A、B牵头`). */
  readonly verb: UnitRole | null;
  readonly open: boolean;
  /** Some name of the group does not look like a unit. */
  readonly rejected: boolean;
}

/** How a list is read: its role, whether names must look like units, and which parts are times. */
export interface ListOptions {
  /** The role of names that no verb or mark gives one: the label's; null for a clause without labels. */
  readonly role: UnitRole | null;
  /** A part that is a time (`6月底完成`, `年内持续推进`): not names. */
  readonly isTimePart: (start: number, end: number) => boolean;
}

/**
 * Reads a list of units: `A、B和C等部门`, `A牵头，B、C配合`, `A（牵头）、B`, `A、B，各县（市、区）政府按职责分工负责`.
 *
 * Groups are split at `，；`, names at `、/`, both outside parentheses (`各县（市、区）政府` is one name);
 * a name is split again at `和 及 与` only where the part before ends like a unit. A role verb at a
 * group's end gives the group its role (`A、B牵头`). `等部门` is dropped wherever it stands and marks
 * the role open. Notes in parentheses (`（…，下同）`) are not units. The list stops at `。`: what follows
 * inside a clause is a note (`不再一一列出`). A person (`张明`) is never a unit.
 *
 * With a label's role, a group without a verb has that role. Without one (a role-verb clause), every
 * name must look like a unit or the list is prose; a group before a verb takes its role (Guangdong's
 * `A、B，各地级以上市人民政府按职责分工负责`) and a group after the last verb is responsible
 * (`A、B分别牵头，C`); a list without any verb names no units.
 */
export function parseUnitList(source: ListSource, start: number, end: number, options: ListOptions): ParsedList {
  const { folded } = source;
  const notes: Span[] = [];
  let firstListedLead = false;
  const groups: Group[] = [];

  const readItem = (itemStart: number, itemEnd: number, drafts: Draft[]): boolean => {
    let [from, to] = trim(folded, itemStart, itemEnd);
    if (to <= from) return false;
    let own: UnitRole | null = null;
    for (const mark of leadMarks) {
      if (to - from > mark.length && folded.startsWith(mark, to - mark.length)) {
        own = 'lead';
        [from, to] = trim(folded, from, to - mark.length);
        break;
      }
    }
    let itemOpen = false;
    const ending = openEndingAt(folded, from, to);
    if (ending) {
      itemOpen = true;
      [from, to] = trim(folded, from, to - ending.length);
    }
    const verb = own ? null : roleVerbAt(folded, from, to);
    if (verb && verb.index - from >= 2) {
      own = verb.role;
      [from, to] = trim(folded, from, verb.index);
      const again = openEndingAt(folded, from, to);
      if (again) {
        itemOpen = true;
        [from, to] = trim(folded, from, to - again.length);
      }
    }
    if (to - from < 2) return itemOpen;
    let nameStart = from;
    let depth = 0;
    for (let i = from + 1; i < to - 1; i++) {
      const code = folded.charCodeAt(i);
      if (opening(code)) depth++;
      else if (closing(code) && depth > 0) depth--;
      // `省发展改革委和省财政厅`: the part before the conjunction is a whole unit's name.
      if (depth === 0 && conjunctionChars.has(code) && i - nameStart >= 2 && nameEndings.has(folded.charCodeAt(i - 1)) && to - i > 2) {
        drafts.push({ start: nameStart, end: i, own });
        nameStart = i + 1;
      }
    }
    drafts.push({ start: nameStart, end: to, own });
    return itemOpen;
  };

  const readGroup = (groupStart: number, groupEnd: number): void => {
    let [from, to] = trim(folded, groupStart, groupEnd);
    // Notes at the end of the group: `市卫生健康委（除标注“分别牵头”外，列第一位为牵头或汇总单位，下同）`.
    while (to > from && closing(folded.charCodeAt(to - 1))) {
      const noteStart = matchingOpen(folded, from, to);
      if (noteStart < 0) break;
      const inner = folded.slice(noteStart + 1, to - 1);
      const convention = firstListedLeadRe.test(inner);
      if (!convention && !listNoteRe.test(inner)) break;
      firstListedLead ||= convention;
      notes.push({ start: noteStart, end: to });
      [from, to] = trim(folded, from, noteStart);
    }
    if (to - from < 2) return;
    const groupText = folded.slice(from, to);
    if (listNoteRe.test(groupText) || firstListedLeadRe.test(groupText)) {
      firstListedLead ||= firstListedLeadRe.test(groupText);
      notes.push({ start: from, end: to });
      return;
    }
    if (options.isTimePart(from, to)) return;
    // `由A牵头`: "led by A".
    if (folded.charCodeAt(from) === 0x7531 && to - from > 3) from++;
    const verb = roleVerbAt(folded, from, to);
    const namesEnd = verb && verb.index - from >= 2 ? verb.index : to;
    const drafts: Draft[] = [];
    let open = false;
    let itemStart = from;
    let depth = 0;
    for (let i = from; i <= namesEnd; i++) {
      const code = i < namesEnd ? folded.charCodeAt(i) : -1;
      if (opening(code)) depth++;
      else if (closing(code) && depth > 0) depth--;
      if (i < namesEnd && (depth > 0 || !itemSeparators.has(code))) continue;
      open = readItem(itemStart, i, drafts) || open;
      itemStart = i + 1;
    }
    const kept = drafts.filter((draft) => !looksLikePerson(folded, draft.start, draft.end));
    const rejected = kept.some((draft) => !looksLikeUnit(folded, draft.start, draft.end));
    groups.push({ drafts: kept, verb: namesEnd < to ? (verb as { role: UnitRole }).role : null, open, rejected });
  };

  // `。` ends the list: what follows in a clause is a note about all tasks.
  let stop = end;
  let depth = 0;
  for (let i = start; i < end; i++) {
    const code = folded.charCodeAt(i);
    if (opening(code)) depth++;
    else if (closing(code) && depth > 0) depth--;
    else if (depth === 0 && code === 0x3002) {
      stop = i;
      break;
    }
  }
  let groupStart = start;
  depth = 0;
  for (let i = start; i <= stop; i++) {
    const code = i < stop ? folded.charCodeAt(i) : -1;
    if (opening(code)) depth++;
    else if (closing(code) && depth > 0) depth--;
    if (i < stop && (depth > 0 || !groupBreaks.has(code))) continue;
    readGroup(groupStart, i);
    groupStart = i + 1;
  }

  const verbGroups = groups.filter((group) => group.verb !== null).length;
  const rejectedGroups = groups.filter((group) => group.rejected).length;
  const open = new Set<UnitRole>();
  const drafts: { start: number; end: number; role: UnitRole }[] = [];
  if (options.role !== null) {
    const role = options.role;
    for (const group of groups) {
      const groupRole = group.verb ?? role;
      if (group.open) open.add(groupRole);
      for (const draft of group.drafts) {
        // In a labelled list, a name that looks like no unit is still taken unless it is a bare fragment.
        if (draft.end - draft.start < 2) continue;
        drafts.push({ start: draft.start, end: draft.end, role: draft.own ?? groupRole });
      }
    }
  } else if (verbGroups > 0 && rejectedGroups === 0) {
    let lastVerb = -1;
    groups.forEach((group, i) => {
      if (group.verb) lastVerb = i;
    });
    for (let i = 0; i < groups.length; i++) {
      const group = groups[i] as Group;
      // Before a verb: the next verb's role. After the last one: responsible.
      const next = groups.slice(i).find((candidate) => candidate.verb !== null);
      const groupRole: UnitRole = group.verb ?? (i < lastVerb && next?.verb ? next.verb : 'responsible');
      if (group.open) open.add(groupRole);
      for (const draft of group.drafts) drafts.push({ start: draft.start, end: draft.end, role: draft.own ?? groupRole });
    }
  }
  return { units: distributeGovernment(source, drafts), open, firstListedLead, notes, verbGroups, rejectedGroups };
}

/**
 * `济南市、青岛市、烟台市政府` names three governments: the suffix of the last name goes to the short
 * place names before it (`济南市政府`). The span stays where the name is written.
 */
function distributeGovernment(source: ListSource, drafts: readonly { start: number; end: number; role: UnitRole }[]): UnitMention[] {
  const names = drafts.map((draft) => ({ span: { start: draft.start, end: draft.end }, name: source.text.slice(draft.start, draft.end), role: draft.role }));
  const last = names[names.length - 1];
  if (!last) return names;
  const lastFolded = source.folded.slice(last.span.start, last.span.end);
  const suffix = sharedGovernmentSuffixes.find((candidate) => lastFolded.endsWith(candidate) && lastFolded.length > candidate.length + 1);
  if (!suffix) return names;
  const place = lastFolded.slice(0, lastFolded.length - suffix.length);
  const placeEnding = place.charAt(place.length - 1);
  if (!placeEndings.includes(placeEnding)) return names;
  const writtenSuffix = last.name.slice(last.name.length - suffix.length);
  for (let i = names.length - 2; i >= 0; i--) {
    const unit = names[i] as UnitMention;
    const folded = source.folded.slice(unit.span.start, unit.span.end);
    if (folded.length > 6 || !folded.endsWith(placeEnding) || folded.startsWith('省') || folded.startsWith('各') || unit.role !== last.role) break;
    names[i] = { ...unit, name: unit.name + writtenSuffix };
  }
  return names;
}
