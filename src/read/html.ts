import { isUtf8 } from 'node:buffer';
import type { ChildNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { DecodeError, decode } from './decode.ts';
import type { Encoding } from './encodings.ts';
import { ReadError } from './errors.ts';
import { DocumentBuilder, type PlacedCell, type PlacedTable } from './render.ts';
import type { ReadDocument } from './types.ts';

/**
 * Web pages: the charset from the BOM, the meta tag or detection; the article body found
 * (a CMS container such as `.TRS_Editor` or `#zoom`, else the densest block of text) and the
 * site's navigation, breadcrumbs, share bars, footers, scripts and styles left out; blocks and
 * `<br>` as paragraphs, `<table>` as grids with rowspan and colspan.
 */

/** Government pages are tens of kilobytes; larger input is refused rather than parsed. */
export const maxHtmlBytes = 16 * 1024 * 1024;

/** Charset labels to the decoder to use; GB2312 and GBK pages decode as GB18030, their superset. */
const charsetAliases: Readonly<Record<string, string>> = {
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  gb18030: 'gb18030',
  'utf-8': 'utf-8',
  utf8: 'utf-8',
};

/** `<meta charset="gbk">` and `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">`, in the page's first 8 kB. */
const metaCharsetRe = /<meta\s[^>]{0,512}?charset\s{0,8}=\s{0,8}["']?\s{0,8}([A-Za-z0-9_:.-]{1,40})/i;

function decodePage(bytes: Uint8Array, forced: Encoding | undefined): { text: string; encoding: string } {
  if (forced) return decodeOrFail(bytes, forced);
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeOrFail(bytes, 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeOrFail(bytes, 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeOrFail(bytes, 'utf-16be');
  const declared = metaCharsetRe.exec(new TextDecoder('latin1').decode(bytes.subarray(0, 8192)))?.[1]?.toLowerCase();
  if (declared) {
    const label = charsetAliases[declared] ?? declared;
    // A page re-saved as UTF-8 often keeps its old gb2312 meta tag; GBK bytes are almost never valid UTF-8.
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (label === 'gb18030' && isUtf8(buffer) && buffer.some((byte) => byte >= 0x80)) return decodeOrFail(bytes, 'utf-8');
    try {
      return { text: new TextDecoder(label).decode(bytes), encoding: label };
    } catch {
      // An unknown label: detect as for text.
    }
  }
  return decodeOrFail(bytes, undefined);
}

function decodeOrFail(bytes: Uint8Array, encoding: Encoding | undefined): { text: string; encoding: string } {
  try {
    return decode(bytes, encoding);
  } catch (error) {
    if (error instanceof DecodeError) throw new ReadError('not-text', `the web page's text cannot be decoded: ${error.message}`);
    throw error;
  }
}

/** Elements whose content a reader never sees as the article. */
const hiddenTags = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'canvas',
  'button',
  'select',
  'textarea',
  'input',
  'nav',
  'aside',
  'head',
  'title',
  'meta',
  'link',
]);

/** Class and id words of a site's frame around the article: navigation, breadcrumbs, share and print bars, footers. */
const frameWordRe =
  /(?:^|[\s_-])(?:nav|navbar|menu|breadcrumbs?|crumbs?|position|location|share|print|toolbar|pager|pagination|related|footer|foot|copyright|sidebar)(?:$|[\s_-])/i;

const blockTags = new Set([
  'address',
  'article',
  'blockquote',
  'body',
  'caption',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

/** Containers content management systems put the article in, most specific first. */
const containerRules: ReadonlyArray<(element: Element) => boolean> = [
  (element) => /(?:^|\s)(?:TRS_Editor|TRS_UEDITOR|trs_editor_view|trs_paper_default)(?:$|\s)/i.test(element.attribs.class ?? ''),
  (element) => /^(?:zoom|fontzoom|ucap-content|zoomcon|bodylabel)$/i.test(element.attribs.id ?? ''),
  (element) => element.name === 'article',
  (element) => /^(?:content|article|main-content|article-content|art_content)$/i.test(element.attribs.id ?? ''),
  (element) =>
    /(?:^|\s)(?:article-content|article_content|articlecontent|art_con|pages_content|view|detail|content|article|zw|wzzw)(?:$|\s)/i.test(
      element.attribs.class ?? '',
    ),
];

const isElement = (node: ChildNode): node is Element => node.type === 'tag' || node.type === 'script' || node.type === 'style';

function isHidden(element: Element): boolean {
  if (hiddenTags.has(element.name)) return true;
  if (element.attribs.hidden !== undefined) return true;
  if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test(element.attribs.style ?? '')) return true;
  return false;
}

function isFrame(element: Element): boolean {
  return frameWordRe.test(element.attribs.class ?? '') || frameWordRe.test(element.attribs.id ?? '');
}

/** Every element below `root`, in document order, without recursion (pages nest deep). */
function* elements(root: Element | { children: ChildNode[] }): Generator<Element> {
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as ChildNode;
    if (!isElement(node)) continue;
    yield node;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  }
}

/** Characters of visible text below an element, links counted apart; for choosing among containers. */
function textWeights(root: { children: ChildNode[] }): Map<Element, { text: number; links: number }> {
  const weights = new Map<Element, { text: number; links: number }>();
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as ChildNode;
    if (node.type === 'text') {
      const length = node.data.replace(/\s+/g, '').length;
      if (length === 0) continue;
      // Only the nearest ancestors: a container is seldom more than a dozen levels above its text.
      const ancestors: Element[] = [];
      let inLink = false;
      for (let parent = node.parent; parent && parent.type !== 'root' && ancestors.length < 16; parent = parent.parent) {
        const element = parent as Element;
        if (element.name === 'a') inLink = true;
        ancestors.push(element);
      }
      for (const ancestor of ancestors) {
        const weight = weights.get(ancestor) ?? { text: 0, links: 0 };
        weight.text += length;
        if (inLink) weight.links += length;
        weights.set(ancestor, weight);
      }
      continue;
    }
    if (!isElement(node) || isHidden(node)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as ChildNode);
  }
  return weights;
}

/** The article's element: a known CMS container with text in it, else the block that gathers the most unlinked text. */
function findArticle(root: { children: ChildNode[] }): Element | null {
  const weights = textWeights(root);
  const own = (element: Element) => {
    const weight = weights.get(element);
    return weight ? weight.text - weight.links : 0;
  };
  const all = [...elements(root)].filter((element) => !isHidden(element));
  for (const rule of containerRules) {
    const matches = all.filter((element) => rule(element) && !isFrame(element) && own(element) >= 20);
    if (matches.length > 0) return matches.reduce((best, element) => (own(element) > own(best) ? element : best));
  }
  // The densest block: text counts fully for the block that holds it and half for the block around that.
  const scores = new Map<Element, number>();
  for (const element of all) {
    if (element.name !== 'p' && element.name !== 'td' && element.name !== 'pre' && element.name !== 'div') continue;
    let direct = 0;
    for (const child of element.children) if (child.type === 'text') direct += child.data.replace(/\s+/g, '').length;
    if (direct === 0) continue;
    // A paragraph's text counts for the block holding the paragraphs; a div's own text for the div.
    const holder = element.name === 'div' ? element : element.parent?.type === 'tag' ? (element.parent as Element) : element;
    scores.set(holder, (scores.get(holder) ?? 0) + direct);
    const parent = holder.parent;
    if (parent && parent.type === 'tag') scores.set(parent as Element, (scores.get(parent as Element) ?? 0) + direct / 2);
  }
  let best: Element | null = null;
  for (const [element, score] of scores) if (!best || score > (scores.get(best) ?? 0)) best = element;
  return best;
}

const cjkRe = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/** Collapses white space as a browser does; a line break between two CJK characters disappears (CSS Text: segment breaks). */
function collapse(text: string): string {
  return text
    .replace(/\s+/g, (space: string, offset: number, whole: string) => {
      if (!space.includes('\n')) return ' ';
      const before = whole[offset - 1] ?? '';
      const after = whole[offset + space.length] ?? '';
      return cjkRe.test(before) && cjkRe.test(after) ? '' : ' ';
    })
    .trim();
}

const intAttribute = (value: string | undefined, fallback: number, max: number): number => {
  const parsed = value === undefined ? Number.NaN : Number.parseInt(value, 10);
  return Number.isFinite(parsed) && parsed >= 0 ? Math.min(parsed, max) : fallback;
};

/** A table's rows, its own only (not those of tables nested in its cells). */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const child of table.children) {
    if (!isElement(child)) continue;
    if (child.name === 'tr') rows.push(child);
    else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot')
      for (const row of child.children) if (isElement(row) && row.name === 'tr') rows.push(row);
  }
  return rows;
}

