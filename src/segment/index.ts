import { findUnitClauses, parseUnitList } from '../extract/units/index.ts';
import { rocYearPattern } from '../extract/year.ts';
import { endsWithTerminator, labelLineRe, type NormalizedText } from '../normalize/index.ts';
import type { SourceFile } from '../source.ts';
import type { Span } from '../types.ts';
import { domainLeadRe, type HeadingKind, type HeadingMatch, matchHeading, nonTaskSectionRe, topLevelKinds } from './headings.ts';
import { readTableHeader, type TableColumn } from './table.ts';

export { type HeadingKind, type HeadingRule, headingRules, matchHeading } from './headings.ts';

/** Headings that the sequence check accepted, plus unnumbered title lines that head a restarted list. */
type AcceptedKind = HeadingKind | 'plain-title';

interface AcceptedHeading {
  readonly line: number;
  readonly kind: AcceptedKind;
  readonly label: string;
  readonly number: number | null;
  /** Offset in the normalised text where the heading's text starts, after its label. */
  readonly contentStart: number;
  readonly depth: number;
  /** The number the sequence expected here; differs from `number` on a gap. */
  readonly expected: number | null;
  readonly prefix?: string | undefined;
}

export interface SegmentedMeasure {
  readonly kind: HeadingKind;
  readonly label: string;
  readonly number: number | null;
  /** The number the sequence expected; a gap when it differs from `number`. */
  readonly expected: number | null;
  /** Lines `[firstLine, lastLine]` of the normalised text. */
  readonly firstLine: number;
  readonly lastLine: number;
  /** Where the measure's text starts on its first line, after the label. */
  readonly contentStart: number;
  /** Headings between the domain and the measure, outermost first. */
  readonly section: readonly string[];
}

export interface SegmentedDomain {
  readonly label: string | null;
  readonly number: number | null;
  readonly name: string;
  readonly line: number | null;
  readonly leadUnits: readonly string[];
  readonly leadUnitsOpen: boolean;
  /** Span of the domain lead clause in the normalised text. */
  readonly leadSpan: Span | null;
  readonly measures: readonly SegmentedMeasure[];
}

export interface Segmentation {
  /** Lines of the title, `[first, last]`, or null. */
  readonly title: readonly [number, number] | null;
  /** For a table saved as text, the column of each field (from its header row); else null. */
  readonly table: Partial<Record<TableColumn, number>> | null;
  readonly domains: readonly SegmentedDomain[];
  readonly measureKind: HeadingKind | null;
  readonly unsegmented: boolean;
}

/** A date line that closes a document: `2023年3月17日`, `二〇二三年三月十七日`, `中華民國112年3月17日`. */
const dateLineRe = new RegExp(
  `^(?:\\d{4}|(?:中華民國|中华民国)?${rocYearPattern})年\\d{1,2}月\\d{1,2}日$|^(?:\\d{4}|[〇○零一二三四五六七八九]{4})年[〇○零一二三四五六七八九十]{1,2}月[〇○零一二三四五六七八九十]{1,3}日$`,
);

/** `（此件公开发布）`, `抄送：…`, `附件：…`: lines after the last measure that are not part of it. */
const closingLineRe = /^（此件.{0,20}）$|^抄送[：:]|^附件[：:\d]|^[^，。；：（）、]{2,30}(?:印发|办公室|办公厅|人民政府|委员会|政府)$/;

const lineText = (normalized: NormalizedText, index: number): string => {
  const line = normalized.lines[index];
  return line ? normalized.text.text.slice(line.start, line.end) : '';
};

/** Lines that stand above a title: `附件`, `附件2`, a document number `鲁政办字〔2023〕10号`, `（此件公开发布）`. */
const aboveTitleRe = /^附件 ?[\d一二三四五六七八九十]{0,2}[：:]?$|^[^，。；：]{1,12}〔\d{4}〕\d{1,4}号$|^（此件.{0,12}）$/;

function findTitle(normalized: NormalizedText): readonly [number, number] | null {
  let at = 0;
  while (at < 3 && aboveTitleRe.test(lineText(normalized, at))) at++;
  const first = lineText(normalized, at);
  if (first.length === 0 || first.length > 80 || first.includes('\t') || matchHeading(first) || first.startsWith('（') || /[。；：]$/.test(first)) return null;
  const second = lineText(normalized, at + 1);
  // A title wrapped over two lines: the first ends mid-phrase (or, in hard-wrapped text, fills
  // the page width) and the second is short.
  const fillsWidth = normalized.hardWrapped && first.length >= normalized.wrapWidth * 0.85;
  if (
    second.length > 0 &&
    second.length <= 40 &&
    first.length + second.length <= 90 &&
    (fillsWidth || /(?:的|和|与|及|关于|進一步|进一步)$/.test(first)) &&
    !matchHeading(second) &&
    !endsWithTerminator(second)
  ) {
    return [at, at + 1];
  }
  return [at, at];
}

