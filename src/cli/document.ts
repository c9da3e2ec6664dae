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
 * Extracts one document, checks it against the schema and prepares its rendering: the work of
 * every path, the sequential one, the main thread between writes and the worker threads. The
 * parts are rendered lazily, as the caller iterates them, so a large document streams.
 */
export function processDocument<Part>(
  read: ReadDocument,
  options: { readonly display: string; readonly year: number | undefined; readonly status?: StatusOptions | undefined },
  emitter: Emitter<Part>,
): Processed<Part> {
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
