import type { Readable, Writable } from 'node:stream';

/** Everything `main` touches of the process, so that tests can run it in-process. */
export interface Io {
  readonly stdin: Readable;
  readonly stdout: Writable;
  readonly stderr: Writable;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Whether stderr is a terminal: colour only then. */
  readonly stderrIsTTY: boolean;
  /** Whether stdout is a terminal: a workbook is never written to one. */
  readonly stdoutIsTTY?: boolean;
  /** Whether the process was started with stdout closed (`>&-`): writing the output there is an error. */
  readonly stdoutClosed?: boolean;
  /** Arguments that were not UTF-8, as the bytes given (Node shows them with U+FFFD): file names in other encodings. */
  readonly rawArguments?: ReadonlyMap<string, Buffer>;
}