function isPlainTitleLine(text: string, wrapWidth: number): boolean {
  return (
    !text.includes('\t') &&
    text.length >= 2 &&
    text.length < Math.max(8, wrapWidth * 0.6) &&
    !endsWithTerminator(text) &&
    !/[，、]$/.test(text) &&
    !/^\d/.test(text)
  );
}

/** Drops closing lines (signature, date, distribution) from the end of the body. */
function findBodyEnd(normalized: NormalizedText, start: number): number {
  let end = normalized.lines.length - 1;
  let dropped = 0;
  while (end >= start && dropped < 6) {
    const text = lineText(normalized, end);
    if (!dateLineRe.test(text) && !closingLineRe.test(text)) break;
    end--;
    dropped++;
  }
  return end;
}

/**
 * Accepts the numbered lines that continue a sequence. A number at a line start is a heading
 * only when the line before closed a sentence or a clause (or was a heading), and its number
 * is the next one expected at its level (a gap of up to two is accepted, and reported), or
 * restarts at 1 below an unnumbered title line, or continues the document-wide count.
 */
function acceptHeadings(normalized: NormalizedText, bodyStart: number, bodyEnd: number): AcceptedHeading[] {
  const accepted: AcceptedHeading[] = [];
  const stack: { kind: AcceptedKind; last: number }[] = [];
  const lastByKind = new Map<AcceptedKind, number>();
  let previousAccepted = -1;
  for (let index = bodyStart; index <= bodyEnd; index++) {
    const text = lineText(normalized, index);
    const match: HeadingMatch | null = matchHeading(text);
    if (!match) continue;
    const previousText = index > bodyStart ? lineText(normalized, index - 1) : '';
    const previousIsHeading = previousAccepted === index - 1;
    // In hard-wrapped (PDF) text a number at a line start may be a wrapped quantity; elsewhere every line is a paragraph.
    const boundary =
      !normalized.hardWrapped ||
      index === bodyStart ||
      endsWithTerminator(previousText) ||
      previousIsHeading ||
      previousText.includes('\t') ||
      isPlainTitleLine(previousText, normalized.wrapWidth) ||
      labelLineRe.test(previousText);
    if (!boundary) continue;
    const lineStart = (normalized.lines[index] as { start: number }).start;
    const depthOfKind = stack.findIndex((entry) => entry.kind === match.kind);

    if (match.number === null) {
      // An unnumbered title heading (dash title): short, no closing punctuation.
      if (text.length > 40 || endsWithTerminator(text)) continue;
      const depth = depthOfKind >= 0 ? depthOfKind : stack.length;
      stack.length = depth;
      stack.push({ kind: match.kind, last: 0 });
      accepted.push({
        line: index,
        kind: match.kind,
        label: match.label,
        number: null,
        contentStart: lineStart + match.contentStart,
        depth,
        expected: null,
        prefix: match.prefix,
      });
      previousAccepted = index;
      continue;
    }

    const number = match.number;
    const inStack = depthOfKind >= 0;
    const expected = inStack ? (stack[depthOfKind] as { last: number }).last + 1 : 1;
    const continuesDocument = !inStack && number === (lastByKind.get(match.kind) ?? -1) + 1;
    const inSequence = number >= expected && number <= expected + 2;
    const plainTitleBefore =
      index - 1 > previousAccepted && index - 1 >= bodyStart && isPlainTitleLine(previousText, normalized.wrapWidth) && !matchHeading(previousText);
    const restart = inStack && number === 1 && plainTitleBefore;
    if (!inSequence && !continuesDocument && !restart) continue;

    let depth: number;
    // Only a list of measures gets an unnumbered title above it; `一、` and `第一部分` head the document themselves.
    const titledList = plainTitleBefore && number === 1 && !inStack && stack.length === 0 && match.kind !== 'chinese-comma' && !topLevelKinds.has(match.kind);
    if (restart || titledList) {
      // `重点任务` then `1.`: the unnumbered line heads the list that starts here.
      const plainDepth = stack.findIndex((entry) => entry.kind === 'plain-title');
      const titleDepth = plainDepth >= 0 ? plainDepth : inStack ? depthOfKind : stack.length;
      stack.length = titleDepth;
      stack.push({ kind: 'plain-title', last: 0 });
      const titleLine = normalized.lines[index - 1] as { start: number };
      accepted.push({ line: index - 1, kind: 'plain-title', label: '', number: null, contentStart: titleLine.start, depth: titleDepth, expected: null });
      depth = titleDepth + 1;
      stack.push({ kind: match.kind, last: number });
    } else if (inStack) {
      depth = depthOfKind;
      stack.length = depth + 1;
      (stack[depth] as { last: number }).last = number;
    } else {
      depth = stack.length;
      stack.push({ kind: match.kind, last: number });
    }
    lastByKind.set(match.kind, number);
    const expectedHere = restart || continuesDocument ? number : expected;
    accepted.push({ line: index, kind: match.kind, label: match.label, number, contentStart: lineStart + match.contentStart, depth, expected: expectedHere });
    previousAccepted = index;
  }
  return accepted;
}

