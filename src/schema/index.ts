import * as z from 'zod';

import { schemaMajor, schemaVersion } from './version.ts';

/**
 * The output contract. This module is the single source of truth: the TypeScript types are
 * inferred from it, the published JSON Schema and the validator in src/validate/ are generated
 * from it, and every output is validated against it before it is written. Its version lives in
 * version.ts (no zod there, so that the emitters can name it cheaply).
 */
export { schemaVersion };

/**
 * `schemaVersion` of an output this contract reads: any minor or patch of its major version,
 * e.g. `1.0.0` or `1.4.2`; `2.0.0` (another contract) and `1.0` are left out.
 */
const schemaVersionRe = new RegExp(`^${schemaMajor}\\.\\d+\\.\\d+$`);

const line = z.number().int().min(1).describe('1-based line number in the original file (as decoded; a BOM is not counted).');
const column = z.number().int().min(1).describe('1-based column in UTF-16 code units on that line.');
const offset = z.number().int().min(0).describe('0-based UTF-16 offset from the start of the original file.');

export const PlaceSchema = z.strictObject({ line, column, offset }).describe('Where something starts in the original file.');

export const DeadlineSchema = z
  .strictObject({
    text: z.string().min(1).describe('The deadline as written, normalised (ASCII digits), e.g. `6月底前` or `2023年10月底前完成`.'),
    kind: z
      .enum(['month-end', 'date', 'year-end', 'half-year', 'quarter', 'month', 'start', 'ongoing'])
      .describe(
        'month-end: `6月底前`; date: `6月30日前`, `至6月30日`; year-end: `年底前`, `年内`, `全年`; half-year: `上半年`; quarter: `第三季度末`; month: `10月份`; start: `2024年起` (when a duty starts, not a deadline); ongoing: `长期坚持` (no date).',
      ),
    year: z.number().int().nullable().describe('Year of the deadline: written in it, else from --year, else the document year; null when unknown or ongoing.'),
    month: z.number().int().min(1).max(12).nullable().describe('Month, 1–12; null when unknown or ongoing.'),
    day: z.number().int().min(1).max(31).nullable().describe('Day of the month of `date`; for month ends, the last day of that month.'),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable()
      .describe(
        'ISO 8601 date of the last day the deadline allows (`6月底前` in 2023 is `2023-06-30`); for kind `start`, the first day. Null when the year is unknown, the date does not exist, or the kind is ongoing.',
      ),
    inferred: z
      .array(z.enum(['year', 'day']))
      .describe('Parts of `date` that were not written: `year` came from --year or the document, `day` is the end of the month or quarter.'),
    rule: z.string().describe('Id of the rule that recognised it, e.g. `deadline/month-end`.'),
    line,
    column,
    offset,
  })
  .describe('A deadline of a measure.');

export const TargetSchema = z
  .strictObject({
    text: z.string().min(1).describe('The target as written, e.g. `60%以上`, `30家`, `不少于70万人`.'),
    value: z.number().describe('The number.'),
    unit: z.string().min(1).describe('Its unit as written: `%`, `家`, `万元`, `个工作日`, …'),
    qualifier: z.string().nullable().describe('How the number bounds the target (`以上`, `不少于`, `以内`, …); null when exact.'),
    line,
    column,
    offset,
  })
  .describe('A quantitative target named in a measure.');

export const ClauseSchema = z
  .strictObject({
    text: z.string().min(1).describe('The responsibility clause as written, normalised, e.g. `（牵头单位：省政府办公厅）`.'),
    rule: z.string().describe('Id of the rule that recognised it: `units/labelled`, `units/role-verbs` or `units/labelled-line`.'),
    line,
    column,
    offset,
    endLine: line.describe("1-based line of the clause's last character in the original file."),
  })
  .describe('Where the units of a measure were found.');

export const MeasureSchema = z
  .strictObject({
    id: z
      .string()
      .regex(/^\d+\.\d+$/)
      .describe("Stable id `D.M`: the domain's index and the measure's position in it, both 1-based. Independent of file path and run order."),
    number: z.number().int().nullable().describe("The measure's number as written, read as a number (`(三)` is 3); null when the text was not segmented."),
    label: z.string().describe('The numbering as written, normalised, e.g. `3`, `3.`, `（三）`; empty when the text was not segmented.'),
    section: z.array(z.string()).describe('Headings between the domain and the measure, outermost first, e.g. `["（一）深化改革"]`.'),
    title: z.string().describe('The first sentence (or the heading line) of the measure, without its number.'),
    text: z.string().describe('The whole measure without its number: lines re-joined, PDF artefacts removed, the responsibility clause kept.'),
    leadUnits: z.array(z.string()).describe('Lead units (牵头单位), in the order written, in the script written.'),
    leadUnitsOpen: z.boolean().describe('True when the lead list ended in `等部门`/`等单位`: the names are examples, not the whole list.'),
    responsibleUnits: z.array(z.string()).describe('Responsible units (责任单位), in the order written.'),
    responsibleUnitsOpen: z.boolean().describe('True when the responsible list ended in `等部门`/`等单位`.'),
    supportingUnits: z.array(z.string()).describe('Supporting units (配合单位), in the order written.'),
    supportingUnitsOpen: z.boolean().describe('True when the supporting list ended in `等部门`/`等单位`.'),
    clauses: z.array(ClauseSchema).describe('The clauses the units came from, in text order.'),
    deadlines: z.array(DeadlineSchema).describe('Every deadline in the measure, in text order.'),
    targets: z.array(TargetSchema).describe('Quantitative targets in the measure, in text order.'),
    line: line.describe('1-based line in the original file where the measure starts (its number).'),
    column,
    offset,
    endLine: line.describe("1-based line in the original file of the measure's last character."),
  })
  .describe('One numbered measure: one row of the ledger (台账).');

