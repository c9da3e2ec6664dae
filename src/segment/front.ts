import { titleWords } from '../lexicon/frame.ts';
import { labelRoles } from '../lexicon/labels.ts';
import { matchHeading } from '../lexicon/numbering.ts';
import type { FrameMark, Marks } from '../mark/index.ts';
import { startsWithClauseLabel } from '../normalize/index.ts';
import type { Span } from '../types.ts';

/** The parts of a document around its tasks. */
export interface Front {
  /** The plan's title (one paragraph, or two when it wraps), or null. */
  readonly title: Span | null;
  /** Paragraph indices `[first, last]` of the body: the tasks and what is around them inside the plan. */
  readonly body: readonly [number, number];
  /** Paragraphs of the frame (breadcrumbs, metadata, the covering notice, signatures, the page's tail). */
  readonly frame: ReadonlySet<number>;
  /** Paragraphs of the covering notice, from its addressees to its signature and date. */
  readonly notice: ReadonlySet<number>;
  /**
   * The notice's own numbered requirements (`现印发给你们，并就有关事项通知如下：` / `一、…于1月15日前将工作方案报…`),
   * paragraph indices `[first, last]`: tasks the notice sets besides the plan. Null when it has none.
   */
  readonly noticeItems: readonly [number, number] | null;
  /** The covering notice's title (`…关于印发…的通知`), when it has one above it. */
  readonly noticeTitle: Span | null;
}

const sentenceEndRe = /[。；：:！？!?]$/;
const wrapsOnRe = /(?:的|和|与|及|关于|进一步|推进|深化|加快|做好)$/;

/** A line that may be a title: short, no sentence end, no heading number, no label, a word of the genre's titles. */
function titleCandidate(folded: string, span: Span, strict: boolean): boolean {
  const text = folded.slice(span.start, span.end);
  if (text.length < 4 || text.length > 120 || sentenceEndRe.test(text) || /[\t|｜]/.test(text)) return false;
  if (text.startsWith('（') || text.startsWith('(')) return false;
  if (matchHeading(text) !== null || labelRoles.has(text) || startsWithClauseLabel(text)) return false;
  return !strict || titleWords.some((word) => text.includes(word));
}

/** Short lines of a page that are neither frame nor text: `政策`, `开化县`, `（征求意见稿）`. */
function aside(folded: string, span: Span): boolean {
  const text = folded.slice(span.start, span.end);
  if (/^[（(][^）)]{1,24}[）)]$/.test(text)) return true;
  return text.length <= 8 && !/[，。；：:、]/.test(text) && matchHeading(text) === null;
}

/**
 * Finds the frame, the covering notice and the title. The front of a document is its run of frame
 * lines, title lines and asides; a covering notice runs from its addressees (`各县区人民政府，…：`) to
 * its signature and date. The plan's title is the first title line after the notice (the notice has
 * a title of its own, `…关于印发…的通知`), else the first title line at all. The page's tail
 * (`延伸阅读`, `声明：`) and closing lines (signature, date, `抄送`) end the body.
 */