/**
 * A clause keyword inside parentheses, or a clause label at a line start, anywhere in lines
 * `[first, last]`. A cheap stand-in for parsing the clauses: it only has to tell which
 * numbering level carries them. The lazy run is bounded, so each `（` costs at most 120 steps.
 */
const clauseMentionRe =
  /[（【][^（）【】]{0,120}?(?:牵头|牽頭|责任单位|責任單位|责任部门|責任部門|负责|負責|配合)|(?:^|\n)(?:牵头|牽頭|责任|責任|负责|負責)(?:单位|部门|單位|部門)：/g;

/** Offsets of every clause mention in the text, in order: found once, then looked up per heading. */
function findClauseMentions(text: string): number[] {
  const offsets: number[] = [];
  clauseMentionRe.lastIndex = 0;
  for (let match = clauseMentionRe.exec(text); match; match = clauseMentionRe.exec(text)) offsets.push(match.index);
  return offsets;
}

/** True when some offset in the sorted `offsets` lies in `[start, end)` (binary search). */
function anyWithin(offsets: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((offsets[mid] as number) < start) low = mid + 1;
    else high = mid;
  }
  return low < offsets.length && (offsets[low] as number) < end;
}

/**
 * Which headings hold a responsibility clause anywhere in their whole extent (down to the next
 * heading of the same or a higher level). For a top-level heading with headings under it, only
 * the part from its first child on counts: a clause on the heading's own line or just under it
 * (`一、优化政务服务（牵头单位：…）`) names the domain's lead, and must not make the domains the
 * measures when the items under them name no units of their own.
 */
function clauseBearing(normalized: NormalizedText, accepted: readonly AcceptedHeading[], bodyEnd: number): boolean[] {
  const mentions = findClauseMentions(normalized.text.text);
  const lines = normalized.lines;
  // Extent of each heading: up to the next heading at the same depth or shallower (a stack pass).
  const extentEnd = new Array<number>(accepted.length).fill(bodyEnd);
  const open: number[] = [];
  accepted.forEach((heading, i) => {
    while (open.length > 0 && (accepted[open[open.length - 1] as number] as AcceptedHeading).depth >= heading.depth) {
      extentEnd[open.pop() as number] = heading.line - 1;
    }
    open.push(i);
  });
  const topDepth = minimum(accepted.map((heading) => heading.depth));
  return accepted.map((heading, i) => {
    const lastLine = extentEnd[i] as number;
    const child = accepted[i + 1];
    const hasChild = child !== undefined && child.depth > heading.depth && child.line <= lastLine;
    const firstLine = heading.depth === topDepth && hasChild ? child.line : heading.line;
    return lastLine >= firstLine && anyWithin(mentions, (lines[firstLine] as { start: number }).start, (lines[lastLine] as { end: number }).end);
  });
}

interface MeasureLevel {
  readonly depth: number;
  /** The numbering style most headings at that depth use. */
  readonly kind: AcceptedKind;
  /** True when the level was chosen by its clauses, not only by counting list items. */
  readonly byClauses: boolean;
}

/**
 * The measure level among the headings `indices`: the depth with the most headings that hold a
 * responsibility clause; ties go to the deeper level, because a domain holds clauses only
 * through its measures. Without clauses, the depth with the most numbered list items. A level,
 * not a numbering style: one domain may number its measures `（一）` and the next `1.`.
 */
