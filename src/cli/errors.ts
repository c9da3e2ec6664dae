/**
 * Exit statuses, in one place (xsv's `main`, unified-args' "Diagnostics"):
 * 0 success (warnings allowed), 1 some input failed or warnings under --strict / check,
 * 2 usage error (unknown option, bad value).
 */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;
export type ExitCode = (typeof exitCodes)[keyof typeof exitCodes];

/** A usage error: the command line itself is wrong. Exit 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** One input could not be processed; the batch goes on. */
export class InputError extends Error {
  override readonly name = 'InputError';
  readonly path: string;
  constructor(path: string, reason: string) {
    super(reason);
    this.path = path;
  }
}

/** The reader of stdout went away (`policy-extract … | head -1`): stop quietly. */
export class BrokenPipe extends Error {
  override readonly name = 'BrokenPipe';
}

export interface RunOutcome {
  readonly failedInputs: number;
  readonly warnings: number;
  readonly strict: boolean;
}

/** The exit status of a run that got past argument parsing. */
export function exitCodeFor(outcome: RunOutcome): ExitCode {
  if (outcome.failedInputs > 0) return exitCodes.failed;
  if (outcome.strict && outcome.warnings > 0) return exitCodes.failed;
  return exitCodes.ok;
}

/** A system error's message for people: `ENOENT` → `no such file or directory`. */
export function describeSystemError(error: unknown): string {
  const code = (error as { code?: string }).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a folder';
    case 'ENOTDIR':
      return 'a part of the path is not a folder';
    case 'EMFILE':
      return 'too many open files';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
