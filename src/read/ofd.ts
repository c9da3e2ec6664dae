import { ReadError } from './errors.ts';
import { type PositionedPage, type RuleLine, renderPages, type TextPiece } from './layout.ts';
import { DocumentBuilder } from './render.ts';
import type { ReadDocument } from './types.ts';
import { parseXml } from './xml.ts';
import type { ZipContainer } from './zip.ts';

/**
 * OFD (GB/T 33190): OFD.xml names the document root, Document.xml lists the pages, and each
 * page's Content.xml holds TextObjects (a Boundary, a Size, TextCodes with X, Y and DeltaX)
 * and PathObjects (a table's rules). Pages are laid out as for PDF (layout.ts). Templates
 * (running headers and footers), annotations and signatures are not read.
 */

/** As for PDF: thousands of pages are a hostile or wrong file. */
export const maxOfdPages = 2000;

type Matrix = [number, number, number, number, number, number];
const identity: Matrix = [1, 0, 0, 1, 0, 0];

const numbers = (value: string | undefined): number[] =>
  (value ?? '')
    .trim()
    .split(/\s+/)
    .filter((token) => token.length > 0)
    .map(Number);

/** A DeltaX list: numbers, and `g N d` for N repeats of d. */
function deltas(value: string | undefined): number[] {
  const tokens = (value ?? '').trim().split(/\s+/);
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < 100_000; i++) {
    if (tokens[i] === 'g') {
      const count = Math.min(Number(tokens[i + 1]), 100_000);
      const delta = Number(tokens[i + 2]);
      for (let k = 0; k < count; k++) out.push(delta);
      i += 2;
    } else if (tokens[i] !== '') out.push(Number(tokens[i]));
  }
  return out.map((delta) => (Number.isFinite(delta) ? delta : 0));
}

