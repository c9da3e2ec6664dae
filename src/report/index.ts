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

/** `file:line: code message`, the form editors and CI logs link to a place. */
export function formatWarning(path: string, warning: Warning, palette: Palette = plainPalette): string {
  const place = warning.line === null ? path : `${path}:${warning.line}`;
  const code = warning.severity === 'info' ? palette.info(warning.code) : palette.warning(warning.code);
  return `${palette.path(place)}: ${code} ${warning.message}`;
}

/** `policy-extract: file: reason`, one line per failed input. */
export function formatInputError(path: string, reason: string, palette: Palette = plainPalette): string {
  return `policy-extract: ${palette.path(path)}: ${palette.error(reason)}`;
}