function chooseMeasureLevel(accepted: readonly AcceptedHeading[], bearing: readonly boolean[], indices: Iterable<number>): MeasureLevel | null {
  const levels = new Map<number, { clauses: number; items: number; listItems: number; kinds: Map<AcceptedKind, number> }>();
  for (const i of indices) {
    const heading = accepted[i] as AcceptedHeading;
    if (heading.kind === 'plain-title') continue;
    const level = levels.get(heading.depth) ?? { clauses: 0, items: 0, listItems: 0, kinds: new Map<AcceptedKind, number>() };
    level.items++;
    if (!topLevelKinds.has(heading.kind)) level.listItems++;
    level.kinds.set(heading.kind, (level.kinds.get(heading.kind) ?? 0) + 1);
    if (bearing[i]) level.clauses++;
    levels.set(heading.depth, level);
  }
  let best: number | null = null;
  let bestScore: [number, number, number] = [-1, -1, -1];
  for (const [depth, level] of levels) {
    const score: [number, number, number] = level.clauses > 0 ? [level.clauses, level.items, depth] : [0, level.listItems, depth];
    if (score[0] > bestScore[0] || (score[0] === bestScore[0] && (score[1] > bestScore[1] || (score[1] === bestScore[1] && score[2] > bestScore[2])))) {
      best = depth;
      bestScore = score;
    }
  }
  if (best === null || (bestScore[0] <= 0 && bestScore[1] <= 0)) return null;
  let kind: AcceptedKind | null = null;
  let most = 0;
  for (const [candidate, count] of (levels.get(best) as { kinds: Map<AcceptedKind, number> }).kinds) {
    if (count > most) {
      kind = candidate;
      most = count;
    }
  }
  return { depth: best, kind: kind as AcceptedKind, byClauses: bestScore[0] > 0 };
}

/**
 * The measure depth inside each domain, by the index of the heading that opens the domain (-1 for
 * headings before the first). A domain may go one level deeper than the others: `一、` with
 * `（一）` sections and `1.` measures, beside `二、` with its `1.` measures directly under it. Its own
 * clause-bearing headings decide; without any, the document's level holds (in a document with no
 * clauses at all, the domain's most numerous list).
 */
function measureDepthByDomain(
  accepted: readonly AcceptedHeading[],
  bearing: readonly boolean[],
  domainDepth: number,
  documentLevel: MeasureLevel,
): Map<number, number> {
  const depths = new Map<number, number>();
  const decide = (opener: number, members: number[]) => {
    const local = members.length > 0 ? chooseMeasureLevel(accepted, bearing, members) : null;
    // Without a clause anywhere in the document, each domain goes by its own list items.
    depths.set(opener, local && (local.byClauses || !documentLevel.byClauses) ? local.depth : documentLevel.depth);
  };
  let opener = -1;
  let members: number[] = [];
  accepted.forEach((heading, i) => {
    if (heading.depth === domainDepth) {
      decide(opener, members);
      opener = i;
      members = [];
    } else if (heading.depth > domainDepth) {
      members.push(i);
    }
  });
  decide(opener, members);
  return depths;
}

/** Domain lead units named in a heading (`一、优化政务服务（牵头单位：省政府办公厅）`) or on a line after it (`（领域牵头单位：…）`, `牵头单位：…`). */
function findDomainLead(normalized: NormalizedText, heading: AcceptedHeading, until: number): { units: string[]; open: boolean; span: Span } | null {
  for (let index = heading.line; index <= Math.min(until, heading.line + 3); index++) {
    const line = normalized.lines[index] as { start: number; end: number };
    const text = lineText(normalized, index);
    const lead = domainLeadRe.exec(text);
    if (lead) {
      const parsed = parseUnitList(lead[1] as string);
      return { units: parsed.units, open: parsed.open, span: { start: line.start, end: line.end } };
    }
    const clause = index === heading.line || text.startsWith('（') || labelLineRe.test(text) ? findUnitClauses(text)[0] : undefined;
    if (clause && clause.units.lead.length > 0 && (index === heading.line ? clause.span.end === text.length : clause.span.start === 0)) {
      return { units: [...clause.units.lead], open: clause.open.lead, span: { start: line.start + clause.span.start, end: line.start + clause.span.end } };
    }
  }
  return null;
}

