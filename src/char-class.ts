/**
 * A set of UTF-16 units as a lookup table indexed by character code. The hot loops of the
 * pipeline test characters by code (`charCodeAt`), one array read each: `Set<string>` would
 * need a one-character string per test, and `charAt` allocates one for every Chinese character.
 */
export class CharClass {
  readonly #members = new Uint8Array(0x10000);

  constructor(...groups: readonly string[]) {
    for (const chars of groups) for (let i = 0; i < chars.length; i++) this.#members[chars.charCodeAt(i)] = 1;
  }

  /** True when the unit `code` is in the class; false for -1 and NaN (a position outside the text). */
  has(code: number): boolean {
    return this.#members[code] === 1;
  }
}

/** What `\s` matches in a JavaScript regex: the spaces a trimmed list may still carry. */
export const whitespaceChars = '\t\n\v\f\r \u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** A Han character of the BMP (CJK Unified Ideographs and Extension A): the characters names and labels are made of. */
export const isHan = (code: number): boolean => code >= 0x3400 && code <= 0x9fff;
