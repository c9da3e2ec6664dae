import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ReadError } from './errors.ts';
import { type PositionedPage, type RuleLine, renderPages, type TextPiece } from './layout.ts';
import { DocumentBuilder } from './render.ts';
import type { ReadDocument } from './types.ts';

/**
 * PDF: the text layer through pdfjs-dist (Mozilla's PDF.js, legacy build for Node), with the
 * positions of its text and of its ruling lines, laid out by layout.ts. A PDF whose pages
 * carry no text (a scan) is refused with a pointer to OCR.
 */

/** Policy documents run to a few hundred pages; thousands are a hostile or wrong file. */
export const maxPdfPages = 2000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
type Matrix = [number, number, number, number, number, number];

let loaded: Promise<PdfJs> | null = null;

/** pdfjs runs its worker code in this thread when `globalThis.pdfjsWorker` holds it: no worker file to find after bundling. */
function loadPdfJs(): Promise<PdfJs> {
  loaded ??= (async () => {
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const holder = globalThis as { pdfjsWorker?: unknown };
    holder.pdfjsWorker ??= await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
    return pdfjs;
  })();
  return loaded;
}

/** The folder of pdfjs-dist's character maps (CJK fonts without a ToUnicode map need them), if it can be found. */
function cMapFolder(): string | undefined {
  try {
    return `${join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps')}/`;
  } catch {
    return undefined;
  }
}

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** Straight horizontal and vertical lines of the page: stroked segments and thin filled rectangles, in page space. */
function rulesOf(operators: { fnArray: number[]; argsArray: unknown[] }, OPS: PdfJs['OPS'], toPage: (x: number, y: number) => [number, number]): RuleLine[] {
  const rules: RuleLine[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const { fnArray, argsArray } = operators;
  for (let i = 0; i < fnArray.length; i++) {
    const fn = fnArray[i];
    const args = argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.paintFormXObjectBegin) {
      stack.push(ctm);
      if (Array.isArray(args[0])) ctm = multiply(ctm, args[0] as Matrix);
    } else if (fn === OPS.paintFormXObjectEnd) ctm = stack.pop() ?? [1, 0, 0, 1, 0, 0];
    else if (fn === OPS.constructPath) {
      const path = (args[1] as unknown[] | undefined)?.[0];
      if (!(path instanceof Float32Array)) continue;
      const points: Array<[number, number]> = [];
      const apply = (x: number, y: number) => toPage(ctm[0] * x + ctm[2] * y + ctm[4], ctm[1] * x + ctm[3] * y + ctm[5]);
      const subpaths: Array<Array<[number, number]>> = [];
      for (let k = 0; k < path.length; ) {
        const op = path[k++];
        if (op === 0) {
          subpaths.push([apply(path[k] as number, path[k + 1] as number)]);
          k += 2;
        } else if (op === 1) {
          subpaths.at(-1)?.push(apply(path[k] as number, path[k + 1] as number));
          k += 2;
        } else if (op === 2) k += 6;
        else if (op === 3) k += 4;
        else if (op === 4) {
          const first = subpaths.at(-1)?.[0];
          if (first) subpaths.at(-1)?.push(first);
        }
      }
      for (const subpath of subpaths) {
        points.length = 0;
        points.push(...subpath);
        const xs = points.map((point) => point[0]);
        const ys = points.map((point) => point[1]);
        const width = Math.max(...xs) - Math.min(...xs);
        const height = Math.max(...ys) - Math.min(...ys);
        // A filled rectangle thinner than 2 points is drawn as a line (how many producers rule tables).
        if (points.length >= 4 && (width < 2 || height < 2)) {
          rules.push(
            width < 2
              ? { x1: (Math.min(...xs) + Math.max(...xs)) / 2, y1: Math.min(...ys), x2: (Math.min(...xs) + Math.max(...xs)) / 2, y2: Math.max(...ys) }
              : { x1: Math.min(...xs), y1: (Math.min(...ys) + Math.max(...ys)) / 2, x2: Math.max(...xs), y2: (Math.min(...ys) + Math.max(...ys)) / 2 },
          );
          continue;
        }
        for (let p = 1; p < points.length; p++) {
          const [x1, y1] = points[p - 1] as [number, number];
          const [x2, y2] = points[p] as [number, number];
          if (Math.abs(x1 - x2) < 0.5 || Math.abs(y1 - y2) < 0.5) rules.push({ x1, y1, x2, y2 });
        }
      }
    }
  }
  return rules;
}

export async function readPdf(bytes: Uint8Array): Promise<ReadDocument> {
  const pdfjs = await loadPdfJs();
  const cMapUrl = cMapFolder();
  // pdfjs takes the buffer over; a copy leaves the caller's bytes intact.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    verbosity: 0,
    stopAtErrors: false,
    ...(cMapUrl ? { cMapUrl, cMapPacked: true } : {}),
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    const name = (error as Error).name;
    if (name === 'PasswordException') throw new ReadError('pdf-encrypted', 'the PDF is protected by a password; save it again without one');
    throw new ReadError('pdf-broken', `the PDF cannot be read: ${((error as Error).message || name).split('\n')[0]}`);
  }
  try {
    if (document.numPages > maxPdfPages)
      throw new ReadError('pdf-too-many-pages', `the PDF has ${document.numPages} pages; more than ${maxPdfPages} are refused`);
    const pages: PositionedPage[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      // The viewport turns user space into the page as shown: top-down, with the page's /Rotate applied.
      const viewport = page.getViewport({ scale: 1 });
      const view = viewport.transform as Matrix;
      const toPage = (x: number, y: number): [number, number] => [view[0] * x + view[2] * y + view[4], view[1] * x + view[3] * y + view[5]];
      const content = await page.getTextContent();
      const pieces: TextPiece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.length === 0) continue;
        const [a, b, c, d, e, f] = multiply(view, item.transform as Matrix);
        // Text that does not run left to right on the page as shown (a watermark, a vertical stamp) is not body text.
        if (Math.abs(b) > 1e-3 || Math.abs(c) > 1e-3 || a <= 0 || d >= 0) continue;
        pieces.push({ text: item.str, x: e, y: f, width: item.width, size: Math.abs(d) });
      }
      const rules = rulesOf(await page.getOperatorList(), pdfjs.OPS, toPage);
      pages.push({ width: viewport.width, height: viewport.height, pieces, rules });
      page.cleanup();
    }
    if (pages.every((page) => page.pieces.every((piece) => piece.text.trim().length === 0)))
      throw new ReadError('no-text-layer', 'the PDF has no text layer (a scan?): run OCR first (e.g. `ocrmypdf scan.pdf out.pdf`) and read the result');
    const builder = new DocumentBuilder();
    renderPages(pages, builder);
    return builder.build('pdf', 'pdf');
  } catch (error) {
    if (error instanceof ReadError) throw error;
    throw new ReadError('pdf-broken', `the PDF cannot be read: ${((error as Error).message || String(error)).split('\n')[0]}`);
  } finally {
    await document.destroy().catch(() => undefined);
  }
}