function headingName(normalized: NormalizedText, heading: AcceptedHeading): string {
  // A heading that fills the page width in hard-wrapped text goes on on the next line, unless that
  // line is a heading or a clause of its own.
  let last = heading.line;
  while (
    normalized.hardWrapped &&
    last + 1 < normalized.lines.length &&
    last - heading.line < 2 &&
    lineText(normalized, last).length >= normalized.wrapWidth * 0.85 &&
    !endsWithTerminator(lineText(normalized, last)) &&
    !matchHeading(lineText(normalized, last + 1)) &&
    !lineText(normalized, last + 1).startsWith('（')
  ) {
    last++;
  }
  const line = normalized.lines[last] as { end: number };
  const text = normalized.text.text.slice(heading.contentStart, line.end).replace(/\n/g, '');
  // The heading's own name, without a trailing clause or sentence.
  return text
    .replace(/（(?:领域|領域)?(?:牵头|牽頭|责任|責任).*$/, '')
    .replace(/[。；：]$/, '')
    .trim();
}

/**
 * Domains from a table's domain column (`重点领域`): consecutive rows with the same cell form one;
 * an empty cell continues the domain above, as vertically merged cells are saved. Null when the
 * column is empty throughout.
 */
function domainsFromColumn(normalized: NormalizedText, measures: readonly SegmentedMeasure[], column: number): SegmentedDomain[] | null {
  const domains: { name: string; line: number; measures: SegmentedMeasure[] }[] = [];
  for (const measure of measures) {
    const name = (lineText(normalized, measure.firstLine).split('\t')[column] ?? '').trim();
    const current = domains[domains.length - 1];
    if (current && (name.length === 0 || name === current.name)) current.measures.push(measure);
    else domains.push({ name, line: measure.firstLine, measures: [measure] });
  }
  if (domains.every((domain) => domain.name.length === 0)) return null;
  return domains.map((domain) => ({
    label: null,
    number: null,
    name: domain.name,
    line: domain.line,
    leadUnits: [],
    leadUnitsOpen: false,
    leadSpan: null,
    measures: domain.measures,
  }));
}

function minimum(values: readonly number[]): number {
  let least = Number.POSITIVE_INFINITY;
  for (const value of values) if (value < least) least = value;
  return least;
}

/**
 * Splits a normalised document into domains and measures. Pure: reports through `file`.
 */
