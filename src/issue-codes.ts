import type { Severity } from './types.ts';

/**
 * Every issue the pipeline can raise. The code is the contract (stable, kebab-case); the
 * message is prose and may change. The README's table is generated from this list.
 */
export const issueCodes = {
  'document-unsegmented': {
    severity: 'warning',
    source: 'segment',
    description: 'No numbered measures were found; the whole text is kept as one measure.',
    example: 'No numbered measures found; the text is kept as one measure',
  },
  'measure-number-gap': {
    severity: 'warning',
    source: 'segment',
    description: 'A measure number skips one or two numbers: a measure may be missing, or a heading was not recognised.',
    example: 'Measure `5` follows `3`; expected `4`',
  },
  'domain-without-measures': {
    severity: 'warning',
    source: 'segment',
    description: 'A domain heading has no numbered measures under it at the level where the other domains have theirs; its text is left out of the output.',
    example: 'Domain `三、保障政策落实` has no numbered measures at the level of the others; its text is not in the output',
  },
  'unit-clause-missing': {
    severity: 'warning',
    source: 'extract/units',
    description: 'A measure names no lead or responsible unit, while other measures of the document do.',
    example: 'Measure 3.8 names no lead or responsible unit',
  },
  'deadline-year-unknown': {
    severity: 'warning',
    source: 'extract/deadlines',
    description: 'A deadline has no year, none was given with --year and none could be inferred from the document; its date is null.',
    example: 'Deadline `6月底前` has no year and the document year is unknown; pass --year',
  },
  'deadline-invalid': {
    severity: 'warning',
    source: 'extract/deadlines',
    description: 'A deadline names a date that does not exist (`2月30日`); its date is null.',
    example: 'Deadline `2月30日前` is not a date in 2023',
  },
  'title-missing': {
    severity: 'info',
    source: 'segment',
    description: 'The first line does not look like a title (it is a heading or a sentence); `title` is null.',
    example: 'No title line found',
  },
} as const satisfies Record<string, { severity: Severity; source: string; description: string; example: string }>;

export type IssueCode = keyof typeof issueCodes;
