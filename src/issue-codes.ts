import type { Severity } from './types.ts';

/**
 * Every issue the pipeline can raise, as data (zod's idea): the code is the contract (stable,
 * kebab-case), the severity and the stage that raises it are fixed here, and the message is
 * rendered from the issue's parameters by `message`. The README's table follows this list.
 */
export const issueCodes = {
  'document-unsegmented': {
    severity: 'warning',
    source: 'segment',
    description: 'No numbered measures were found; the whole text is kept as one measure.',
    example: 'No numbered measures found; the text is kept as one measure',
    message: () => 'No numbered measures found; the text is kept as one measure',
  },
  'measures-none': {
    severity: 'warning',
    source: 'segment',
    description: 'The text holds nothing after its title and front matter (a title or a covering notice alone): there are no measures.',
    example: 'No measures: nothing follows the title and front matter',
    message: () => 'No measures: nothing follows the title and front matter',
  },
  'measure-number-gap': {
    severity: 'warning',
    source: 'segment',
    description: 'A measure number skips one or two numbers: a measure may be missing, or a heading was not recognised.',
    example: 'Measure `5` follows `3`; expected `4`',
    message: (p: Params) => `Measure \`${p.label}\` (${p.id}) follows number ${Number(p.expected) - 1}; expected ${p.expected}`,
  },
  'domain-without-measures': {
    severity: 'warning',
    source: 'segment',
    description: 'A domain heading has no numbered measures under it at the level where the other domains have theirs; its text is left out of the output.',
    example: 'Domain `三、保障政策落实` has no numbered measures at the level of the others; its text is not in the output',
    message: (p: Params) => `Domain \`${p.name}\` has no numbered measures at the level of the others; its text is not in the output`,
  },
  'unit-clause-missing': {
    severity: 'warning',
    source: 'extract/units',
    description: 'A measure names no lead or responsible unit, while other measures of the document do.',
    example: 'Measure 3.8 names no lead or responsible unit',
    message: (p: Params) => `Measure ${p.id} names no lead or responsible unit`,
  },
  'deadline-year-unknown': {
    severity: 'warning',
    source: 'extract/deadlines',
    description: 'A deadline has no year, none was given with --year and none could be inferred from the document; its date is null.',
    example: 'Deadline `6月底前` has no year and the document year is unknown; pass --year',
    message: (p: Params) => `Deadline \`${p.text}\` of measure ${p.id} has no year and the document year is unknown; pass --year`,
  },
  'deadline-invalid': {
    severity: 'warning',
    source: 'extract/deadlines',
    description: 'A deadline names a date that does not exist (`2月30日`); its date is null.',
    example: 'Deadline `2月30日前` is not a date in 2023',
    message: (p: Params) => `Deadline \`${p.text}\` of measure ${p.id} is not a date in ${p.year}`,
  },
  'xlsx-cell-truncated': {
    severity: 'warning',
    source: 'emit/xlsx',
    description:
      "A workbook cell would hold more than Excel's 32,767 characters: it is cut with a visible mark (…〔已截断：原文 N 字，见来源〕); the whole text is at its place in the source.",
    example: "Cell 台账!E12 has 40210 characters, more than Excel's 32767; cut with a mark, the whole text is at plan.txt:88:1",
    message: (p: Params) => `Cell ${p.cell} has ${p.length} characters, more than Excel's 32767; cut with a mark, the whole text is at ${p.place}`,
  },
  'title-missing': {
    severity: 'info',
    source: 'segment',
    description: 'The first line does not look like a title (it is a heading or a sentence); `title` is null.',
    example: 'No title line found',
    message: () => 'No title line found: the first line is a heading or a sentence',
  },
} as const satisfies Record<string, { severity: Severity; source: string; description: string; example: string; message: (params: Params) => string }>;

/** The values a message is rendered from (a measure id, a deadline as written, …). */
export type Params = Readonly<Record<string, string | number>>;

export type IssueCode = keyof typeof issueCodes;