export function findFront(marks: Marks): Front {
  const { spans, folded, hardWrapped, wrapWidth } = marks.paragraphs;
  const count = spans.length;
  const inTable = new Uint8Array(count);
  for (const table of marks.tables) for (let i = table.paragraphs[0]; i <= table.paragraphs[1]; i++) inTable[i] = 1;
  const frameAt = new Map<number, FrameMark>();
  // A table's lines are its cells, never frame (`|` alone is a cell separator there).
  for (const frame of marks.frame) if (inTable[frame.paragraph] === 0) frameAt.set(frame.paragraph, frame);
  const frame = new Set<number>();
  const notice = new Set<number>();

  // The covering notice: addressees, then its sentences, up to its signature and date.
  for (const mark of marks.frame) {
    if (mark.kind !== 'addressee') continue;
    let end = mark.paragraph;
    for (let i = mark.paragraph + 1; i < Math.min(count, mark.paragraph + 40); i++) {
      const kind = frameAt.get(i)?.kind;
      if (kind === 'date') {
        end = i;
        // A second date line (the page repeats it) belongs to the notice too.
        if (frameAt.get(i + 1)?.kind === 'date') end = i + 1;
        break;
      }
    }
    if (end === mark.paragraph) {
      // No date under the notice: it ends after its last notice sentence or signature.
      for (let i = mark.paragraph + 1; i < Math.min(count, mark.paragraph + 6); i++) {
        const kind = frameAt.get(i)?.kind;
        if (kind === 'notice' || kind === 'signature' || kind === 'publicity') end = i;
      }
    }
    for (let i = mark.paragraph; i <= end; i++) notice.add(i);
  }
  // `…通知如下：` then numbered paragraphs up to the signature: the notice's own requirements.
  let noticeItems: [number, number] | null = null;
  for (const index of [...notice].sort((a, b) => a - b)) {
    const span = spans[index] as Span;
    if (noticeItems === null && /(?:通知|要求|规定|明确)如下[：:]$/.test(folded.slice(span.start, span.end))) {
      let last = index;
      while (notice.has(last + 1) && frameAt.get(last + 1)?.kind !== 'signature' && frameAt.get(last + 1)?.kind !== 'date') last++;
      if (last > index) noticeItems = [index + 1, last];
    }
  }
  for (const mark of frameAt.values()) if (mark.kind !== 'tail' && mark.kind !== 'attachment') frame.add(mark.paragraph);
  for (const index of notice) if (!noticeItems || index < noticeItems[0] || index > noticeItems[1]) frame.add(index);

  // The front: frame, notice, title lines and asides, up to the first paragraph of text.
  let front = 0;
  const titles: number[] = [];
  while (front < count && inTable[front] === 0) {
    const span = spans[front] as Span;
    if (frame.has(front) || notice.has(front) || frameAt.get(front)?.kind === 'attachment') {
      front++;
      continue;
    }
    // A line closed by fields under it (`责任单位：…`) is a task, not a title.
    const next = spans[front + 1];
    const closedByFields = next !== undefined && startsWithClauseLabel(folded.slice(next.start, Math.min(next.end, next.start + 12)));
    if (titleCandidate(folded, span, false) && !closedByFields) {
      titles.push(front);
      front++;
      continue;
    }
    if (aside(folded, span)) {
      frame.add(front);
      front++;
      continue;
    }
    break;
  }
  // A title line at the end of the front may be the heading of the first tasks (`重点任务`): a title
  // needs a word of the genre's titles unless it is the very first line.
  const lastNotice = notice.size > 0 ? Math.max(...notice) : -1;
  const named = titles.filter((index) => titleCandidate(folded, spans[index] as Span, true) || index === 0);
  const afterNotice = named.find((index) => index > lastNotice);
  const titleIndex = afterNotice ?? named[0] ?? null;
  let title: Span | null = null;
  if (titleIndex !== null) {
    const first = spans[titleIndex] as Span;
    const next = spans[titleIndex + 1];
    const firstText = folded.slice(first.start, first.end);
    const fills = hardWrapped && first.end - first.start >= wrapWidth * 0.85;
    if (
      next &&
      titles.includes(titleIndex + 1) &&
      next.end - next.start <= 40 &&
      firstText.length + (next.end - next.start) <= 90 &&
      (fills || wrapsOnRe.test(firstText))
    ) {
      title = { start: first.start, end: next.end };
      frame.add(titleIndex + 1);
    } else {
      title = first;
    }
    frame.add(titleIndex);
  }
  // Other title lines of the front (the notice's title, a repeat) are frame; a plain line just above
  // the tasks is not (`重点任务` heads the list under it).
  for (const index of titles) if (index <= lastNotice || (title && (spans[index] as Span).start < title.start)) frame.add(index);

  // The tail: from the first tail line on; then closing lines at the end.
  let end = count - 1;
  for (const mark of frameAt.values()) {
    if (mark.kind === 'tail' && mark.paragraph >= front && mark.paragraph <= end) {
      end = mark.paragraph - 1;
      break;
    }
  }
  const titleText = title ? folded.slice(title.start, title.end).replace(/\s/g, '') : null;
  let dropped = 0;
  while (end >= front && dropped < 8 && inTable[end] === 0) {
    const span = spans[end] as Span;
    const kind = frameAt.get(end)?.kind;
    const text = folded.slice(span.start, span.end);
    const closing = kind === 'signature' || kind === 'date' || kind === 'publicity' || kind === 'chrome' || /^抄送[：:]/.test(text);
    // The title repeated at the page's end, perhaps without its page mark (`…( 九 )`).
    const bare = text.replace(/[\s.…。]/g, '').replace(/[（(][^（(]*$/, '');
    const repeatsTitle = titleText !== null && bare.length >= 4 && titleText.startsWith(bare);
    if (!closing && !repeatsTitle && span.end > span.start) break;
    frame.add(end);
    end--;
    dropped++;
  }
  const noticeTitle = lastNotice >= 0 ? (titles.filter((index) => index < lastNotice).map((index) => spans[index] as Span)[0] ?? null) : null;
  return { title, body: [front, end], frame, notice, noticeItems, noticeTitle };
}
