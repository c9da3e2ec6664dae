import type { Warning } from '../schema/index.ts';

/** Colours for the stderr report; the CLI decides whether there is colour, the report never detects it. */
export interface Palette {
  readonly path: (text: string) => string;
  readonly warning: (text: string) => string;
  readonly info: (text: string) => string;
  readonly error: (text: string) => string;
}

const identity = (text: string): string => text;
export const plainPalette: Palette = { path: identity, warning: identity, info: identity, error: identity };

/**
 * Characters that must not reach a terminal raw from a file name or a record's path: C0 and C1
 * controls (ESC starts a terminal command, CR rewrites the line), DEL, Unicode line separators
 * and the bidirectional overrides that reorder what is shown. Leaves out every printable character.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this pattern is about.
const unsafeForTerminalRe = /[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const namedEscapes: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `a\x1b[2Jb` for a name holding ESC: what was there, in a form that cannot act on the terminal. */
export function escapeForTerminal(text: string): string {
  return text.replace(unsafeForTerminalRe, (char) => {
    const code = char.charCodeAt(0);
    return namedEscapes[char] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`);
  });
}

/** `file:line:column`, or as much of it as is known. */
export function formatPlace(path: string, line?: number | null, column?: number | null): string {
  const file = escapeForTerminal(path);
  if (line === undefined || line === null) return file;
  return column === undefined || column === null ? `${file}:${line}` : `${file}:${line}:${column}`;
}

/** `file:line:column: code message`, the form editors and CI logs link to a place. */
export function formatWarning(path: string, warning: Warning, palette: Palette = plainPalette): string {
  const code = warning.severity === 'info' ? palette.info(warning.code) : palette.warning(warning.code);
  return `${palette.path(formatPlace(path, warning.line, warning.column))}: ${code} ${warning.message}`;
}

/** `policy-extract: file: reason`, one line per failed input. */
export function formatInputError(path: string, reason: string, palette: Palette = plainPalette): string {
  return `policy-extract: ${palette.path(escapeForTerminal(path))}: ${palette.error(reason)}`;
}
