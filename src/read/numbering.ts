/**
 * Word's automatic numbering as the reader sees it: the label a paragraph shows (`1.`,
 * `（一）`, `一、`) is not in its text but computed from numbering.xml (a level's numFmt,
 * lvlText, start and restart rule) and the paragraphs numbered before it.
 */

export interface NumberingLevel {
  readonly start: number;
  readonly format: string;
  /** `%1.`, `（%1）`, `%1.%2`: `%n` stands for level n's counter. */
  readonly text: string;
  /** Restart after a use of a level above this one-based level; 0 never restarts; undefined: after any higher level. */
  readonly restart: number | undefined;
  /** Legal numbering: every counter in decimal. */
  readonly legal: boolean;
  /** What follows the label: `tab`, `space` or `nothing`. */
  readonly suffix: string;
}

export interface NumberingDefinitions {
  /** abstractNumId → level → definition. */
  readonly abstracts: ReadonlyMap<string, ReadonlyMap<number, NumberingLevel>>;
  /** numId → its abstract numbering and the levels it overrides. */
  readonly instances: ReadonlyMap<
    string,
    { readonly abstract: string; readonly starts: ReadonlyMap<number, number>; readonly levels: ReadonlyMap<number, NumberingLevel> }
  >;
}

const chineseDigits = '〇一二三四五六七八九';
const legalDigits = '零壹贰叁肆伍陆柒捌玖';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五: as Word's chineseCounting writes them (up to 9999). */
export function chineseCounting(value: number, digits = chineseDigits, ten = '十', hundred = '百', thousand = '千'): string {
  if (value <= 0 || value > 9999) return String(value);
  const parts: string[] = [];
  const places: ReadonlyArray<readonly [number, string]> = [
    [1000, thousand],
    [100, hundred],
    [10, ten],
  ];
  let rest = value;
  let gap = false;
  for (const [size, name] of places) {
    const digit = Math.floor(rest / size);
    rest %= size;
    if (digit === 0) {
      if (parts.length > 0) gap = true;
      continue;
    }
    if (gap) parts.push('零');
    gap = false;
    // 十二, not 一十二, when ten is the largest place.
    if (!(size === 10 && digit === 1 && parts.length === 0)) parts.push(digits[digit] as string);
    parts.push(name);
  }
  if (rest > 0) {
    if (gap) parts.push('零');
    parts.push(digits[rest] as string);
  }
  return parts.join('');
}

function roman(value: number): string {
  if (value <= 0 || value >= 4000) return String(value);
  const numerals: ReadonlyArray<readonly [number, string]> = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let rest = value;
  let out = '';
  for (const [size, numeral] of numerals) {
    while (rest >= size) {
      out += numeral;
      rest -= size;
    }
  }
  return out;
}

/** A, B, … Z, AA, BB: Word repeats the letter rather than counting in base 26. */
function letters(value: number): string {
  if (value <= 0) return String(value);
  return String.fromCharCode(65 + ((value - 1) % 26)).repeat(Math.floor((value - 1) / 26) + 1);
}

/** Characters of a series, 1-based, falling back to decimal past its end (①…⑳, ⑴…⒇, ⒈…⒛). */
const series = (first: number, count: number) => (value: number) => (value >= 1 && value <= count ? String.fromCodePoint(first + value - 1) : String(value));
const tenStems = '甲乙丙丁戊己庚辛壬癸';
const branches = '子丑寅卯辰巳午未申酉戌亥';

