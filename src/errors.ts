/**
 * The library's one error type, and the wording of system errors that the library and the CLI
 * share. `code` is the contract; the message is prose.
 */

export type PolicyExtractErrorCode =
  /** An option of `extract` or `extractFile` has the wrong type or is out of range (`year: '2023'`). */
  | 'option-invalid'
  /** The text given to `extract` is not a string. */
  | 'text-invalid'
  /** `extractFile` could not read a document from the path: missing, a folder, binary, empty, too large. */
  | 'input-unreadable';

export class PolicyExtractError extends Error {
  override readonly name = 'PolicyExtractError';
  readonly code: PolicyExtractErrorCode;
  constructor(code: PolicyExtractErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}

/** A system error's message for people: `ENOENT` → `no such file or directory`; never "internal error". */
export function describeSystemError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
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
    case 'ENFILE':
      return 'too many open files';
    case 'ENOSPC':
      return 'no space left on device';
    case 'EDQUOT':
      return 'disk quota exceeded';
    case 'EROFS':
      return 'read-only file system';
    case 'EFBIG':
      return 'file too large for the file system';
    case 'ENAMETOOLONG':
      return 'file name too long';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'EIO':
      return 'input/output error';
    case 'EBADF':
      return 'it is closed';
    case 'EPIPE':
      return 'the reader went away';
    case 'ENXIO':
      return 'no such device';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