export const DomainSchema = z
  .strictObject({
    index: z.number().int().min(1).describe('1-based position of the domain in the document.'),
    label: z
      .string()
      .nullable()
      .describe("The heading's numbering or prefix as written (`一、`, `配套措施`); null for the implicit domain of a document without headings."),
    name: z.string().describe("The domain's name, e.g. `优化政务服务`; empty for a document without top-level headings."),
    leadUnits: z.array(z.string()).describe('Domain lead units (领域牵头单位).'),
    leadUnitsOpen: z.boolean().describe('True when the domain lead list ended in `等部门`/`等单位`.'),
    line: line.nullable().describe('1-based line of the domain heading in the original file; null for the implicit domain.'),
    measures: z.array(MeasureSchema).describe('The measures of the domain, in document order.'),
  })
  .describe('A top-level grouping of measures (配套措施———X, 一、X, 第一部分).');

export const WarningSchema = z
  .strictObject({
    code: z
      .string()
      .regex(/^[a-z]+(?:-[a-z]+)*$/)
      .describe('Stable kebab-case code, e.g. `measure-number-gap`; see the README for the list.'),
    severity: z.enum(['error', 'warning', 'info']).describe('`warning` fails `--strict` and `check`; `info` never does.'),
    message: z.string().describe('Human-readable explanation; wording may change between versions.'),
    source: z.string().describe('The pipeline stage that raised it, e.g. `segment`, `extract/deadlines`.'),
    line: line.nullable().describe('1-based line in the original file, when the warning is about a place.'),
    column: column.nullable().describe('1-based column, when the warning is about a place.'),
  })
  .describe('Something the extraction could not do with certainty.');

export const SourceSchema = z
  .strictObject({
    path: z.string().nullable().describe('The input as given on the command line (`-` for standard input); null when the library was called without a path.'),
    encoding: z.string().describe('How the bytes were decoded: `utf-8`, `utf-16le`, `utf-16be` or `gb18030`.'),
  })
  .describe('Where the document came from.');

export const DocumentSchema = z
  .strictObject({
    source: SourceSchema,
    title: z.string().nullable().describe('The document title (its first line, or two when wrapped); null when the first line is not a title.'),
    year: z
      .number()
      .int()
      .nullable()
      .describe('The year deadlines without a year are resolved in: --year, else from the title, a date line, or the year most written in the text.'),
    yearSource: z.enum(['option', 'title', 'date-line', 'text']).nullable().describe('Where `year` came from; null when unknown.'),
    domains: z.array(DomainSchema).describe('The domains, in document order.'),
    warnings: z.array(WarningSchema).describe('Warnings and notes about this document, in text order.'),
  })
  .describe('The extraction of one input document.');

export const OutputSchema = z
  .strictObject({
    schemaVersion: z.string().regex(schemaVersionRe).describe(`Version of this output contract (semver), not of the tool: ${schemaMajor}.x.y.`),
    documents: z.array(DocumentSchema).describe('One entry per input, in the order the inputs were given.'),
  })
  .describe('policy-extract JSON output: the same shape for one input or many.');

export const NdjsonRecordSchema = MeasureSchema.extend({
  schemaVersion: z.string().regex(schemaVersionRe).describe(`Version of this output contract (semver): ${schemaMajor}.x.y.`),
  document: z
    .strictObject({
      path: z.string().nullable().describe('The input as given.'),
      title: z.string().nullable().describe('The document title.'),
      year: z.number().int().nullable().describe('The document year.'),
    })
    .describe('The document the measure belongs to.'),
  domain: z
    .strictObject({
      index: z.number().int().min(1).describe('1-based position of the domain.'),
      name: z.string().describe('The domain name.'),
      leadUnits: z.array(z.string()).describe('Domain lead units.'),
    })
    .describe('The domain the measure belongs to.'),
}).describe('One line of NDJSON output: a measure with its document and domain.');

export type Place = z.infer<typeof PlaceSchema>;
export type Deadline = z.infer<typeof DeadlineSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Clause = z.infer<typeof ClauseSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
export type Domain = z.infer<typeof DomainSchema>;
export type Warning = z.infer<typeof WarningSchema>;
export type PolicyDocument = z.infer<typeof DocumentSchema>;
export type Output = z.infer<typeof OutputSchema>;
export type NdjsonRecord = z.infer<typeof NdjsonRecordSchema>;
