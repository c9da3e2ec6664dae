import { topLevelKinds } from '../lexicon/numbering.ts';
import { startsWithClauseLabel } from '../normalize/lines.ts';
import type { Span } from '../types.ts';
import type { AcceptedHeading } from './sequence.ts';

/** The accepted headings as a tree, with what each holds. */
export interface HeadingNode {
  readonly heading: AcceptedHeading;
  readonly parent: number;
  readonly children: number[];
  /** Up to the next heading at the same level or above: the whole item. */
  readonly extentEnd: number;
  /** Up to the next heading of any level: the item's own text, before its sub-items. */
  readonly ownEnd: number;
}

/** Evidence that an item is a task: a clause or field naming units, at `start`. */
export interface Evidence {
  readonly start: number;
  readonly end: number;
  /** It fills a paragraph of its own (`（责任单位：…）` under a measure's sub-items). */
  readonly ownParagraph: boolean;
}

export function buildTree(accepted: readonly AcceptedHeading[], bodyEnd: number): HeadingNode[] {
  const nodes: HeadingNode[] = [];
  const stack: number[] = [];
  accepted.forEach((heading, index) => {
    while (stack.length > 0 && (accepted[stack[stack.length - 1] as number] as AcceptedHeading).depth >= heading.depth) stack.pop();
    const parent = stack.length > 0 ? (stack[stack.length - 1] as number) : -1;
    let extentEnd = bodyEnd;
    for (let next = index + 1; next < accepted.length; next++) {
      if ((accepted[next] as AcceptedHeading).depth <= heading.depth) {
        extentEnd = (accepted[next] as AcceptedHeading).span.start;
        break;
      }
    }
    const ownEnd = index + 1 < accepted.length ? Math.min(extentEnd, (accepted[index + 1] as AcceptedHeading).span.start) : extentEnd;
    nodes.push({ heading, parent, children: [], extentEnd, ownEnd });
    if (parent >= 0) (nodes[parent] as HeadingNode).children.push(index);
    stack.push(index);
  });
  return nodes;
}

