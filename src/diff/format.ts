import type { DiffMeasure, DiffReport, FieldChange, RenumberedMeasure } from '../schema/diff.ts';

/** Colours for the text report. The caller decides whether there is colour; this module never detects it. */
export interface DiffPalette {
  readonly added: (text: string) => string;
  readonly removed: (text: string) => string;
  readonly changed: (text: string) => string;
  readonly heading: (text: string) => string;
}

const identity = (text: string): string => text;
export const plainDiffPalette: DiffPalette = { added: identity, removed: identity, changed: identity, heading: identity };

/** Characters of unchanged text kept on each side of a change in a text field. */
const context = 12;

/**
 * The report as text for a person, `diff`-like: a header per version, the counts, then `+`
 * added, `-` removed and `~` changed measures (with what changed in each), and the renumbered
 * measures with runs collapsed (`1.4–1.15 → 1.5–1.16`). Changes inside a text show as
 * `[-old-]{+new+}` (wdiff's marks), so they read without colour too.
 */
export function formatDiffReport(report: DiffReport, palette: DiffPalette = plainDiffPalette): string {
  const side = (mark: string, doc: DiffReport['old']) =>
    `${mark} ${doc.path ?? '(no path)'}  ${doc.title ?? '(no title)'}${doc.year === null ? '' : ` · ${doc.year}`} · ${doc.measures} measures`;
  const lines = [palette.heading(side('---', report.old)), palette.heading(side('+++', report.new))];
  const counts = [
    `${report.added.length} added`,
    `${report.removed.length} removed`,
    `${report.changed.length} changed`,
    `${report.renumbered.length} renumbered`,
    `${report.unchanged} unchanged`,
  ];
  lines.push(report.equal ? 'no differences' : counts.join(', '));
  for (const change of report.document) lines.push(`document ${change.field}: ${palette.removed(`- ${change.old}`)} ${palette.added(`+ ${change.new}`)}`);
  if (report.added.length + report.removed.length + report.changed.length > 0) lines.push('');
  for (const measure of report.removed) lines.push(palette.removed(`- ${measure.id}  ${measure.title}  (${measure.domain})`));
  for (const measure of report.added) lines.push(palette.added(`+ ${measure.id}  ${measure.title}  (${measure.domain})`));
  for (const change of report.changed) {
    const id = change.old.id === change.new.id ? change.new.id : `${change.old.id} → ${change.new.id}`;
    lines.push(palette.changed(`~ ${id}  ${change.new.title}`));
    for (const field of change.fields) lines.push(`    ${formatField(field, palette)}`);
  }
  if (report.renumbered.length > 0) {
    lines.push('', `renumbered (${report.renumbered.length}):`);
    for (const run of runs(report.renumbered)) lines.push(`    ${formatRun(run)}`);
  }
  return `${lines.join('\n')}\n`;
}

function formatField(change: FieldChange, palette: DiffPalette): string {
  switch (change.field) {
    case 'title':
      return `title: ${palette.removed(`- ${change.old}`)} ${palette.added(`+ ${change.new}`)}`;
    case 'text':
      return `text: ${inlineChange(change.old, change.new, palette)}`;
    case 'deadlines': {
      const show = (d: { text: string; date: string | null }) => `${d.text} (${d.date ?? 'no date'})`;
      return `deadlines: ${listChange(change.removed.map(show), change.added.map(show), palette)}`;
    }
    default:
      return `${change.field}: ${listChange(change.removed, change.added, palette)}`;
  }
}

function listChange(removed: readonly string[], added: readonly string[], palette: DiffPalette): string {
  const parts = [];
  if (removed.length > 0) parts.push(palette.removed(`- ${removed.join('、')}`));
  if (added.length > 0) parts.push(palette.added(`+ ${added.join('、')}`));
  return parts.join(' ');
}

/** The changed middle of two texts between their common start and end, with a little context. */
function inlineChange(before: string, after: string, palette: DiffPalette): string {
  let prefix = 0;
  const shorter = Math.min(before.length, after.length);
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  const lead = prefix > context ? `…${before.slice(prefix - context, prefix)}` : before.slice(0, prefix);
  const tail = suffix > context ? `${before.slice(before.length - suffix, before.length - suffix + context)}…` : before.slice(before.length - suffix);
  const removed = before.slice(prefix, before.length - suffix);
  const added = after.slice(prefix, after.length - suffix);
  return `${lead}${removed ? palette.removed(`[-${removed}-]`) : ''}${added ? palette.added(`{+${added}+}`) : ''}${tail}`;
}

const parts = (id: string): [number, number] => {
  const [domain, measure] = id.split('.').map(Number);
  return [domain as number, measure as number];
};

/** Whether `b` is the measure after `a` in the same domain. */
const follows = (a: DiffMeasure, b: DiffMeasure): boolean => {
  const [ad, am] = parts(a.id);
  const [bd, bm] = parts(b.id);
  return ad === bd && bm === am + 1;
};

/** Renumbered measures in runs that shifted together: consecutive on both sides, within one domain on each. */
function runs(renumbered: readonly RenumberedMeasure[]): RenumberedMeasure[][] {
  const out: RenumberedMeasure[][] = [];
  for (const item of renumbered) {
    const run = out.at(-1);
    const last = run?.at(-1);
    if (run && last && follows(last.old, item.old) && follows(last.new, item.new)) run.push(item);
    else out.push([item]);
  }
  return out;
}

function formatRun(run: readonly RenumberedMeasure[]): string {
  const first = run[0] as RenumberedMeasure;
  const last = run.at(-1) as RenumberedMeasure;
  const moved = first.old.domain === first.new.domain ? '' : `  (${first.old.domain} → ${first.new.domain})`;
  if (run.length === 1) return `${first.old.id} → ${first.new.id}  ${first.new.title}${moved}`;
  return `${first.old.id}–${last.old.id} → ${first.new.id}–${last.new.id}  (${run.length} measures)${moved}`;
}
