import { join, relative } from 'node:path';
import type { Chunks } from '../emit/index.ts';
import { type Palette, plainPalette } from '../report/index.ts';
import type { Io } from './io.ts';
import { packageRoot } from './package-root.ts';

/** The bundled default input. */
export const seedPath = (): string => join(packageRoot(), 'seeds', 'shandong-2023-business-environment.txt');

/** Colour on stderr only on a terminal, never with NO_COLOR or --no-color (chalk ignores NO_COLOR itself). */
export async function choosePalette(io: Io, colorOption: boolean): Promise<Palette> {
  const noColor = io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '';
  if (!colorOption || noColor || !io.stderrIsTTY) return plainPalette;
  const { Chalk } = await import('chalk');
  const chalk = new Chalk({ level: 1 });
  return { path: chalk.bold, warning: chalk.yellow, info: chalk.blue, error: chalk.red };
}

/** A path as the user would write it: relative to the working folder when inside it. */
export function displayPath(io: Io, path: string): string {
  const rel = relative(io.cwd, path);
  return rel.startsWith('..') ? path : rel.split('\\').join('/');
}

/** Writes every chunk, in order, waiting for each write. */
export async function writeChunks(chunks: Chunks, write: (chunk: string | Uint8Array) => Promise<void>): Promise<void> {
  for await (const chunk of chunks) await write(chunk);
}
