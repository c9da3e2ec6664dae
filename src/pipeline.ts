import { assemble } from './assemble/index.ts';
import { mark } from './mark/index.ts';
import { normalize, toParagraphs } from './normalize/index.ts';
import { type LocatedRun, place } from './place/index.ts';
import { resolveYears } from './resolve/year.ts';
import type { PolicyDocument } from './schema/index.ts';
import { segment } from './segment/index.ts';
import { SourceFile } from './source.ts';
import type { ExtractOptions } from './types.ts';

/**
 * Extracts the structured ledger from one policy document's text, stage by stage: normalise
 * (characters, lines, paragraphs), mark (everything the text says, one pass), segment (domains and
 * measures, chosen from the marks), resolve (years and dates), assemble (marks into measures by
 * span containment), place (spans into positions, once). Pure: no filesystem, no clock, no
 * console; the same text and options always give the same result.
 */
export function extract(text: string, options: ExtractOptions = {}): PolicyDocument {
  const file = new SourceFile(text);
  const paragraphs = toParagraphs(normalize(text));
  const marks = mark(paragraphs, options.grids ?? []);
  const segmentation = segment(marks);
  const years = resolveYears(marks, segmentation.front, options.year);
  const assembled = assemble(marks, segmentation, years.context);
  return place(
    file,
    paragraphs,
    assembled,
    {
      path: options.path ?? null,
      encoding: options.encoding ?? 'utf-8',
      format: options.format ?? 'text',
      title: segmentation.front.title,
      year: years.year,
      yearSource: years.source,
      issued: years.issued,
    },
    (options.runs ?? []) as readonly LocatedRun[],
  );
}
