import { type HeadingKind, matchHeading, nonTaskSectionRe } from '../lexicon/numbering.ts';
import type { ClauseMark, Marks, RowMark, TableMark } from '../mark/index.ts';
import { firstAtOrAfter } from '../sorted.ts';
import type { Span } from '../types.ts';
import { type Front, findFront } from './front.ts';
import { findFieldGroups, findRecords, type Record } from './records.ts';
import { type AcceptedHeading, acceptHeadings } from './sequence.ts';
import { buildTree, chooseMeasures, type Evidence, type HeadingNode, nodeAt } from './tree.ts';

export type MeasureKind = HeadingKind | 'plain-title' | 'table-row' | 'record' | 'fragment' | 'text';

/** One measure as segmentation found it: spans in the paragraph text, nothing extracted yet. */
export interface SegmentedMeasure {
  readonly kind: MeasureKind;
  /** Everything that belongs to the measure: its clauses and deadlines lie inside. */
  readonly span: Span;
  /** The task itself: its text and title start here (after the label; a table row's task cell). */
  readonly task: Span;
  readonly label: string;
  readonly number: number | null;
  /** The number the sequence expected; a gap when it differs from `number`. */
  readonly expected: number | null;
  /** Headings between the domain and the measure, outermost first. */
  readonly section: readonly string[];
  /** The label's place (or the measure's start). */
  readonly start: number;
  readonly row: RowMark | null;
}

export interface SegmentedDomain {
  readonly label: string | null;
  readonly name: string;
  /** The heading's span; null for the implicit domain. */
  readonly heading: Span | null;
  readonly lead: ClauseMark | null;
  readonly measures: readonly SegmentedMeasure[];
  /** A section that frames rather than assigns tasks (`总体要求`, `保障措施`). */
  readonly framing: boolean;
}

export interface Segmentation {
  readonly front: Front;
  readonly domains: readonly SegmentedDomain[];
  /** Domains left without measures while others have them (their headings), for a warning. */
  readonly emptyDomains: readonly { readonly span: Span; readonly name: string }[];
  /** True when no measure was found and the body is kept as one. */
  readonly unsegmented: boolean;
}

/** Kinds that head a domain: a clause just under such a heading names the domain's lead. */
const domainKinds: ReadonlySet<string> = new Set(['chinese-comma', 'dash-title', 'part', 'formal-comma', 'plain-title']);

/** What may stand between a measure's number and its text (`1、`, `1．`, `1:`). */
const numberTrailersRe = /^[ 、.．:：]+/;

const isSpace = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x09 || code === 0x3000;

function sliceTrimmed(text: string, span: Span): Span {
  let start = span.start;
  let end = span.end;
  while (start < end && isSpace(text.charCodeAt(start))) start++;
  while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
  return { start, end };
}

/**
 * Splits a document's marks into domains and measures (see `Segmentation`). An attachment line in
 * the body (`附件：2024年重点任务分工表`) starts a part of its own: the plan's annex, segmented apart,
 * its measures in a domain named for it when it has no headings of its own.
 */
