import { CharClass, isHan } from '../char-class.ts';
import { type FieldRole, labelRoles, labels } from '../lexicon/labels.ts';
import type { Span } from '../types.ts';
import type { Positions } from './positions.ts';

/** A label before a colon (`牵头单位：`) or in lenticular brackets (`【牵头单位】`), and what it names. */
export interface LabelMark {
  /** The label word's start, and the end of its colon or closing bracket. */
  readonly start: number;
  readonly end: number;
  /** Null for a label this lexicon does not know (`第一季度：`): it only ends the value before it. */
  readonly role: FieldRole | null;
  /** True for labels of a whole domain (`领域牵头单位`). */
  readonly domain: boolean;
}

const separators = new CharClass('；;，,。、 \n\t|｜（(【[〔');

/** The known clause labels by their last character, longest first. */
const byLastChar = new Map<number, string[]>();
for (const word of [...labelRoles.keys()].sort((a, b) => b.length - a.length)) {
  const code = word.charCodeAt(word.length - 1);
  byLastChar.set(code, [...(byLastChar.get(code) ?? []), word]);
}
const clauseWords = new Set(labels.filter((entry) => entry.use === 'clause').map((entry) => entry.word));

/** The known label that ends at `end` in `folded`, longest first. */
export function knownLabelEndingAt(folded: string, end: number, clauseOnly: boolean): string | null {
  for (const word of byLastChar.get(folded.charCodeAt(end - 1)) ?? []) {
    if (clauseOnly && !clauseWords.has(word)) continue;
    if (end >= word.length && folded.startsWith(word, end - word.length)) return word;
  }
  return null;
}

/**
 * The labels in `folded[start, end)`, found from their colons (labels always end in one, and colons
 * are rare). A known label counts wherever it stands (`A配合单位：B`); a run of 2–8 Han characters
 * before a colon after a separator is a label too (`牵头领导：`, `第一季度：`): its role is the known
 * label it ends with (`主要牵头单位` ends with `牵头单位`), else none. Labels in lenticular brackets
 * (`【牵头单位】A`) count when known.
 */
export function findLabels(folded: string, labelEnds: Positions, start: number, end: number, clauseOnly = true): LabelMark[] {
  const found: LabelMark[] = [];
  for (const i of labelEnds.within(start, end)) {
    const code = folded.charCodeAt(i);
    if (code === 0xff1a || code === 0x3a) {
      const known = knownLabelEndingAt(folded, i, clauseOnly);
      let from = i;
      while (from > start && i - from < 8 && isHan(folded.charCodeAt(from - 1))) from--;
      const generic = i - from >= 2 && (from === start || separators.has(folded.charCodeAt(from - 1)));
      if (known) {
        const labelStart = generic ? Math.min(from, i - known.length) : i - known.length;
        found.push({ start: labelStart, end: i + 1, role: labelRoles.get(known) ?? null, domain: folded.startsWith('领域', labelStart) });
      } else if (generic) {
        const word = folded.slice(from, i);
        found.push({ start: from, end: i + 1, role: genericRole(word), domain: word.startsWith('领域') });
      }
    } else {
      // `【牵头单位】`
      const known = knownLabelEndingAt(folded, i, true);
      if (known && folded.charCodeAt(i - known.length - 1) === 0x3010 && i - known.length - 1 >= start) {
        found.push({ start: i - known.length - 1, end: i + 1, role: labelRoles.get(known) ?? null, domain: false });
      }
    }
  }
  return found;
}

/** Colons, and the closing bracket of `【牵头单位】`: where labels end (see `Positions`). */
export const labelEndRe = /[：:】]/g;

/** Clause label words, longest first, for the role of a longer label that ends with one (`主要牵头单位`). */
const clauseWordsLongestFirst = [...clauseWords].sort((a, b) => b.length - a.length);

/** The role of an unknown label: the role of the clause label it ends with, else none. */
function genericRole(word: string): FieldRole | null {
  const ending = clauseWordsLongestFirst.find((candidate) => word.endsWith(candidate));
  return ending ? (labelRoles.get(ending) ?? null) : null;
}

/** The values of the labels: from each label's end to the next label's start (or `end`). */
export function labelValues(labelsFound: readonly LabelMark[], end: number): { label: LabelMark; value: Span }[] {
  return labelsFound.map((label, i) => ({
    label,
    value: { start: label.end, end: i + 1 < labelsFound.length ? (labelsFound[i + 1] as LabelMark).start : end },
  }));
}
