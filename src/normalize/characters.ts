/**
 * Character-level normalisation. Every rule here maps one UTF-16 unit to one unit, so the
 * result has the same length as the input and offsets need no map.
 */

/** Characters that need a look: full-width forms, odd spaces, controls, French quotes, ASCII punctuation. */
const candidateRe = /[\u0000-\u0009\u000B\u000C\u000E-\u001F\u00A0\u200B\u3000\uFEFF\uFF01-\uFF5E\uFF61«»(),:;.?!]/g;

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
    code === 0x2026 // ellipsis
  );
}

/** True for characters that are part of Chinese text, as opposed to Latin words and digits. */
export function isHan(code: number): boolean {
  return (code >= 0x3400 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xd800 && code <= 0xdbff) || code === 0x3007;
}

function previousNonSpace(text: string, offset: number): number {
  let i = offset - 1;
  if (i >= 0 && text.charCodeAt(i) === 0x20) i--;
  return i >= 0 ? text.charCodeAt(i) : -1;
}

function nextNonSpace(text: string, offset: number): number {
  let i = offset + 1;
  if (i < text.length && text.charCodeAt(i) === 0x20) i++;
  return i < text.length ? text.charCodeAt(i) : -1;
}

/** ASCII or full-width digit: the neighbours are looked at before they are mapped. */
const isDigit = (code: number): boolean => (code >= 0x30 && code <= 0x39) || (code >= 0xff10 && code <= 0xff19);

/** In Chinese context (a CJK neighbour on either side), ASCII `,;:` stand for `，；：`. */
function cjkNeighbour(text: string, offset: number): boolean {
  const before = previousNonSpace(text, offset);
  const after = nextNonSpace(text, offset);
  return (before >= 0 && isCjkContext(before)) || (after >= 0 && isCjkContext(after)) || before === 0x29 || after === 0x28;
}

/**
 * The canonical form of one character, given its neighbours.
 * Canonical punctuation is the Chinese form (`，。：；（）？！`), the form the original
 * documents are published in; digits, Latin letters and `%+` are ASCII.
 */
function canonical(char: string, offset: number, text: string): string {
  const code = char.charCodeAt(0);
  if (code >= 0xff01 && code <= 0xff5e) {
    const ascii = String.fromCharCode(code - 0xfee0);
    // Full-width punctuation is already Chinese punctuation: keep the Chinese form.
    if ('(),:;?!'.includes(ascii)) return char;
    if (ascii === '.') return isDigit(previousNonSpace(text, offset)) ? '.' : '。';
    return ascii;
  }
  switch (char) {
    case '\u00A0':
    case '\u200B':
    case '\u3000':
    case '\uFEFF':
      return ' ';
    case '\uFF61':
      return '。';
    case '«':
      return '《';
    case '»':
      return '》';
    case '(':
      return '（';
    case ')':
      return '）';
    case ',':
      return isDigit(previousNonSpace(text, offset)) && isDigit(nextNonSpace(text, offset)) ? ',' : cjkNeighbour(text, offset) ? '，' : ',';
    case ':':
      return isDigit(previousNonSpace(text, offset)) && isDigit(nextNonSpace(text, offset)) ? ':' : cjkNeighbour(text, offset) ? '：' : ':';
    case ';':
      return cjkNeighbour(text, offset) ? '；' : ';';
    case '.': {
      const before = previousNonSpace(text, offset);
      // `1.` (numbering) and `1.5` (decimal) keep the dot; after Chinese text it ends a sentence.
      return before >= 0 && (isCjkContext(before) || before === 0x29) && !isDigit(before) ? '。' : '.';
    }
    case '?':
      return previousNonSpace(text, offset) >= 0 && isCjkContext(previousNonSpace(text, offset)) ? '？' : '?';
    case '!':
      return previousNonSpace(text, offset) >= 0 && isCjkContext(previousNonSpace(text, offset)) ? '！' : '!';
    default:
      // Control characters (form feeds from PDF page breaks, stray NULs) become spaces.
      return ' ';
  }
}

/** Maps full-width digits, letters and symbols to ASCII and punctuation to its canonical form; keeps length. */
export function mapCharacters(text: string): string {
  return text.replace(candidateRe, canonical);
}
