import { inflateRawSync } from 'node:zlib';
import { ReadError } from './errors.ts';

/**
 * ZIP containers (DOCX, OFD), read from the central directory. Inflation goes through
 * node:zlib with `maxOutputLength`, a hard stop: a part that inflates past what it declares,
 * or a container past the total budget, is refused before the memory is spent (a zip bomb).
 */

/** No DOCX or OFD has this many parts; a crafted directory can claim 65535 or more. */
export const maxZipParts = 20_000;
/** Uncompressed bytes read from one container, all parts together. */
export const maxZipBytes = 256 * 1024 * 1024;

interface Entry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localOffset: number;
}

export interface ZipContainer {
  /** Part names in directory order, as written (`word/document.xml`). */
  readonly names: readonly string[];
  has(name: string): boolean;
  /** The part's bytes; a missing part is a ReadError naming it. */
  read(name: string): Uint8Array;
}

const broken = (why: string) => new ReadError('zip-broken', `the ZIP container is broken: ${why}`);

function u16(bytes: Uint8Array, at: number): number {
  if (at + 2 > bytes.length) throw broken('a header runs past the end of the file');
  return (bytes[at] as number) | ((bytes[at + 1] as number) << 8);
}

function u32(bytes: Uint8Array, at: number): number {
  if (at + 4 > bytes.length) throw broken('a header runs past the end of the file');
  return ((bytes[at] as number) | ((bytes[at + 1] as number) << 8) | ((bytes[at + 2] as number) << 16) | ((bytes[at + 3] as number) << 24)) >>> 0;
}

function u64(bytes: Uint8Array, at: number): number {
  return u32(bytes, at) + u32(bytes, at + 4) * 0x1_0000_0000;
}

/** The end-of-central-directory record: searched backwards, past a comment of up to 64 kB. */
function findDirectory(bytes: Uint8Array): { count: number; offset: number } {
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (u32(bytes, at) !== 0x06054b50) continue;
    let count = u16(bytes, at + 10);
    let offset = u32(bytes, at + 16);
    // ZIP64: the real count and offset are in a record the locator points to.
    if ((count === 0xffff || offset === 0xffffffff) && at >= 20 && u32(bytes, at - 20) === 0x07064b50) {
      const record = u64(bytes, at - 12);
      if (u32(bytes, record) !== 0x06064b50) throw broken('the ZIP64 directory record is missing');
      count = u64(bytes, record + 32);
      offset = u64(bytes, record + 48);
    }
    return { count, offset };
  }
  throw broken('no central directory (a truncated download?)');
}

function readEntries(bytes: Uint8Array): Entry[] {
  const { count, offset } = findDirectory(bytes);
  if (count > maxZipParts) throw new ReadError('zip-too-many-parts', `the ZIP container has ${count} parts; more than ${maxZipParts} are refused`);
  const entries: Entry[] = [];
  const names = new TextDecoder('utf-8');
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (u32(bytes, at) !== 0x02014b50) throw broken('a directory entry is damaged');
    const flags = u16(bytes, at + 8);
    const method = u16(bytes, at + 10);
    let compressedSize = u32(bytes, at + 20);
    let size = u32(bytes, at + 24);
    const nameLength = u16(bytes, at + 28);
    const extraLength = u16(bytes, at + 30);
    const commentLength = u16(bytes, at + 32);
    let localOffset = u32(bytes, at + 42);
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (flags & 1) throw new ReadError('zip-broken', `the container is encrypted (${name}); save it again without a password`);
    // ZIP64 sizes and offset live in the extra field when the 32-bit ones are saturated.
    for (let extra = at + 46 + nameLength; extra + 4 <= at + 46 + nameLength + extraLength; ) {
      const id = u16(bytes, extra);
      const length = u16(bytes, extra + 2);
      if (id === 0x0001) {
        let field = extra + 4;
        if (size === 0xffffffff) {
          size = u64(bytes, field);
          field += 8;
        }
        if (compressedSize === 0xffffffff) {
          compressedSize = u64(bytes, field);
          field += 8;
        }
        if (localOffset === 0xffffffff) localOffset = u64(bytes, field);
      }
      extra += 4 + length;
    }
    entries.push({ name, method, compressedSize, size, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Opens a ZIP container; reads only its directory until a part is asked for. */
export function openZip(bytes: Uint8Array): ZipContainer {
  const entries = readEntries(bytes);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  let spent = 0;
  return {
    names: entries.map((entry) => entry.name),
    has: (name) => byName.has(name),
    read(name) {
      const entry = byName.get(name);
      if (!entry) throw new ReadError('missing-part', `the container has no part ${name}`);
      if (spent + entry.size > maxZipBytes)
        throw new ReadError('zip-too-large', `the ZIP container inflates to more than ${maxZipBytes / 1024 / 1024} MB (a zip bomb?)`);
      const local = entry.localOffset;
      if (u32(bytes, local) !== 0x04034b50) throw broken(`the part ${name} is damaged`);
      const start = local + 30 + u16(bytes, local + 26) + u16(bytes, local + 28);
      const end = start + entry.compressedSize;
      if (end > bytes.length) throw broken(`the part ${name} runs past the end of the file`);
      const data = bytes.subarray(start, end);
      let part: Uint8Array;
      if (entry.method === 0) part = data;
      else if (entry.method === 8) {
        try {
          // One byte over the declared size tells a lying header from an exact one.
          part = inflateRawSync(data, { maxOutputLength: Math.max(1, entry.size + 1) });
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
            throw new ReadError('zip-too-large', `the part ${name} inflates to more than it declares (a zip bomb?)`);
          throw broken(`the part ${name} does not inflate`);
        }
        if (part.length > entry.size) throw new ReadError('zip-too-large', `the part ${name} inflates to more than it declares (a zip bomb?)`);
      } else throw broken(`the part ${name} uses compression method ${entry.method}`);
      spent += part.length;
      return part;
    },
  };
}
