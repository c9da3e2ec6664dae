import * as z from 'zod';
import { DeadlineSchema, StatusSchema, UnitSchema } from './index.ts';

/**
 * The row views of the ledger (`--rows measure|unit|deadline`): flat records, one per measure,
 * per unit and measure, or per deadline, for CSV, NDJSON and the workbook's sheets. Like the
 * output contract, the types are inferred from these schemas.
 */

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const names = (what: string) => z.array(z.string()).describe(what);

const file = z.string().nullable().describe('The input as given (`-` for standard input); null when the library was called without a path.');
const line = z.number().int().min(1).describe('1-based line in the original file.');
const column = z.number().int().min(1).describe('1-based column in UTF-16 code units on that line.');

const status = {
  daysLeft: z.number().int().optional().describe('With --as-of: days from the as-of date to the deadline (negative when past); absent without --as-of.'),
  status: StatusSchema.optional().describe('With --as-of: overdue, due-soon, pending, ongoing or undated; absent without --as-of.'),
};

export const MilestoneSchema = z
  .strictObject({
    date: isoDate.describe('ISO 8601 date of the milestone.'),
    text: z.string().describe('The deadline as written, e.g. `6月底前`.'),
  })
  .describe('A dated deadline of a measure other than its last one (阶段节点).');

export const MeasureRowSchema = z
  .strictObject({
    id: z.string().describe('Stable id `D.M` of the measure (序号), kept as text: `1.10` is not `1.1`.'),
    domain: z.string().describe('The domain name (领域).'),
    domainLeadUnits: names('The domain lead units (领域牵头单位).'),
    label: z.string().describe('The numbering as written, e.g. `（三）`.'),
    section: names('Headings between the domain and the measure (小节), outermost first.'),
    title: z.string().describe('The task (任务): the first sentence of the measure.'),
    text: z.string().describe('The whole measure (内容).'),
    leadUnits: names('Lead units (牵头单位), in the order written.'),
    leadUnitsOpen: z.boolean().describe('True when the lead list ended in `等部门`/`等单位`.'),
    responsibleUnits: names('Responsible units (责任单位), in the order written.'),
    responsibleUnitsOpen: z.boolean().describe('True when the responsible list ended in `等部门`/`等单位`.'),
    supportingUnits: names('Supporting units (配合单位), in the order written.'),
    supportingUnitsOpen: z.boolean().describe('True when the supporting list ended in `等部门`/`等单位`.'),
    deadlines: names('Every deadline as written (完成时限), in text order.'),
    deadline: isoDate
      .nullable()
      .describe('The last deadline date (截止日期), ISO 8601; null when no deadline has a date. A duty that starts on a date (`2024年起`) is not a deadline.'),
    milestones: z.array(MilestoneSchema).describe('The other dated deadlines (阶段节点), one per date, earliest first.'),
    targets: names('Quantitative targets as written (量化指标).'),
    file,
    line: line.describe('1-based line where the measure starts.'),
    column,
    ...status,
  })
  .describe('One row per measure: the ledger (台账).');

export const UnitRowSchema = z
  .strictObject({
    unit: z
      .string()
      .describe('The unit (单位). Names that differ only in script or spaces (`省發展改革委`, `省发展改革委`) are one unit, listed under the form met first.'),
    role: UnitSchema.shape.role.describe('Its role in the measure: lead (牵头), responsible (责任), supporting (配合); the first of them when it has several.'),
    id: z.string().describe('The measure id (序号).'),
    title: z.string().describe('The task (任务).'),
    domain: z.string().describe('The domain name (领域).'),
    deadlines: names('The measure’s deadlines as written (完成时限).'),
    deadline: isoDate.nullable().describe('The measure’s last deadline date (截止日期); null when undated.'),
    file,
    line: line.describe('1-based line where the unit is named (the measure’s first line when its place is not known).'),
    column,
    ...status,
  })
  .describe('One row per unit and measure (按单位): what a unit must do, by when.');

export const DeadlineRowSchema = z
  .strictObject({
    date: isoDate.nullable().describe('The deadline date (截止日期), ISO 8601; null when undated.'),
    text: z.string().describe('The deadline as written (完成时限).'),
    kind: DeadlineSchema.shape.kind,
    id: z.string().describe('The measure id (序号).'),
    title: z.string().describe('The task (任务).'),
    domain: z.string().describe('The domain name (领域).'),
    leadUnits: names('Lead units of the measure (牵头单位).'),
    responsibleUnits: names('Responsible units of the measure (责任单位).'),
    supportingUnits: names('Supporting units of the measure (配合单位).'),
    file,
    line: line.describe('1-based line where the deadline is written.'),
    column,
    ...status,
  })
  .describe('One row per deadline (按时限): every milestone of every measure.');

export const UnitStatusSchema = z
  .strictObject({
    unit: z.string().describe('The unit, merged across scripts and spaces as in the unit rows.'),
    tasks: z.number().int().min(0).describe('Measures naming the unit in any role.'),
    lead: z.number().int().min(0).describe('Of them, measures the unit leads.'),
    overdue: z.number().int().min(0).describe('Of them, measures whose most urgent deadline is overdue on the as-of date.'),
    dueSoon: z.number().int().min(0).describe('Of them, measures whose most urgent deadline is due soon.'),
  })
  .describe('Per unit: how many of its tasks are overdue or due soon on the as-of date.');

export { type RowKind, rowKinds } from './version.ts';

export const RowSchemas = { measure: MeasureRowSchema, unit: UnitRowSchema, deadline: DeadlineRowSchema } as const;

export type Milestone = z.infer<typeof MilestoneSchema>;
export type MeasureRow = z.infer<typeof MeasureRowSchema>;
export type UnitRow = z.infer<typeof UnitRowSchema>;
export type DeadlineRow = z.infer<typeof DeadlineRowSchema>;
export type UnitStatus = z.infer<typeof UnitStatusSchema>;