/** A part path from a reference in `base` (the folder of the part that names it); `/` starts at the container's root. */
function resolvePart(base: string, reference: string): string {
  const parts = (reference.startsWith('/') ? reference.slice(1) : `${base}${reference}`).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

const folderOf = (path: string): string => path.slice(0, path.lastIndexOf('/') + 1);

function readPart(container: ZipContainer, path: string): Uint8Array {
  if (!container.has(path)) throw new ReadError('missing-part', `the OFD has no part ${path}`);
  return container.read(path);
}

function readPage(container: ZipContainer, path: string, box: number[]): PositionedPage {
  const pieces: TextPiece[] = [];
  const rules: RuleLine[] = [];
  let width = box[2] ?? 210;
  let height = box[3] ?? 297;
  const element: string[] = [];
  let text: {
    x: number;
    y: number;
    size: number;
    ctm: Matrix;
    codes: Array<{ x: number; y: number; deltas: number[]; text: string; vertical: boolean }>;
  } | null = null;
  let code: { x: number; y: number; deltas: number[]; text: string; vertical: boolean } | null = null;
  let pathObject: { x: number; y: number; ctm: Matrix; data: string } | null = null;
  let inTemplate = 0;
  parseXml(readPart(container, path), path, {
    open(name, attributes) {
      element.push(name);
      const local = name.slice(name.indexOf(':') + 1);
      if (local === 'PhysicalBox' && element.at(-2)?.endsWith('PageArea')) return;
      if (local === 'Template') inTemplate++;
      if (local === 'TextObject') {
        const [x = 0, y = 0] = numbers(attributes.Boundary);
        const ctm = numbers(attributes.CTM);
        text = { x, y, size: Number(attributes.Size) || 3.5, ctm: ctm.length === 6 ? (ctm as Matrix) : identity, codes: [] };
      } else if (local === 'TextCode' && text) {
        const previous = text.codes.at(-1);
        const advance = previous ? previous.deltas.reduce((sum, delta) => sum + delta, 0) + text.size : 0;
        code = {
          x: attributes.X !== undefined ? Number(attributes.X) : (previous?.x ?? 0) + advance,
          y: attributes.Y !== undefined ? Number(attributes.Y) : (previous?.y ?? text.size),
          deltas: deltas(attributes.DeltaX),
          text: '',
          vertical: attributes.DeltaY !== undefined && attributes.DeltaX === undefined,
        };
      } else if (local === 'PathObject') {
        const [x = 0, y = 0] = numbers(attributes.Boundary);
        const ctm = numbers(attributes.CTM);
        pathObject = { x, y, ctm: ctm.length === 6 ? (ctm as Matrix) : identity, data: '' };
      }
    },
    text(data) {
      const local = element.at(-1)?.slice((element.at(-1)?.indexOf(':') ?? -1) + 1);
      if (local === 'TextCode' && code) code.text += data;
      else if (local === 'AbbreviatedData' && pathObject) pathObject.data += data;
      else if (local === 'PhysicalBox' && element.at(-2)?.endsWith('Area')) {
        const own = numbers(data);
        if (own.length === 4) {
          width = own[2] as number;
          height = own[3] as number;
        }
      }
    },
    close(name) {
      element.pop();
      const local = name.slice(name.indexOf(':') + 1);
      if (local === 'Template') inTemplate--;
      else if (local === 'TextCode' && text && code) {
        text.codes.push(code);
        code = null;
      } else if (local === 'TextObject' && text) {
        if (inTemplate === 0) {
          const { x, y, ctm, size } = text;
          const scale = Math.hypot(ctm[2], ctm[3]) || 1;
          for (const one of text.codes) {
            if (one.vertical || one.text.length === 0) continue;
            const px = x + ctm[0] * one.x + ctm[2] * one.y + ctm[4];
            const py = y + ctm[1] * one.x + ctm[3] * one.y + ctm[5];
            const advance = one.deltas.slice(0, [...one.text].length - 1).reduce((sum, delta) => sum + delta, 0);
            pieces.push({ text: one.text, x: px, y: py, width: (advance + size) * (Math.hypot(ctm[0], ctm[1]) || 1), size: size * scale });
          }
        }
        text = null;
      } else if (local === 'PathObject' && pathObject) {
        rules.push(...pathRules(pathObject));
        pathObject = null;
      }
    },
  });
  return { width, height, pieces, rules };
}

/** Straight horizontal and vertical segments of an AbbreviatedData path (M, L, C to close; curves skipped). */
function pathRules(path: { x: number; y: number; ctm: Matrix; data: string }): RuleLine[] {
  const tokens = path.data.trim().split(/\s+/);
  const arity: Readonly<Record<string, number>> = { S: 2, M: 2, L: 2, Q: 4, B: 6, A: 7, C: 0 };
  const apply = (x: number, y: number): [number, number] => [
    path.x + path.ctm[0] * x + path.ctm[2] * y + path.ctm[4],
    path.y + path.ctm[1] * x + path.ctm[3] * y + path.ctm[5],
  ];
  const rules: RuleLine[] = [];
  let start: [number, number] | null = null;
  let current: [number, number] | null = null;
  const segment = (to: [number, number]) => {
    if (current && (Math.abs(current[0] - to[0]) < 0.2 || Math.abs(current[1] - to[1]) < 0.2))
      rules.push({ x1: current[0], y1: current[1], x2: to[0], y2: to[1] });
    current = to;
  };
  for (let i = 0; i < tokens.length; ) {
    const command = tokens[i++] as string;
    const count = arity[command];
    if (count === undefined) continue;
    const args = tokens.slice(i, i + count).map(Number);
    i += count;
    if (command === 'M' || command === 'S') {
      current = apply(args[0] as number, args[1] as number);
      start = current;
    } else if (command === 'L') segment(apply(args[0] as number, args[1] as number));
    else if (command === 'C' && start) segment(start);
    else if (count >= 2) current = apply(args[count - 2] as number, args[count - 1] as number);
  }
  return rules;
}

export function readOfd(container: ZipContainer): ReadDocument {
  const entry = container.has('OFD.xml') ? 'OFD.xml' : 'ofd.xml';
  if (!container.has(entry)) throw new ReadError('missing-part', 'not an OFD file: the container has no OFD.xml');
  let docRoot = '';
  let inDocRoot = false;
  parseXml(readPart(container, entry), entry, {
    open(name) {
      inDocRoot = name.endsWith('DocRoot') && docRoot === '';
    },
    text(data) {
      if (inDocRoot) docRoot += data.trim();
    },
    close() {
      inDocRoot = false;
    },
  });
  if (docRoot === '') throw new ReadError('missing-part', 'the OFD names no document (OFD.xml has no DocRoot)');
  const documentPath = resolvePart('', docRoot);
  const pages: string[] = [];
  let box: number[] = [0, 0, 210, 297];
  let inBox = false;
  parseXml(readPart(container, documentPath), documentPath, {
    open(name, attributes) {
      inBox = name.endsWith('PhysicalBox');
      if (name.endsWith(':Page') || name === 'Page') {
        if (attributes.BaseLoc) pages.push(resolvePart(folderOf(documentPath), attributes.BaseLoc));
        if (pages.length > maxOfdPages) throw new ReadError('pdf-too-many-pages', `the OFD has more than ${maxOfdPages} pages; they are refused`);
      }
    },
    text(data) {
      if (inBox) {
        const values = numbers(data);
        if (values.length === 4) box = values;
      }
    },
    close() {
      inBox = false;
    },
  });
  if (pages.length === 0) throw new ReadError('missing-part', `the OFD document ${documentPath} lists no pages`);
  const positioned = pages.map((page) => readPage(container, page, box));
  if (positioned.every((page) => page.pieces.length === 0))
    throw new ReadError('no-text-layer', 'the OFD has no text objects (a scan?): run OCR first and read the result');
  const builder = new DocumentBuilder();
  renderPages(positioned, builder);
  return builder.build('ofd', 'utf-8');
}