export function segment(marks: Marks): Segmentation {
  const { spans } = marks.paragraphs;
  const text = marks.paragraphs.text.text;
  const front = findFront(marks);
  const [firstParagraph, lastParagraph] = front.body;
  if (lastParagraph < firstParagraph || spans.length === 0) return { front, domains: [], emptyDomains: [], unsegmented: false };
  const attachments = marks.frame
    .filter((mark) => mark.kind === 'attachment' && mark.paragraph > firstParagraph && mark.paragraph <= lastParagraph)
    .map((mark) => mark.paragraph);
  const bounds = [firstParagraph - 1, ...attachments, lastParagraph + 1];
  // What every part reads of the whole document, made once: a document of many annexes costs each
  // part only its own paragraphs.
  const inTable = new Uint8Array(spans.length);
  for (const table of marks.tables) for (let i = table.paragraphs[0]; i <= table.paragraphs[1]; i++) inTable[i] = 1;
  const shared: SharedMarks = { groups: findFieldGroups(marks), inTable };
  const domains: SegmentedDomain[] = [];
  const emptyDomains: { span: Span; name: string }[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) {
    const from = (bounds[i] as number) + 1;
    const to = (bounds[i + 1] as number) - 1;
    if (to < from) continue;
    const part = segmentPart(marks, front, from, to, shared);
    const heading = i > 0 ? (spans[bounds[i] as number] as Span) : null;
    const annex = heading
      ? text
          .slice(heading.start, heading.end)
          .replace(/^附件\s?\d{0,2}\s?[：:]?/, '')
          .trim()
      : null;
    for (const domain of part.domains)
      domains.push(annex !== null && domain.heading === null && domain.name === '' ? { ...domain, name: annex, heading } : domain);
    emptyDomains.push(...part.emptyDomains);
  }
  const notice = noticeMeasures(marks, front);
  const noticeDomain: SegmentedDomain[] =
    notice.length > 0
      ? [
          {
            label: null,
            name: front.noticeTitle ? text.slice(front.noticeTitle.start, front.noticeTitle.end) : '',
            heading: front.noticeTitle,
            lead: null,
            measures: notice,
            framing: false,
          },
        ]
      : [];
  if (domains.length === 0) {
    // No measure anywhere: the body is kept as one, with a warning.
    let from = firstParagraph;
    while (from <= lastParagraph && front.frame.has(from)) from++;
    if (from > lastParagraph) return { front, domains: noticeDomain, emptyDomains: [], unsegmented: false };
    const span = { start: (spans[from] as Span).start, end: (spans[lastParagraph] as Span).end };
    const only: SegmentedMeasure = { kind: 'text', span, task: span, label: '', number: null, expected: null, section: [], start: span.start, row: null };
    return {
      front,
      domains: [...noticeDomain, { label: null, name: '', heading: null, lead: null, measures: [only], framing: false }],
      emptyDomains: [],
      unsegmented: noticeDomain.length === 0,
    };
  }
  return { front, domains: [...noticeDomain, ...domains], emptyDomains, unsegmented: false };
}

/** The domains and measures of paragraphs `[firstParagraph, lastParagraph]` of the body. */
/** The marks of the whole document that each part reads: field groups, and which paragraphs are table rows. */
interface SharedMarks {
  readonly groups: ReturnType<typeof findFieldGroups>;
  readonly inTable: Uint8Array;
}

/** The items of `sorted` (in text order by `key`) whose key lies in `[from, to)`, by bisection. */
function within<T>(sorted: readonly T[], key: (item: T) => number, from: number, to: number): T[] {
  return sorted.slice(firstAtOrAfter(sorted, key, from), firstAtOrAfter(sorted, key, to));
}

