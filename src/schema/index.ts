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

const ordinal = (what: string) => z.number().int().min(1).optional().describe(what);

export const StatusSchema = z
  .enum(['overdue', 'due-soon', 'pending', 'ongoing', 'undated'])
  .describe(
    'Where a deadline stands on the --as-of date: `overdue` (daysLeft < 0), `due-soon` (0 ≤ daysLeft ≤ --due-soon), `pending` (later), `ongoing` (kind `ongoing` or `start`: a duty with no end date), `undated` (no date could be resolved).',
  );

/** Calendar days from the --as-of date to a deadline date (UTC calendar arithmetic, no time of day). */
const daysLeft = z.number().int().optional();

export const PointSchema = z
  .strictObject({
    line,
    column,
    offset,
    page: ordinal('1-based page of a PDF or OFD file.'),
    paragraph: ordinal('1-based paragraph of the body of a DOCX or HTML file (table cells not counted).'),
    table: ordinal('1-based table of the file, for text read from a table.'),
    row: ordinal('1-based row of that table.'),
    cell: ordinal('1-based column of that row.'),
  })
  .describe(
    'A point in the document: line, column and offset in the text as read (the file itself for text files; the text policy-extract renders for DOCX, HTML, PDF and OFD), and for those formats also where it stands in the original file.',
  );

export const PositionSchema = z
  .strictObject({
    start: PointSchema.describe('The first character.'),
    end: PointSchema.describe('The point just after the last character (end-exclusive, as in unist and vfile).'),
  })
  .describe('Where a field stands in the document, start and end.');

export const DeadlineSchema = z
  .strictObject({
    text: z.string().min(1).describe('The deadline as written, normalised (ASCII digits), e.g. `6月底前` or `2023年10月底前完成`.'),
    kind: z
      .enum(['month-end', 'date', 'year-end', 'half-year', 'quarter', 'month', 'start', 'ongoing', 'target-year'])
      .describe(
        "month-end: `6月底前`, `9月投入使用`; date: `6月30日前`, `至6月30日`; year-end: `年底前`, `年内`, `全年`; half-year: `上半年`; quarter: `第三季度末`; month: `10月份`; ongoing: `长期坚持` (no date); target-year: `到2025年` (a goal's horizon: the year, no month or date). `start` (`2024年起`) is kept in the contract for older outputs; a start is not a deadline and is no longer listed.",
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
    position: PositionSchema,
    daysLeft: daysLeft.describe(
      'With --as-of: `date` minus the as-of date, in calendar days (`6月底前` of 2023 as of 2023-07-01 is -1); absent for undated and ongoing deadlines and without --as-of.',
    ),
    status: StatusSchema.optional().describe('With --as-of: where the deadline stands on that date; absent without --as-of.'),
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
    position: PositionSchema,
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
    position: PositionSchema,
  })
  .describe('Where the units of a measure were found.');

export const UnitSchema = z
  .strictObject({
    name: z.string().min(1).describe("The unit's name as the ledger lists it (`省发展改革委`), in the script written."),
    role: z.enum(['lead', 'responsible', 'supporting']).describe('Its role in the measure: lead (牵头), responsible (责任), supporting (配合).'),
    text: z
      .string()
      .min(1)
      .describe('The name as written, normalised; differs from `name` only where a shared suffix was distributed (`济南市` of `济南市、青岛市政府`).'),
    clause: z.number().int().min(0).describe('0-based index of the clause in `clauses` that names it.'),
    position: PositionSchema,
  })
  .describe('One mention of a unit in a measure, with where it is written.');

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
    leadRule: z
      .enum(['marked', 'first-listed'])
      .nullable()
      .describe(
        'How the lead units were decided: `marked` when the document marks them (`牵头单位：`, `A牵头`, a 牵头 column); `first-listed` when the document states that the first unit of a list leads (`列第一位的为牵头单位，下同`) and this measure marks none; null without lead units.',
      ),
    units: z.array(UnitSchema).describe('Every unit mention behind the three lists, in text order, with its place.'),
    clauses: z.array(ClauseSchema).describe('The clauses the units came from, in text order.'),
    deadlines: z.array(DeadlineSchema).describe('Every deadline in the measure, in text order.'),
    targets: z.array(TargetSchema).describe('Quantitative targets in the measure, in text order.'),
    line: line.describe('1-based line in the original file where the measure starts (its number).'),
    column,
    offset,
    endLine: line.describe("1-based line in the original file of the measure's last character."),
    position: PositionSchema,
    daysLeft: daysLeft.describe(
      "With --as-of: the daysLeft of the measure's most urgent deadline; absent when that deadline is undated or ongoing, and without --as-of.",
    ),
    status: StatusSchema.optional().describe(
      'With --as-of: the status of its most urgent deadline (overdue before due-soon before pending before ongoing before undated; the fewest days left among equals); `undated` without deadlines. Absent without --as-of.',
    ),
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
    position: PositionSchema.nullable().describe('Where the domain heading stands; null for the implicit domain.'),
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
    position: PositionSchema.nullable().describe('Where the warning is about, start and end; null when it is about no place.'),
  })
  .describe('Something the extraction could not do with certainty.');

export const SourceSchema = z
  .strictObject({
    path: z.string().nullable().describe('The input as given on the command line (`-` for standard input); null when the library was called without a path.'),
    encoding: z.string().describe('How the bytes were decoded: `utf-8`, `utf-16le`, `utf-16be` or `gb18030`.'),
    format: z
      .enum(['text', 'docx', 'html', 'pdf', 'ofd'])
      .describe('The input format: `text`, or the format read (positions then refer to the text policy-extract renders from it).'),
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
    yearSource: z
      .enum(['option', 'title', 'date-line', 'issue-date', 'text'])
      .nullable()
      .describe(
        "Where `year` came from: `option` (--year), `title`, `date-line` (a date line under the plan), `issue-date` (the covering notice's date), `text` (the year most written); null when unknown.",
      ),
    issued: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .nullable()
      .describe(
        'ISO date the document was issued or published, from its frame (a signature date line, `发布时间：`, `发文日期`); relative years (`明年`) count from it. Null when the text shows none.',
      ),
    domains: z.array(DomainSchema).describe('The domains, in document order.'),
    warnings: z.array(WarningSchema).describe('Warnings and notes about this document, in text order.'),
    asOf: z
      .strictObject({
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .describe('The --as-of date (ISO 8601) the statuses refer to.'),
        dueSoonDays: z.number().int().min(0).describe('The --due-soon window in days: a deadline at most this many days ahead is `due-soon`.'),
      })
      .optional()
      .describe('With --as-of: the date and window that daysLeft and status were computed for; absent without --as-of.'),
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

export type Status = z.infer<typeof StatusSchema>;
export type Place = z.infer<typeof PlaceSchema>;
export type Point = z.infer<typeof PointSchema>;
export type Position = z.infer<typeof PositionSchema>;
export type Unit = z.infer<typeof UnitSchema>;
export type Deadline = z.infer<typeof DeadlineSchema>;
export type Target = z.infer<typeof TargetSchema>;
export type Clause = z.infer<typeof ClauseSchema>;
export type Measure = z.infer<typeof MeasureSchema>;
export type Domain = z.infer<typeof DomainSchema>;
export type Warning = z.infer<typeof WarningSchema>;
export type PolicyDocument = z.infer<typeof DocumentSchema>;
export type Output = z.infer<typeof OutputSchema>;
export type NdjsonRecord = z.infer<typeof NdjsonRecordSchema>;
