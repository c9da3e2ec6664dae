import { getHeapStatistics } from 'node:v8';
import type { Emitter } from '../emit/index.ts';
import { extract } from '../pipeline.ts';
import type { ReadDocument } from '../read/types.ts';
import type { PolicyDocument, Warning } from '../schema/index.ts';
import { type StatusOptions, withStatus } from '../status.ts';
import { validateDocument } from '../validate.ts';

/** A document extracted, checked and ready to render; or why its input failed. */
export type Processed<Part> =
  | { readonly ok: true; readonly doc: PolicyDocument; readonly warnings: readonly Warning[]; readonly parts: Iterable<Part>; readonly measures: number }
  | { readonly ok: false; readonly reason: string };

/**
 * The heap an extraction of `characters` of text takes at its peak, in bytes: the marks of the
 * whole document, its mapped text and the output's strings are alive at once. Measured with
 * `npm run bench` on generated documents (a 25 MB document of 8.7 million characters peaked at
 * 940 MB to JSON): about 110 bytes a character; 150 leaves room for denser documents.
 */
const heapBytesPerCharacter = 150;

/**
 * Why a text is too large to extract within the heap limit, or null when it fits: Node aborts a
 * process that runs out of heap (a fatal error no code can catch, the rest of a batch lost), so a
 * document that would is refused up front, as its own one-line error, saying how to allow it.
 */
export function beyondMemory(characters: number, heapLimit: number): string | null {
  const need = characters * heapBytesPerCharacter;
  if (need <= heapLimit * 0.9) return null;
  const mb = (bytes: number): number => Math.ceil(bytes / 1048576);
  const suggested = Math.ceil(mb(need) / 0.9 / 1024) * 1024;
  return `too large for this process's memory: ${(characters / 1e6).toFixed(1)} million characters need about ${mb(need)} MB of heap, more than the ${mb(heapLimit)} MB this Node allows; run it with NODE_OPTIONS=--max-old-space-size=${suggested}, or split the document`;
}

/**
 * Extracts one document, checks it against the schema and prepares its rendering: the work of
 * every path, the sequential one, the main thread between writes and the worker threads. The
 * parts are rendered lazily, as the caller iterates them, so a large document streams.
 */
export function processDocument<Part>(
  read: ReadDocument,
  options: { readonly display: string; readonly year: number | undefined; readonly status?: StatusOptions | undefined },
  emitter: Emitter<Part>,
): Processed<Part> {
  const tooLarge = beyondMemory(read.text.length, getHeapStatistics().heap_size_limit);
  if (tooLarge) return { ok: false, reason: tooLarge };
  try {
    const extracted = extract(read.text, {
      year: options.year,
      path: options.display,
      encoding: read.encoding,
      format: read.format,
      tables: read.tables,
      runs: read.runs,
    });
    const doc = options.status ? withStatus(extracted, options.status) : extracted;
    const violations = validateDocument(doc);
    if (violations.length > 0) {
      const first = violations[0] as { path: string; message: string };
      return { ok: false, reason: `internal error: the output breaks the schema at ${first.path}: ${first.message}` };
    }
    const measures = doc.domains.reduce((n, domain) => n + domain.measures.length, 0);
    return { ok: true, doc, warnings: doc.warnings, parts: emitter.render(doc, read.text), measures };
  } catch (error) {
    return { ok: false, reason: `internal error: ${error instanceof Error ? error.message : String(error)}` };
  }
}