/** Walks content in document order, calling `paragraph` for each block of text and `table` for each data table (when given). */
function walkBlocks(root: Element, paragraph: (text: string) => void, table?: (placed: PlacedTable) => void): void {
  let pieces: string[] = [];
  const flush = () => {
    const text = collapse(pieces.join(''));
    pieces = [];
    if (text.length > 0) paragraph(text);
  };
  const listCounters: Array<number | null> = [];
  type Frame = { node: ChildNode; exit?: boolean };
  const stack: Frame[] = [...root.children].reverse().map((node) => ({ node }));
  while (stack.length > 0) {
    const frame = stack.pop() as Frame;
    const node = frame.node;
    if (node.type === 'text') {
      pieces.push(node.data);
      continue;
    }
    if (!isElement(node)) continue;
    if (frame.exit) {
      if (node.name === 'ol' || node.name === 'ul') listCounters.pop();
      if (blockTags.has(node.name)) flush();
      continue;
    }
    if (isHidden(node) || isFrame(node)) continue;
    if (node.name === 'br') {
      flush();
      continue;
    }
    if (node.name === 'table' && table) {
      const placed = placeTable(node);
      if (placed) {
        flush();
        table(placed);
        continue;
      }
    }
    if (blockTags.has(node.name)) flush();
    if (node.name === 'ol') listCounters.push(intAttribute(node.attribs.start, 1, 1_000_000) - 1);
    else if (node.name === 'ul') listCounters.push(null);
    else if (node.name === 'li') {
      const counter = listCounters.at(-1);
      if (counter !== undefined && counter !== null) {
        listCounters[listCounters.length - 1] = counter + 1;
        pieces.push(`${counter + 1}. `);
      }
    }
    stack.push({ node, exit: true });
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i] as ChildNode });
  }
  flush();
}