export function segment(normalized: NormalizedText, file: SourceFile): Segmentation {
  const title = findTitle(normalized);
  if (!title && normalized.lines.length > 0) {
    file.report({
      code: 'title-missing',
      severity: 'info',
      source: 'segment',
      message: 'No title line found: the first line is a heading or a sentence',
      span: normalized.text.toRawSpan(0, 0),
    });
  }
  const bodyStart = title ? title[1] + 1 : 0;
  const bodyEnd = findBodyEnd(normalized, bodyStart);
  let table: Partial<Record<TableColumn, number>> | null = null;
  for (let index = bodyStart; index <= bodyEnd && table === null; index++) {
    const text = lineText(normalized, index);
    if (text.includes('\t')) table = readTableHeader(text);
  }
  const accepted = acceptHeadings(normalized, bodyStart, bodyEnd);
  const bearing = clauseBearing(normalized, accepted, bodyEnd);
  const measureLevel = chooseMeasureLevel(accepted, bearing, accepted.keys());
  const measureKind = measureLevel?.kind ?? null;
  const documentMeasureDepth = measureLevel?.depth ?? -1;
  const domainHeadings = accepted.filter((h) => h.depth < documentMeasureDepth);
  const domainDepth = domainHeadings.length > 0 ? minimum(domainHeadings.map((h) => h.depth)) : -1;
  const domainMeasureDepths = measureLevel ? measureDepthByDomain(accepted, bearing, domainDepth, measureLevel) : new Map<number, number>();
  let measureDepth = domainMeasureDepths.get(-1) ?? documentMeasureDepth;

  interface DomainDraft {
    heading: AcceptedHeading | null;
    nonTask: boolean;
    measures: SegmentedMeasure[];
    lead: { units: string[]; open: boolean; span: Span } | null;
  }
  const domains: DomainDraft[] = [];
  let current: DomainDraft | null = null;
  let sections: string[] = [];
  let openMeasure: { heading: AcceptedHeading; section: string[] } | null = null;

  const closeMeasure = (lastLine: number): void => {
    if (!openMeasure || !current) return;
    const { heading, section } = openMeasure;
    current.measures.push({
      kind: heading.kind as HeadingKind,
      label: heading.label,
      number: heading.number,
      expected: heading.expected,
      firstLine: heading.line,
      lastLine: Math.max(heading.line, lastLine),
      contentStart: heading.contentStart,
      section,
    });
    openMeasure = null;
  };

  accepted.forEach((heading, i) => {
    const nextLine = accepted[i + 1]?.line ?? bodyEnd + 1;
    if (heading.depth <= measureDepth || heading.depth === domainDepth) closeMeasure(heading.line - 1);
    if (heading.depth === domainDepth) {
      measureDepth = domainMeasureDepths.get(i) ?? documentMeasureDepth;
      const name = headingName(normalized, heading);
      current = { heading, nonTask: nonTaskSectionRe.test(name), measures: [], lead: findDomainLead(normalized, heading, nextLine - 1) };
      domains.push(current);
      sections = [];
    } else if (heading.depth < measureDepth) {
      const depthIndex = heading.depth - domainDepth - 1;
      sections = sections.slice(0, Math.max(0, depthIndex));
      sections.push(`${heading.label}${headingName(normalized, heading)}`.trim());
    } else if (heading.depth === measureDepth && (heading.kind === measureKind || (heading.number !== null && heading.kind !== 'plain-title'))) {
      // The measure level is a depth, not one numbering style: a domain may number its measures
      // `1、` where the others use `（一）`. A numbered heading there starts a measure either way.
      if (!current) {
        current = { heading: null, nonTask: false, measures: [], lead: null };
        domains.push(current);
      }
      openMeasure = { heading, section: [...sections] };
    }
  });
  closeMeasure(bodyEnd);

  const taskDomains = domains.filter((domain) => !domain.nonTask && domain.measures.length > 0);
  // A task domain with no measure at the measure level would vanish from the output: say so.
  if (taskDomains.length > 0) {
    for (const domain of domains) {
      const heading = domain.heading;
      if (domain.nonTask || domain.measures.length > 0 || !heading) continue;
      const lineStart = (normalized.lines[heading.line] as { start: number }).start;
      file.report({
        code: 'domain-without-measures',
        severity: 'warning',
        source: 'segment',
        message: `Domain \`${heading.label}${headingName(normalized, heading)}\` has no numbered measures at the level of the others; its text is not in the output`,
        span: normalized.text.toRawSpan(lineStart, lineStart),
      });
    }
  }
  if (taskDomains.length === 0) {
    const hasBody = bodyEnd >= bodyStart;
    file.report({
      code: 'document-unsegmented',
      severity: 'warning',
      source: 'segment',
      message: 'No numbered measures found; the text is kept as one measure',
      span: normalized.text.toRawSpan((normalized.lines[bodyStart] ?? { start: 0 }).start, (normalized.lines[bodyStart] ?? { start: 0 }).start),
    });
    const measures: SegmentedMeasure[] = hasBody
      ? [
          {
            kind: 'arabic-dot',
            label: '',
            number: null,
            expected: null,
            firstLine: bodyStart,
            lastLine: bodyEnd,
            contentStart: (normalized.lines[bodyStart] as { start: number }).start,
            section: [],
          },
        ]
      : [];
    return {
      title,
      table,
      domains: measures.length > 0 ? [{ label: null, number: null, name: '', line: null, leadUnits: [], leadUnitsOpen: false, leadSpan: null, measures }] : [],
      measureKind: null,
      unsegmented: true,
    };
  }

  // A table with a domain column and no domain rows: the column groups the measures.
  const onlyDomain = taskDomains.length === 1 ? (taskDomains[0] as { heading: AcceptedHeading | null; measures: SegmentedMeasure[] }) : null;
  const byColumn =
    table?.domain !== undefined && onlyDomain !== null && onlyDomain.heading === null ? domainsFromColumn(normalized, onlyDomain.measures, table.domain) : null;
  return {
    title,
    table,
    measureKind: measureKind === 'plain-title' ? null : measureKind,
    unsegmented: false,
    domains:
      byColumn ??
      taskDomains.map((domain): SegmentedDomain => {
        const heading = domain.heading;
        return {
          label: heading ? (heading.kind === 'dash-title' ? (heading.prefix ?? heading.label) : heading.label || null) : null,
          number: heading?.number ?? null,
          name: heading ? headingName(normalized, heading) : '',
          line: heading?.line ?? null,
          leadUnits: domain.lead?.units ?? [],
          leadUnitsOpen: domain.lead?.open ?? false,
          leadSpan: domain.lead?.span ?? null,
          measures: domain.measures,
        };
      }),
  };
}