function segmentPart(
  marks: Marks,
  front: Front,
  firstParagraph: number,
  lastParagraph: number,
  shared: SharedMarks,
): { domains: SegmentedDomain[]; emptyDomains: { span: Span; name: string }[] } {
  const { spans, folded, wrapWidth } = marks.paragraphs;
  const text = marks.paragraphs.text.text;
  const bodyStart = (spans[firstParagraph] as Span).start;
  const bodyEnd = (spans[lastParagraph] as Span).end;
  const inBody = (paragraph: number): boolean => paragraph >= firstParagraph && paragraph <= lastParagraph && !front.frame.has(paragraph);

  const tables = within(marks.tables, (table) => table.paragraphs[0], firstParagraph, lastParagraph + 1).filter(
    (table) => table.paragraphs[1] <= lastParagraph,
  );
  const { inTable } = shared;
  const clauses = within(marks.clauses, (clause) => clause.span.start, bodyStart, bodyEnd);
  // Clause spans (sorted by start, and they do not nest), for `insideClause` by binary search.
  const enclosing = clauses.filter((clause) => clause.rule !== 'units/labelled-line');
  const insideClause = (offset: number): boolean => {
    let low = 0;
    let high = enclosing.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if ((enclosing[mid] as ClauseMark).span.start < offset) {
        found = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    // Clauses may overlap (a table cell's and a bracket's): look back over the few that could hold it.
    for (let i = found; i >= 0 && i > found - 4; i--) if (offset < (enclosing[i] as ClauseMark).span.end) return true;
    return false;
  };

  const candidates = within(marks.headings, (mark) => mark.paragraph, firstParagraph, lastParagraph + 1).filter(
    (mark) => inBody(mark.paragraph) && inTable[mark.paragraph] === 0 && !insideClause(mark.span.start),
  );
  const headingParagraphs = new Set(candidates.map((mark) => mark.paragraph));
  const accepted = acceptHeadings(candidates, folded, spans, wrapWidth, (paragraph) => headingParagraphs.has(paragraph) || !inBody(paragraph));
  const nodes = buildTree(accepted, bodyEnd);
  const paragraphOf = (offset: number): number => {
    let low = 0;
    let high = spans.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((spans[mid] as Span).start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  };

  // Unnumbered tasks closed by their fields: before the first heading, and in each heading's own text.
  const { groups } = shared;
  const skip = (paragraph: number): boolean => !inBody(paragraph) || inTable[paragraph] === 1 || headingParagraphs.has(paragraph);
  const firstHeadingParagraph = nodes.length > 0 ? (nodes[0] as HeadingNode).heading.paragraph : lastParagraph + 1;
  const prelude = findRecords(marks, groups, firstParagraph, firstHeadingParagraph - 1, skip);
  /** Records under a heading that is only a title over them (they are its items). */
  const titled: Record[] = [];
  /** Records after a measure's own fields: tasks of their own that follow it. */
  const followers = new Map<number, Record[]>();
  /**
   * The heading's paragraph closes with a clause naming units (`一、纳税服务（牵头单位：市税务局）`): it
   * heads a domain with a lead of its own, so even one unnumbered task under it is a task, not its text.
   */
  const closedByClause = new Set<number>();
  for (const clause of clauses) {
    if (clause.units.length === 0) continue;
    const paragraph = paragraphOf(clause.span.start);
    const span = spans[paragraph] as Span;
    if (clause.span.start > span.start && clause.span.end >= span.end - 1 && clause.span.end <= span.end) closedByClause.add(paragraph);
  }
  const headingClauseAt = (paragraph: number): boolean => closedByClause.has(paragraph);
  /** The headings with titled records under them: a clause in such a heading names the domain's lead. */
  const titledNodes = new Set<number>();
  nodes.forEach((node, index) => {
    const first = node.heading.paragraph;
    const last = paragraphOf(Math.max(node.heading.span.start, node.ownEnd - 1));
    const inside = groupsWithin(groups.groups, first + 1, last);
    if (inside.length === 0) return;
    const headingSpan = spans[first] as Span;
    const shortTitle = headingSpan.end - node.heading.contentStart <= 24 && !/[。；]/.test(folded.slice(node.heading.contentStart, headingSpan.end));
    const textBefore = inside[0] !== undefined && (inside[0] as readonly [number, number])[0] > first + 1;
    if ((inside.length >= 2 || headingClauseAt(first)) && shortTitle && textBefore) {
      const records = findRecords(marks, groups, first + 1, last, skip);
      titled.push(...records);
      if (records.length > 0) titledNodes.add(index);
    } else if (inside.length >= 2) {
      const after = (inside[0] as readonly [number, number])[1] + 1;
      const records = findRecords(marks, groups, after, last, skip);
      if (records.length > 0) followers.set(index, records);
    }
  });

  // Evidence: clauses naming units, outside tables; a clause just under a domain heading names its lead.
  const evidence: Evidence[] = [];
  const headingLeads = new Map<number, ClauseMark>();
  for (const clause of clauses) {
    if (clause.units.length === 0 || clause.rule === 'units/table-column') continue;
    const paragraph = paragraphOf(clause.span.start);
    if (inTable[paragraph] === 1 || !inBody(paragraph)) continue;
    const index = nodeAt(nodes, clause.span.start);
    const node = index >= 0 ? (nodes[index] as HeadingNode) : null;
    const hasItems = node !== null && (node.children.length > 0 || (titledNodes.has(index) && paragraphOf(node.heading.span.start) === paragraph));
    if (node && (clause.domainLead || (hasItems && domainKinds.has(node.heading.kind) && node.heading.depth === 0))) {
      if (!headingLeads.has(index)) headingLeads.set(index, clause);
      if (clause.domainLead || hasItems) continue;
    }
    if (clause.domainLead) continue;
    const span = spans[paragraph] as Span;
    const ownParagraph = clause.span.start === span.start;
    evidence.push({ start: clause.span.start, end: clause.span.end, ownParagraph });
  }
  const leaves: Span[] = [...tables.flatMap((table) => table.rows.map((row) => row.span)), ...titled.map((record) => record.span)];
  const framingNodes = nodes.map((_, index) => nonTaskSectionRe.test(headingName(marks, nodes, index)));
  const framing = (index: number): boolean => framingNodes[index] === true;
  const choice = chooseMeasures(nodes, evidence, leaves, folded, framing);

  // The measures, in text order.
  const measures: { measure: SegmentedMeasure; node: number }[] = [];
  const recordMeasure = (record: Record, kind: MeasureKind): SegmentedMeasure => {
    const task = leadingLabel(folded, text, sliceTrimmed(text, record.task));
    return {
      kind,
      span: record.span,
      task: task.task,
      label: task.label,
      number: task.number,
      expected: null,
      section: [],
      start: record.span.start,
      row: null,
    };
  };
  for (const record of prelude) measures.push({ measure: recordMeasure(record, 'record'), node: -1 });
  // Before the first heading: a clause naming units makes the text there a task of its own (an excerpt cut mid-measure).
  if (prelude.length === 0 && nodes.length > 0) {
    const firstStart = (nodes[0] as HeadingNode).heading.span.start;
    const before = evidence.some((item) => item.start < firstStart);
    if (before) {
      let from = firstParagraph;
      while (from < firstHeadingParagraph && skip(from)) from++;
      if (from < firstHeadingParagraph) {
        const span = { start: (spans[from] as Span).start, end: firstStart };
        measures.push({
          measure: {
            kind: 'fragment',
            span,
            task: sliceTrimmed(text, span),
            label: '',
            number: null,
            expected: null,
            section: [],
            start: span.start,
            row: null,
          },
          node: -1,
        });
      }
    }
  }
  nodes.forEach((node, index) => {
    const ownFollowers = followers.get(index) ?? [];
    if (choice.measure[index]) {
      const end = ownFollowers[0] ? Math.min(node.extentEnd, ownFollowers[0].span.start) : node.extentEnd;
      const span = sliceTrimmed(text, { start: node.heading.span.start, end });
      let taskStart = node.heading.contentStart;
      const trailers = numberTrailersRe.exec(text.slice(taskStart, taskStart + 4));
      if (trailers) taskStart += trailers[0].length;
      measures.push({
        measure: {
          kind: node.heading.kind,
          span,
          task: sliceTrimmed(text, { start: taskStart, end: span.end }),
          label: node.heading.label.trim(),
          number: node.heading.number,
          expected: node.heading.expected,
          section: [],
          start: node.heading.span.start,
          row: null,
        },
        node: index,
      });
    }
    for (const record of ownFollowers) measures.push({ measure: recordMeasure(record, 'record'), node: node.parent >= 0 ? node.parent : -1 });
  });
  for (const record of titled) measures.push({ measure: recordMeasure(record, 'record'), node: nodeAt(nodes, record.span.start) });
  for (const table of tables) {
    for (const row of table.rows) {
      const task = row.cells.find((cell) => cell.role === 'task');
      if (!task && row.cells.every((cell) => cell.role === 'number' || cell.span.end === cell.span.start)) continue;
      const taskSpan = task ? leadingLabel(folded, text, sliceTrimmed(text, task.span)) : null;
      measures.push({
        measure: {
          kind: 'table-row',
          span: row.span,
          task: taskSpan?.task ?? row.span,
          label: row.number ? text.slice(row.number.span.start, row.number.span.end) : (taskSpan?.label ?? ''),
          number: row.number?.value ?? taskSpan?.number ?? null,
          expected: null,
          section: [],
          start: row.number?.span.start ?? row.span.start,
          row,
        },
        node: nodeAt(nodes, row.span.start),
      });
    }
  }
  measures.sort((a, b) => a.measure.span.start - b.measure.span.start);

  if (measures.length === 0) return { domains: [], emptyDomains: [] };

  // Domains: the top-level heading above each measure; headings between are its sections.
  const domains: { node: number; table: TableMark | null; name: string | null; measures: SegmentedMeasure[] }[] = [];
  const tableOfRow = new Map<RowMark, TableMark>();
  for (const table of tables) for (const row of table.rows) tableOfRow.set(row, table);
  for (const { measure, node } of measures) {
    const chain: number[] = [];
    for (let at = node; at >= 0; at = (nodes[at] as HeadingNode).parent) chain.unshift(at);
    // The measure's own node is not its domain or section.
    if (chain.length > 0 && chain[chain.length - 1] === node && choice.measure[node] && measure.kind !== 'table-row' && measure.kind !== 'record') chain.pop();
    const table = measure.row ? (tableOfRow.get(measure.row) ?? null) : null;
    // A domain row of the table (`二、纳税服务` between its rows) starts a domain even under a heading.
    const rowDomain = table && chain.length > 0 ? domainRowAbove(marks, table, measure.row as RowMark) : null;
    const domainNode = chain.length > 0 && rowDomain === null ? (chain[0] as number) : -1;
    const section = rowDomain === null ? chain.slice(1).map((at) => `${(nodes[at] as HeadingNode).heading.label}${headingName(marks, nodes, at)}`.trim()) : [];
    const withSection = { ...measure, section };
    const tableDomain = rowDomain ?? (table && domainNode < 0 ? tableDomainName(marks, table, measure.row as RowMark) : null);
    const last = domains[domains.length - 1];
    if (last && last.node === domainNode && (tableDomain === null || tableDomain === last.name || (tableDomain === '' && last.table === table))) {
      last.measures.push(withSection);
    } else {
      domains.push({ node: domainNode, table, name: tableDomain, measures: [withSection] });
    }
  }
  const emptyDomains: { span: Span; name: string }[] = [];
  const used = new Set(domains.map((domain) => domain.node));
  nodes.forEach((node, index) => {
    if (node.parent >= 0 || used.has(index) || choice.measure[index] || framing(index) || node.heading.kind === 'plain-title') return;
    emptyDomains.push({ span: node.heading.span, name: `${node.heading.label}${headingName(marks, nodes, index)}` });
  });
  return {
    emptyDomains,
    domains: [
      ...domains.map((domain): SegmentedDomain => {
        if (domain.node < 0) {
          // A domain row of a table keeps its numbering apart: `一、政务服务`.
          const name = domain.name ?? '';
          const numbered = matchHeading(name);
          return {
            label: numbered ? numbered.label : null,
            name: numbered ? name.slice(numbered.contentStart).trim() : name,
            heading: null,
            lead: null,
            measures: domain.measures,
            framing: false,
          };
        }
        const heading = (nodes[domain.node] as HeadingNode).heading;
        return {
          label: heading.kind === 'dash-title' ? (heading.prefix ?? heading.label) : heading.label || null,
          name: headingName(marks, nodes, domain.node),
          heading: { start: heading.span.start, end: Math.max(heading.contentStart, headingNameSpan(marks, nodes, domain.node).end) },
          lead: headingLeads.get(domain.node) ?? null,
          measures: domain.measures,
          framing: framing(domain.node),
        };
      }),
    ],
  };
}

/**
 * The covering notice's own numbered requirements (`一、各责任单位要…于1月15日前将工作方案报…`): each
 * top-level item is a task of the notice, in a domain of its own before the plan's.
 */
function noticeMeasures(marks: Marks, front: Front): SegmentedMeasure[] {
  if (!front.noticeItems) return [];
  const [first, last] = front.noticeItems;
  const { spans, folded, wrapWidth } = marks.paragraphs;
  const text = marks.paragraphs.text.text;
  const candidates = marks.headings.filter((mark) => mark.paragraph >= first && mark.paragraph <= last && !mark.runIn);
  const accepted = acceptHeadings(candidates, folded, spans, wrapWidth, () => false).filter((heading) => heading.depth === 0 && heading.number !== null);
  const regionEnd = (spans[last] as Span).end;
  return accepted.map((heading, i) => {
    const end = i + 1 < accepted.length ? (accepted[i + 1] as AcceptedHeading).span.start : regionEnd;
    const span = sliceTrimmed(text, { start: heading.span.start, end });
    return {
      kind: heading.kind,
      span,
      task: sliceTrimmed(text, { start: heading.contentStart, end: span.end }),
      label: heading.label.trim(),
      number: heading.number,
      expected: null,
      section: [],
      start: heading.span.start,
      row: null,
    };
  });
}

/** The groups (sorted paragraph ranges) that lie within paragraphs `[first, last]`, by binary search. */
function groupsWithin(groups: readonly (readonly [number, number])[], first: number, last: number): (readonly [number, number])[] {
  let low = 0;
  let high = groups.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((groups[mid] as readonly [number, number])[0] < first) low = mid + 1;
    else high = mid;
  }
  const found: (readonly [number, number])[] = [];
  for (let i = low; i < groups.length && (groups[i] as readonly [number, number])[1] <= last; i++) found.push(groups[i] as readonly [number, number]);
  return found;
}

/**
 * A heading's own name: its text after the label, up to a clause, a sentence end, or an item run
 * into it (`一、对接市级平台1.实现…`). A name that fills the page width in hard-wrapped text was joined
 * with its next line by normalisation already.
 */
function headingName(marks: Marks, nodes: readonly HeadingNode[], index: number): string {
  return headingNameSpan(marks, nodes, index).name;
}

const nameCache = new WeakMap<HeadingNode, { name: string; end: number }>();

/** The heading's name and where it ends (see `headingName`). */
function headingNameSpan(marks: Marks, nodes: readonly HeadingNode[], index: number): { name: string; end: number } {
  const node = nodes[index] as HeadingNode;
  const cached = nameCache.get(node);
  if (cached) return cached;
  const found = readHeadingName(marks, nodes, index);
  nameCache.set(node, found);
  return found;
}

function readHeadingName(marks: Marks, nodes: readonly HeadingNode[], index: number): { name: string; end: number } {
  const node = nodes[index] as HeadingNode;
  const { spans, folded } = marks.paragraphs;
  const text = marks.paragraphs.text.text;
  const heading = node.heading;
  const paragraphEnd = (spans[heading.paragraph] as Span).end;
  const next = nodes[index + 1];
  let end = Math.min(paragraphEnd, node.ownEnd, next ? next.heading.span.start : paragraphEnd);
  for (let i = heading.contentStart; i < end; i++) {
    const code = folded.charCodeAt(i);
    if (code === 0x3002 || code === 0xff1b || code === 0xff1a) {
      end = i;
      break;
    }
    if ((code === 0xff08 || code === 0x3010 || code === 0x3014 || code === 0x5b) && /^.(?:领域)?(?:牵头|责任|主办|主责|配合)/.test(folded.slice(i, i + 8))) {
      end = i;
      break;
    }
  }
  const start = heading.kind === 'plain-title' ? heading.span.start : heading.contentStart;
  const raw = text.slice(start, end);
  const name = raw.trim();
  return { name, end: start + raw.trimEnd().length };
}

/** The task's own label when a cell or field starts with one (`135.统筹违法建设治理…`). */
function leadingLabel(folded: string, text: string, span: Span): { task: Span; label: string; number: number | null } {
  const match = /^(\d{1,4})[.、．]\s?(?=[\u3400-\u9fff“《])/.exec(folded.slice(span.start, Math.min(span.end, span.start + 8)));
  if (!match) return { task: span, label: '', number: null };
  return {
    task: { start: span.start + match[0].length, end: span.end },
    label: text.slice(span.start, span.start + match[0].length).trim(),
    number: Number(match[1]),
  };
}

/**
 * The domain of a table row from the table itself: the domain row above it (`一、政务服务` between
 * rows), or its domain column, where an empty cell continues the domain above as merged cells save.
 * Null when the table has neither.
 */
function tableDomainName(marks: Marks, table: TableMark, row: RowMark): string | null {
  const name = domainRowAbove(marks, table, row);
  if (name !== null) return name;
  if (!row.cells.some((cell) => cell.role === 'domain')) return null;
  return domainColumnNames(marks, table).get(row) ?? '';
}

/** The last domain row of the table above `row`, by bisection (the rows are in text order); null when none. */
function domainRowAbove(marks: Marks, table: TableMark, row: RowMark): string | null {
  const rows = table.domainRows;
  const below = firstAtOrAfter(rows, (span) => span.start, row.span.start);
  if (below === 0) return null;
  const above = rows[below - 1] as Span;
  return marks.paragraphs.text.text.slice(above.start, above.end).trim();
}

/** Each row's domain from the domain column, an empty cell continuing the one above: made once per table. */
const domainColumnCache = new WeakMap<TableMark, Map<RowMark, string>>();
function domainColumnNames(marks: Marks, table: TableMark): Map<RowMark, string> {
  const cached = domainColumnCache.get(table);
  if (cached) return cached;
  const text = marks.paragraphs.text.text;
  const names = new Map<RowMark, string>();
  let current = '';
  for (const row of table.rows) {
    const cell = row.cells.find((candidate) => candidate.role === 'domain');
    if (cell && cell.span.end > cell.span.start) current = text.slice(cell.span.start, cell.span.end).trim();
    names.set(row, current);
  }
  domainColumnCache.set(table, names);
  return names;
}

export type { AcceptedHeading };
