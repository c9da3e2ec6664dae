import * as z from 'zod';

/**
 * The report of `policy-extract diff OLD NEW`: what changed between two versions of a plan,
 * measure by measure, with measures paired by content (see src/diff/align.ts). Types are
 * inferred from these schemas.
 */

export const DiffMeasureSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^\d+\.\d+$/)
      .describe('The measure id `D.M` in its version.'),
    domain: z.string().describe('The name of its domain in that version.'),
    title: z.string().describe('Its title in that version.'),
  })
  .describe('A measure as one version has it.');

const DiffDeadlineSchema = z
  .strictObject({
    text: z.string().describe('The deadline as written, e.g. `6月底前`.'),
    date: z.string().nullable().describe('Its ISO date; null when it has none.'),
  })
  .describe('A deadline of a measure.');

export const FieldChangeSchema = z
  .union([
    z
      .strictObject({
        field: z.enum(['title', 'text']),
        old: z.string().describe('The old value.'),
        new: z.string().describe('The new value.'),
      })
      .describe('A changed title or text.'),
    z
      .strictObject({
        field: z.enum(['leadUnits', 'responsibleUnits', 'supportingUnits']),
        added: z.array(z.string()).describe('Units of this role only the new version names.'),
        removed: z.array(z.string()).describe('Units of this role only the old version names.'),
      })
      .describe('Units of one role added or removed.'),
    z
      .strictObject({
        field: z.literal('deadlines'),
        added: z.array(DiffDeadlineSchema).describe('Deadlines only the new version has.'),
        removed: z.array(DiffDeadlineSchema).describe('Deadlines only the old version has.'),
      })
      .describe('Deadlines added or removed (a changed deadline is one of each).'),
  ])
  .describe('One field of a measure that differs between the versions.');

export const ChangedMeasureSchema = z
  .strictObject({
    old: DiffMeasureSchema,
    new: DiffMeasureSchema,
    similarity: z.number().min(0).max(1).describe('How alike the two read (title and text bigrams), 1 for the same text.'),
    fields: z.array(FieldChangeSchema).min(1).describe('What differs, in the order title, text, units by role, deadlines.'),
  })
  .describe('A measure whose content changed; its id may have changed too.');

export const RenumberedMeasureSchema = z
  .strictObject({ old: DiffMeasureSchema, new: DiffMeasureSchema })
  .describe('A measure with the same content under a new id: after an insertion or a removal, or moved to another domain.');

export const DiffDocumentSchema = z
  .strictObject({
    path: z.string().nullable().describe('The input as given.'),
    title: z.string().nullable().describe('The document title.'),
    year: z.number().int().nullable().describe('The document year.'),
    measures: z.number().int().min(0).describe('How many measures it has.'),
  })
  .describe('One of the two versions.');

export const DiffReportSchema = z
  .strictObject({
    old: DiffDocumentSchema,
    new: DiffDocumentSchema,
    equal: z.boolean().describe('True when nothing below differs: the exit code is 0, else 1.'),
    document: z
      .array(
        z.strictObject({
          field: z.enum(['title', 'year']),
          old: z.union([z.string(), z.number()]).nullable(),
          new: z.union([z.string(), z.number()]).nullable(),
        }),
      )
      .describe('Document fields that differ.'),
    added: z.array(DiffMeasureSchema).describe('Measures only the new version has, in its order.'),
    removed: z.array(DiffMeasureSchema).describe('Measures only the old version has, in its order.'),
    changed: z.array(ChangedMeasureSchema).describe("Measures in both whose content differs, in the new version's order."),
    renumbered: z.array(RenumberedMeasureSchema).describe("Measures in both with the same content and a new id, in the new version's order."),
    unchanged: z.number().int().min(0).describe('Measures with the same content and the same id.'),
  })
  .describe('What changed between two versions of a plan.');

export type DiffMeasure = z.infer<typeof DiffMeasureSchema>;
export type FieldChange = z.infer<typeof FieldChangeSchema>;
export type ChangedMeasure = z.infer<typeof ChangedMeasureSchema>;
export type RenumberedMeasure = z.infer<typeof RenumberedMeasureSchema>;
export type DiffReport = z.infer<typeof DiffReportSchema>;
