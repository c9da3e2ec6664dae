import { CharClass } from '../char-class.ts';

/**
 * Character-level normalisation. Every rule here maps one UTF-16 unit to one unit, so the
 * result has the same length as the input and offsets need no map.
 */

/**
 * Characters that need a look: full-width forms, odd spaces, controls, French quotes, ASCII
 * punctuation. Tabs and line ends stay: tabs separate table cells. A table indexed by UTF-16
 * unit: the scan is one array read per character, with no match objects (this loop sees every
 * character of every document).
 */
const needsLook = new CharClass(
  String.fromCharCode(...Array.from({ length: 0x20 }, (_, code) => code).filter((code) => code !== 0x09 && code !== 0x0a && code !== 0x0d)),
  String.fromCharCode(...Array.from({ length: 0xff5e - 0xff01 + 1 }, (_, i) => 0xff01 + i)),
  '\u00A0\u200B\u3000\uFEFF\uFF61«»(),:;.?!',
);

/** True for characters of Chinese text: ideographs, CJK punctuation, full-width forms, curly quotes. */
export function isCjkContext(code: number): boolean {
  return (
    (code >= 0x3000 && code <= 0x9fff) || // CJK punctuation, kana, ideographs
    (code >= 0xf900 && code <= 0xfaff) || // compatibility ideographs
    (code >= 0xfe30 && code <= 0xfe4f) || // vertical forms
    (code >= 0xff00 && code <= 0xffef) || // full-width forms
    (code >= 0xd800 && code <= 0xdbff) || // high surrogate: CJK Extension B and beyond
    (code >= 0x2018 && code <= 0x201f) || // curly quotes
    code === 0x2014 || // em dash
    code === 0x2026 || // ellipsis
    code === 0xab || // « becomes 《
    code === 0xbb // » becomes 》
  );
}

/** Spaces that normalisation may drop, and control characters (they become spaces). Line ends are not spaces. */
const isSpace = (code: number): boolean =>
  code === 0x20 || code === 0x3000 || code === 0xa0 || code === 0x200b || code === 0xfeff || (code < 0x20 && code !== 0x0a && code !== 0x0d);

/**
 * Punctuation whose form this module decides (ASCII and full-width), and spaces. A neighbour
 * is looked for past them, so that a run like `,(` or `;,` is decided by the text around it,
 * and a second pass over the output decides the same (normalisation is idempotent).
 */
function isTransparent(code: number): boolean {
  switch (code) {
    case 0x21:
    case 0x28:
    case 0x29:
    case 0x2c:
    case 0x2e:
    case 0x3a:
    case 0x3b:
    case 0x3f:
    case 0xff01:
    case 0xff08:
    case 0xff09:
    case 0xff0c:
    case 0xff0e:
    case 0xff1a:
    case 0xff1b:
    case 0xff1f:
    case 0x3002:
    case 0xff61:
      return true;
    default:
      return isSpace(code);
  }
}

/** ASCII or full-width digit: the neighbours are looked at before they are mapped. */
const isDigit = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);

/**
 * Finds neighbours in linear time overall: a scan stops at the previous candidate (whose answer
 * is known) or reuses the last rightward scan, so a long run of punctuation or spaces is
 * walked a bounded number of times, never once per character.
 */
class Neighbours {
  #text: string;
  #lastOffset = -1;
  #lastPrevious = -1;
  #transparentRun = { from: -1, at: -1 };
  #spaceRun = { from: -1, at: -1 };

  constructor(text: string) {
    this.#text = text;
  }

  /** Code of the nearest character before `offset` that is not transparent; -1 at the start. */
  previous(offset: number): number {
    const text = this.#text;
    let i = offset - 1;
    while (i >= 0 && isTransparent(text.charCodeAt(i))) {
      if (i === this.#lastOffset) return this.#lastPrevious;
      i--;
    }
    return i >= 0 ? text.charCodeAt(i) : -1;
  }

  /** Code of the nearest character before `offset` that is not a space. */
  previousSpaceless(offset: number): number {
    const text = this.#text;
    let i = offset - 1;
    while (i >= 0 && isSpace(text.charCodeAt(i))) i--;
    return i >= 0 ? text.charCodeAt(i) : -1;
  }

  /** Code of the nearest character after `offset` that is not transparent; -1 at the end. */
  next(offset: number): number {
    return this.#scanRight(offset, isTransparent, this.#transparentRun);
  }

  /** Code of the nearest character after `offset` that is not a space. */
  nextSpaceless(offset: number): number {
    return this.#scanRight(offset, isSpace, this.#spaceRun);
  }

  /**
   * Scans right past characters that `skip` accepts. `run` remembers the last scan: every offset
   * from where it started to the character it found has the same answer, so no run is walked twice.
   */
  #scanRight(offset: number, skip: (code: number) => boolean, run: { from: number; at: number }): number {
    const text = this.#text;
    if (offset < run.from || offset >= run.at) {
      let i = offset + 1;
      while (i < text.length && skip(text.charCodeAt(i))) i++;
      run.from = offset;
      run.at = i;
    }
    return run.at < text.length ? text.charCodeAt(run.at) : -1;
  }