/** The node whose own text holds `offset`, or -1 before the first heading. */
export function nodeAt(nodes: readonly HeadingNode[], offset: number): number {
  let low = 0;
  let high = nodes.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((nodes[mid] as HeadingNode).heading.span.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

export interface MeasureChoice {
  /** For each node, whether it is a measure. */
  readonly measure: readonly boolean[];
  /** Evidence attributed to each node (after the sub-item rule). */
  readonly evidence: readonly number[];
  /** True when no clause decided: the measures are the most numerous list. */
  readonly byCount: boolean;
}

/**
 * Chooses the measures: the lowest numbered items that carry the responsibility clauses.
 *
 * Each clause counts for the item whose own text holds it, except that a clause closing an item
 * after its sub-items counts for the item (`1.完善预案` / `（1）…` `（4）…` / `（责任单位：…）`): the clause
 * stands after the last sub-item, on a paragraph of its own (or after sub-items run into one
 * paragraph), and the other sub-items carry none. An item is a measure when it carries a clause and
 * nothing under it does; its siblings of the same numbering are measures too ("every measure is
 * listed, clause or not") unless something under them carries one. Items under a measure are its
 * sub-items; items above it are domains and sections. `leaves` (table rows, unnumbered records)
 * count as carried below the node that holds them. Without any clause, the measures are the
 * numbered list with the most items (top-level styles and framing sections aside).
 */
/**
 * Nothing but punctuation and labelled lines (`完成时限：6月底前`) in `folded[from, to)`: a clause
 * there is the last thing of its item, with the item's other fields under it.
 */
function onlyFieldsFollow(folded: string, from: number, to: number): boolean {
  let lineStart = from;
  for (let i = from; i <= to; i++) {
    if (i < to && folded.charCodeAt(i) !== 0x0a) continue;
    const line = folded.slice(lineStart, i);
    if (!/^[\s。；;，,]*$/.test(line) && !(lineStart > from && startsWithClauseLabel(line.slice(0, 12)))) return false;
    lineStart = i + 1;
  }
  return true;
}

/**
 * The numberings of sub-items (`（1）`, `①`): when only the last of them is followed by a clause, the
 * clause closes the item they enumerate, as `（一）` and `1.` items are closed by their own.
 */
const subItemKinds: ReadonlySet<string> = new Set(['arabic-paren', 'circled']);

export function chooseMeasures(
  nodes: readonly HeadingNode[],
  evidence: readonly Evidence[],
  leaves: readonly Span[],
  folded: string,
  framing: (node: number) => boolean,
): MeasureChoice {
  const count = nodes.length;
  const own = new Array<number>(count).fill(0);
  const leafBelow = new Array<boolean>(count).fill(false);
  for (const item of evidence) {
    let index = nodeAt(nodes, item.start);
    if (index < 0) continue;
    const node = nodes[index] as HeadingNode;
    const parent = node.parent >= 0 ? (nodes[node.parent] as HeadingNode) : null;
    if (parent && parent.children.length >= 2 && parent.children[parent.children.length - 1] === index) {
      const siblings = parent.children.slice(0, -1);
      const runIn = siblings.every((sibling) => (nodes[sibling] as HeadingNode).heading.runIn);
      // `（1）…；（2）…；（3）…。（牵头单位：A）`: sub-item numbering under a measure, the clause after the last.
      const subItems = subItemKinds.has(node.heading.kind) && siblings.every((sibling) => (nodes[sibling] as HeadingNode).heading.kind === node.heading.kind);
      const closesParent = onlyFieldsFollow(folded, item.end, parent.extentEnd);
      if ((item.ownParagraph || runIn || subItems) && closesParent && siblings.every((sibling) => !carries(nodes, sibling, evidence))) index = node.parent;
    }
    own[index] = (own[index] as number) + 1;
  }
  for (const leaf of leaves) {
    const index = nodeAt(nodes, leaf.start);
    if (index >= 0) leafBelow[index] = true;
  }
  // Bottom-up: does something under a node carry a clause (or hold a leaf)?
  const below = new Array<boolean>(count).fill(false);
  for (let index = count - 1; index >= 0; index--) {
    const node = nodes[index] as HeadingNode;
    below[index] = (below[index] as boolean) || (leafBelow[index] as boolean);
    if (node.parent >= 0) below[node.parent] = (below[node.parent] as boolean) || (below[index] as boolean) || (own[index] as number) > 0;
  }
  // Items of a section that frames the plan (`保障措施`, `组织实施`) are not tasks, clause or not.
  const framed = nodes.map((_, index) => {
    for (let at = index; at >= 0; at = (nodes[at] as HeadingNode).parent) if (framing(at)) return true;
    return false;
  });
  const measure = nodes.map((_, index) => (own[index] as number) > 0 && !below[index] && !framed[index]);
  const anyEvidence = measure.some(Boolean) || leafBelow.some(Boolean);
  if (anyEvidence) {
    // Siblings of a measure, of the same numbering, are measures too.
    const groups = new Map<string, number[]>();
    nodes.forEach((node, index) => {
      const key = `${node.parent}:${node.heading.kind}`;
      const members = groups.get(key);
      if (members) members.push(index);
      else groups.set(key, [index]);
    });
    for (const members of groups.values()) {
      if (!members.some((index) => measure[index])) continue;
      for (const index of members) if (!below[index] && !framing(index)) measure[index] = true;
    }
    // A domain whose items carry no clause, numbered as the measures of other domains, holds measures too.
    const measureKinds = new Set<string>();
    nodes.forEach((node, index) => {
      if (measure[index] && node.parent >= 0) measureKinds.add(`${(nodes[node.parent] as HeadingNode).heading.kind}>${node.heading.kind}`);
    });
    nodes.forEach((node, index) => {
      if (measure[index] || below[index] || node.parent < 0 || framing(index) || framing(node.parent) || isUnderMeasure(nodes, measure, index)) return;
      if (
        measureKinds.has(`${(nodes[node.parent] as HeadingNode).heading.kind}>${node.heading.kind}`) &&
        !(below[node.parent] && hasMeasureChild(nodes, measure, node.parent))
      ) {
        measure[index] = true;
      }
    });
    return { measure, evidence: own, byCount: false };
  }
  // No clause anywhere: the numbering with the most items (a domain may group its items under
  // `（一）` sections the others lack, so it is a numbering, not a depth); ties go to the deeper one.
  const byKind = new Map<string, { items: number; depth: number }>();
  nodes.forEach((node, index) => {
    if (topLevelKinds.has(node.heading.kind as never) || node.heading.kind === 'plain-title' || framed[index]) return;
    const entry = byKind.get(node.heading.kind) ?? { items: 0, depth: 0 };
    entry.items++;
    entry.depth += node.heading.depth;
    byKind.set(node.heading.kind, entry);
  });
  let bestKind: string | null = null;
  let best = { items: 0, depth: -1 };
  for (const [kind, entry] of byKind) {
    const depth = entry.depth / entry.items;
    if (entry.items > best.items || (entry.items === best.items && depth > best.depth)) {
      bestKind = kind;
      best = { items: entry.items, depth };
    }
  }
  const fallback = nodes.map(() => false);
  nodes.forEach((node, index) => {
    if (node.heading.kind === bestKind && !framed[index] && !isUnderMeasure(nodes, fallback, index)) fallback[index] = true;
  });
  // A domain numbered its own way (`1）` where the others use `（一）`): its most numerous numbering.
  nodes.forEach((node, index) => {
    if (node.parent >= 0 || framed[index] || node.children.length === 0) return;
    const descendants: number[] = [];
    const collect = (at: number): void => {
      for (const child of (nodes[at] as HeadingNode).children) {
        descendants.push(child);
        collect(child);
      }
    };
    collect(index);
    if (descendants.some((child) => fallback[child])) return;
    const counts = new Map<string, number>();
    for (const child of descendants)
      if (!framed[child]) counts.set((nodes[child] as HeadingNode).heading.kind, (counts.get((nodes[child] as HeadingNode).heading.kind) ?? 0) + 1);
    let kind: string | null = null;
    let most = 0;
    for (const [candidate, items] of counts) {
      if (items > most) {
        kind = candidate;
        most = items;
      }
    }
    for (const child of descendants) if ((nodes[child] as HeadingNode).heading.kind === kind && !isUnderMeasure(nodes, fallback, child)) fallback[child] = true;
  });
  return { measure: fallback, evidence: own, byCount: true };
}

/** Whether some evidence (sorted by start) lies in the node's whole extent. */
function carries(nodes: readonly HeadingNode[], index: number, evidence: readonly Evidence[]): boolean {
  const node = nodes[index] as HeadingNode;
  let low = 0;
  let high = evidence.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((evidence[mid] as Evidence).start < node.heading.span.start) low = mid + 1;
    else high = mid;
  }
  return low < evidence.length && (evidence[low] as Evidence).start < node.extentEnd;
}

function isUnderMeasure(nodes: readonly HeadingNode[], measure: readonly boolean[], index: number): boolean {
  for (let parent = (nodes[index] as HeadingNode).parent; parent >= 0; parent = (nodes[parent] as HeadingNode).parent) if (measure[parent]) return true;
  return false;
}

function hasMeasureChild(nodes: readonly HeadingNode[], measure: readonly boolean[], index: number): boolean {
  return (nodes[index] as HeadingNode).children.some((child) => measure[child]);
}