/**
 * Places a table's cells on its grid as the HTML table algorithm does (rowspan, colspan, rowspan="0"
 * to the end). A layout table of one row or one column is no data table: null.
 */
function placeTable(table: Element): PlacedTable | null {
  const rows = tableRows(table);
  const occupied: boolean[][] = rows.map(() => []);
  const cells: PlacedCell[] = [];
  let columns = 0;
  rows.forEach((row, r) => {
    let column = 0;
    for (const child of row.children) {
      if (!isElement(child) || (child.name !== 'td' && child.name !== 'th') || isHidden(child)) continue;
      while (occupied[r]?.[column]) column++;
      const colSpan = Math.max(1, intAttribute(child.attribs.colspan, 1, 1000));
      const declared = intAttribute(child.attribs.rowspan, 1, 65534);
      const rowSpan = Math.max(1, Math.min(declared === 0 ? rows.length - r : declared, rows.length - r));
      for (let rr = r; rr < r + rowSpan; rr++) for (let cc = column; cc < column + colSpan; cc++) (occupied[rr] as boolean[])[cc] = true;
      const paragraphs: string[] = [];
      walkBlocks(child, (text) => paragraphs.push(text));
      cells.push({ row: r, column, rowSpan, colSpan, paragraphs });
      column += colSpan;
      columns = Math.max(columns, column);
    }
  });
  if (rows.length < 2 || columns < 2) return null;
  return { rows: rows.length, columns, cells };
}

/** The article's title when it stands outside the article's element: the page's first h1 before it, or the CMS's ArticleTitle meta tag. */
function findTitle(root: { children: ChildNode[] }, article: Element): string | null {
  const inside = new Set(elements(article));
  let metaTitle: string | null = null;
  for (const element of elements(root)) {
    if (element === article) break;
    if (element.name === 'meta' && /^articletitle$/i.test(element.attribs.name ?? '')) metaTitle = collapse(element.attribs.content ?? '');
    if (element.name === 'h1' && !inside.has(element)) {
      const pieces: string[] = [];
      walkBlocks(element, (text) => pieces.push(text));
      if (pieces.length > 0) return pieces.join(' ');
    }
  }
  if (![...inside].some((element) => element.name === 'h1') && metaTitle) return metaTitle;
  return null;
}

/** Real pages nest a few dozen elements deep; the parser's cost grows with the depth of every tag. */
export const maxHtmlDepth = 1000;

/** Tags a page may leave open (the parser closes them itself) and tags that have no content. */
const unclosedTags = new Set(['p', 'li', 'dt', 'dd', 'tr', 'td', 'th', 'option', 'optgroup', 'thead', 'tbody', 'tfoot', 'colgroup', 'rb', 'rt', 'rp']);
const voidTags = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** A tag's start: `<div`, `</div`; the name bounded, so the scan is linear. */
const tagStartRe = /<(\/?)([A-Za-z][A-Za-z0-9]{0,15})/g;

/** How deep the page's elements nest, counted from its tags before parsing (an overestimate where tags are left open). */
function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  for (const match of text.matchAll(tagStartRe)) {
    const name = (match[2] as string).toLowerCase();
    if (unclosedTags.has(name) || voidTags.has(name)) continue;
    if (match[1]) depth = Math.max(0, depth - 1);
    else deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

export function readHtml(bytes: Uint8Array, encoding: Encoding | undefined): ReadDocument {
  if (bytes.length > maxHtmlBytes)
    throw new ReadError('too-large', `the web page is ${Math.round(bytes.length / 1024 / 1024)} MB; pages over ${maxHtmlBytes / 1024 / 1024} MB are refused`);
  const decoded = decodePage(bytes, encoding);
  if (nestingDepth(decoded.text) > maxHtmlDepth) throw new ReadError('html-too-deep', `the web page nests elements more than ${maxHtmlDepth} levels deep`);
  const page = parseDocument(decoded.text, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const article = findArticle(page);
  const builder = new DocumentBuilder();
  let paragraphs = 0;
  if (article) {
    const title = findTitle(page, article);
    if (title) builder.paragraph(title, { paragraph: ++paragraphs });
    walkBlocks(
      article,
      (text) => builder.paragraph(text, { paragraph: ++paragraphs }),
      (table) => builder.table(table),
    );
  }
  const doc = builder.build('html', decoded.encoding);
  if (doc.text.trim().length === 0) throw new ReadError('empty-document', 'the web page has no article text');
  return doc;
}