const formats: Readonly<Record<string, (value: number) => string>> = {
  decimal: String,
  decimalZero: (value) => (value < 10 ? `0${value}` : String(value)),
  decimalFullWidth: (value) => String(value).replace(/[0-9]/g, (digit) => String.fromCharCode(0xff10 + Number(digit))),
  decimalHalfWidth: String,
  upperRoman: roman,
  lowerRoman: (value) => roman(value).toLowerCase(),
  upperLetter: letters,
  lowerLetter: (value) => letters(value).toLowerCase(),
  chineseCounting: (value) => chineseCounting(value),
  chineseCountingThousand: (value) => chineseCounting(value),
  japaneseCounting: (value) => chineseCounting(value),
  taiwaneseCounting: (value) => chineseCounting(value),
  taiwaneseCountingThousand: (value) => chineseCounting(value),
  ideographDigital: (value) => String(value).replace(/[0-9]/g, (digit) => chineseDigits[Number(digit)] as string),
  chineseLegalSimplified: (value) => chineseCounting(value, legalDigits, '拾', '佰', '仟'),
  ideographLegalTraditional: (value) => chineseCounting(value, '零壹貳參肆伍陸柒捌玖', '拾', '佰', '仟'),
  ideographTraditional: (value) => (value >= 1 && value <= 10 ? (tenStems[value - 1] as string) : String(value)),
  ideographZodiac: (value) => (value >= 1 && value <= 12 ? (branches[value - 1] as string) : String(value)),
  decimalEnclosedCircle: series(0x2460, 20),
  decimalEnclosedCircleChinese: series(0x2460, 20),
  decimalEnclosedParen: series(0x2474, 20),
  decimalEnclosedFullstop: series(0x2488, 20),
  ideographEnclosedCircle: series(0x3280, 10),
  ideographParenthesized: series(0x3220, 10),
  none: () => '',
};

/** A counter written in a numFmt; unknown formats (ordinal, cardinalText, …) as decimal. */
export function formatCounter(value: number, format: string): string {
  return (formats[format] ?? String)(value);
}

/** Wide characters and CJK punctuation need no space after them: `一、深化改革`, `（一）深化改革`. */
const wideEndRe = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef\u2460-\u24ff\u3200-\u32ff]$/;

/**
 * The numbering counters of one document, advanced paragraph by paragraph. Instances of the
 * same abstract numbering continue one another unless one overrides a level's start.
 */
export class NumberingState {
  private readonly counters = new Map<string, Array<number | undefined>>();
  private readonly seenInstances = new Set<string>();
  constructor(private readonly definitions: NumberingDefinitions) {}

  private level(numId: string, ilvl: number): NumberingLevel | undefined {
    const instance = this.definitions.instances.get(numId);
    if (!instance) return undefined;
    return instance.levels.get(ilvl) ?? this.definitions.abstracts.get(instance.abstract)?.get(ilvl);
  }

  /** The label of the next paragraph numbered `numId` at level `ilvl`, with its separator; '' for none. */
  next(numId: string, ilvl: number): string {
    const instance = this.definitions.instances.get(numId);
    const level = this.level(numId, ilvl);
    if (!instance || !level) return '';
    let counters = this.counters.get(instance.abstract);
    if (!counters) {
      counters = [] as Array<number | undefined>;
      this.counters.set(instance.abstract, counters);
    }
    if (!this.seenInstances.has(numId)) {
      this.seenInstances.add(numId);
      for (const [overridden, start] of instance.starts) {
        counters[overridden] = start - 1;
        for (let deeper = overridden + 1; deeper < 9; deeper++) counters[deeper] = undefined;
      }
    }
    counters[ilvl] = counters[ilvl] === undefined ? level.start : (counters[ilvl] as number) + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const restart = this.level(numId, deeper)?.restart;
      if (restart === undefined || (restart !== 0 && ilvl < restart)) counters[deeper] = undefined;
    }
    const label = level.text.replace(/%([1-9])/g, (_match, digit: string) => {
      const referenced = Number(digit) - 1;
      const referencedLevel = this.level(numId, referenced);
      const value = counters[referenced] ?? referencedLevel?.start ?? 1;
      return formatCounter(value, level.legal ? 'decimal' : (referencedLevel?.format ?? 'decimal'));
    });
    // A bullet is decoration, often a private-use glyph of the Symbol font.
    if (level.format === 'bullet') return '';
    if (label.length === 0 || level.suffix === 'nothing' || wideEndRe.test(label)) return label;
    return `${label} `;
  }
}