  /** Records the answer for `offset` so that the next leftward scan can stop here. */
  remember(offset: number, previous: number): void {
    this.#lastOffset = offset;
    this.#lastPrevious = previous;
  }
}

const cjk = (code: number): boolean => code >= 0 && isCjkContext(code);

/**
 * The canonical form of one character, given its neighbours.
 * Canonical punctuation is the Chinese form (`，。：；（）？！`), the form the original
 * documents are published in; digits, Latin letters and `%+` are ASCII.
 */
function canonical(code: number, offset: number, neighbours: Neighbours): number {
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = code - 0xfee0;
    // Full-width punctuation is already Chinese punctuation: keep the Chinese form.
    if (ascii === 0x28 || ascii === 0x29 || ascii === 0x2c || ascii === 0x3a || ascii === 0x3b || ascii === 0x3f || ascii === 0x21) return code;
    // `１．` numbers a list or writes a decimal; after Chinese text it ends a sentence.
    if (ascii === 0x2e) return isDigit(neighbours.previousSpaceless(offset)) ? 0x2e : 0x3002;
    return ascii;
  }
  switch (code) {
    case 0xa0:
    case 0x200b:
    case 0x3000:
    case 0xfeff:
      return 0x20;
    case 0xff61:
      return 0x3002; // ｡ → 。
    case 0xab:
      return 0x300a; // « → 《
    case 0xbb:
      return 0x300b; // » → 》
    case 0x28:
      return 0xff08;
    case 0x29:
      return 0xff09;
    case 0x2c: // `1,000` keeps its comma; in Chinese text it is `，`
    case 0x3a: // `10:30` keeps its colon
      if (isDigit(neighbours.previousSpaceless(offset)) && isDigit(neighbours.nextSpaceless(offset))) return code;
      return cjk(neighbours.previous(offset)) || cjk(neighbours.next(offset)) ? code + 0xfee0 : code;
    case 0x3b:
      return cjk(neighbours.previous(offset)) || cjk(neighbours.next(offset)) ? 0xff1b : code;
    case 0x2e: {
      // `1.` (numbering) and `1.5` (decimal) keep the dot; after Chinese text it ends a sentence.
      if (isDigit(neighbours.previousSpaceless(offset))) return code;
      return cjk(neighbours.previous(offset)) ? 0x3002 : code;
    }
    case 0x3f:
    case 0x21:
      return cjk(neighbours.previous(offset)) ? code + 0xfee0 : code;
    default:
      // Control characters (form feeds from PDF page breaks, stray NULs) become spaces.
      return 0x20;
  }
}

/**
 * Maps full-width digits, letters and symbols to ASCII and punctuation to its canonical form; keeps length.
 * From the first change on, every unit is written to a buffer that becomes the result in one
 * decode: PDF text changes about one character in ten, too many for slices and joins.
 */
export function mapCharacters(text: string): string {
  const neighbours = new Neighbours(text);
  const length = text.length;
  let out: Uint16Array | null = null;
  for (let offset = 0; offset < length; offset++) {
    const code = text.charCodeAt(offset);
    if (!needsLook.has(code)) {
      if (out !== null) out[offset] = code;
      continue;
    }
    const mapped = canonical(code, offset, neighbours);
    neighbours.remember(offset, neighbours.previous(offset));
    if (out === null) {
      if (mapped === code) continue;
      out = new Uint16Array(length);
      for (let i = 0; i < offset; i++) out[i] = text.charCodeAt(i);
    }
    out[offset] = mapped;
  }
  return out === null ? text : decodeUnits(out);
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** The string of these UTF-16 units. Buffer's UTF-16LE decoding keeps lone surrogates (TextDecoder would replace them). */
function decodeUnits(units: Uint16Array): string {
  const bytes = Buffer.from(units.buffer, units.byteOffset, units.byteLength);
  if (!littleEndian) bytes.swap16();
  return bytes.toString('utf16le');
}
