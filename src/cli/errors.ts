export { describeSystemError } from '../errors.ts';

/**
 * Exit statuses, in one place (xsv's `main`, unified-args' "Diagnostics"): every way a run can
 * end is an `Ending`, and `exitStatus` alone turns it into a number.
 */
export const exitCodes = { ok: 0, failed: 1, usage: 2 } as const;

/** Signals that stop a run; the status is 128 + the signal's number, as shells report it. */
export const stopSignals = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
export type StopSignal = keyof typeof stopSignals;

export type Ending =
  /** The run went through its inputs. */
  | { readonly kind: 'done'; readonly failedInputs: number; readonly warnings: number; readonly strict: boolean }
  /** `diff` compared two versions: 0 when equal, 1 when they differ, as `diff` has it. */
  | { readonly kind: 'compared'; readonly equal: boolean }
  /** The command line is wrong, or -o names what cannot be written. */
  | { readonly kind: 'usage' }
  /** --help or --version. */
  | { readonly kind: 'help' }
  /** The reader of stdout went away (`… | head -1`): a normal end. */
  | { readonly kind: 'broken-pipe' }
  /** The output could not be written (a full disk, a closed stdout): nothing complete was written. */
  | { readonly kind: 'output-failed' }
  | { readonly kind: 'signal'; readonly signal: StopSignal }
  /** A bug. */
  | { readonly kind: 'internal' };

export function exitStatus(ending: Ending): number {
  switch (ending.kind) {
    case 'done':
      return ending.failedInputs > 0 || (ending.strict && ending.warnings > 0) ? exitCodes.failed : exitCodes.ok;
    case 'compared':
      return ending.equal ? exitCodes.ok : exitCodes.failed;
    case 'usage':
      return exitCodes.usage;
    case 'help':
    case 'broken-pipe':
      return exitCodes.ok;
    case 'output-failed':
    case 'internal':
      return exitCodes.failed;
    case 'signal':
      return 128 + stopSignals[ending.signal];
  }
}

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

/** The output cannot be written: the message names where and why (`cannot write out.json: no space left on device`). */
export class OutputError extends Error {
  override readonly name = 'OutputError';
}
