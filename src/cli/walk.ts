import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { describeSystemError, InputError } from './errors.ts';

/** A file found in a folder: its path as bytes (a name need not be UTF-8) and as shown. */
export interface FoundFile {
  readonly path: Buffer;
  readonly display: string;
}

const slash = Buffer.from('/');

/**
 * The documents under `root`, recursively, sorted by their shown path. Symbolic links are
 * followed, but never into a folder already being walked (a link to `..` or to itself), so a
 * loop cannot repeat or hang the walk. Names are read as bytes, so a file named in another
 * encoding is still read. A subfolder that cannot be read is an error of its own; the rest of
 * the walk goes on.
 */
export async function walkFolder(
  root: string | Buffer,
  display: string,
  accept: (name: string) => boolean,
): Promise<{ files: FoundFile[]; errors: InputError[] }> {
  const files: FoundFile[] = [];
  const errors: InputError[] = [];
  const walking = new Set<string>();
  const identity = (info: { dev: number; ino: number }): string => `${info.dev}:${info.ino}`;

  async function walk(folder: Buffer, shown: string): Promise<void> {
    const info = await stat(folder);
    const id = identity(info);
    if (walking.has(id)) return;
    walking.add(id);
    let entries: Dirent<Buffer>[];
    try {
      entries = await readdir(folder, { withFileTypes: true, encoding: 'buffer' });
    } catch (error) {
      errors.push(new InputError(shown, `cannot read this folder: ${describeSystemError(error)}`));
      walking.delete(id);
      return;
    }
    for (const entry of entries) {
      const name = entry.name.toString('utf8');
      // Hidden files and folders (.git, editors' swap files) are not documents.
      if (name.startsWith('.')) continue;
      const path = Buffer.concat([folder, slash, entry.name]);
      const entryShown = `${shown}/${name}`;
      let isDirectory = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        const target = await stat(path).catch(() => null);
        isDirectory = target?.isDirectory() ?? false;
        isFile = target?.isFile() ?? false;
      }
      if (isDirectory) await walk(path, entryShown);
      else if (isFile && accept(name)) files.push({ path, display: entryShown });
    }
    walking.delete(id);
  }

  // A loop, not /\/+$/: that pattern is quadratic on a long run of slashes that does not end the text.
  let end = display.length;
  while (end > 1 && display.charCodeAt(end - 1) === 0x2f) end--;
  await walk(typeof root === 'string' ? Buffer.from(root) : root, display.slice(0, end));
  files.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
  return { files, errors };
}
