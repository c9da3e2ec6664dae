/** Chinese numerals as policy documents write them: 一 … 十, 十一 … 九十九, 〇/零, 两. */

const digitValues: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  '○': 0,
  Ｏ: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  壹: 1,
  贰: 2,
  叁: 3,
  肆: 4,
  伍: 5,
  陆: 6,
  柒: 7,
  捌: 8,
  玖: 9,
  貳: 2,
  參: 3,
  陸: 6,
  兩: 2,
};

/** The characters `parseChineseNumber` reads, for use inside a regex character class. */
export const chineseDigitChars = '零〇○一二两兩三四五六七八九十百';

/**
 * Value of a Chinese numeral up to 999 (`十二` → 12, `二十九` → 29, `一百零五` → 105),
 * or of a digit-by-digit year (`二〇二三` → 2023). Null when it is not one.
 */
export function parseChineseNumber(text: string): number | null {
  if (text.length === 0) return null;
  if (!text.includes('十') && !text.includes('百')) {
    // Digit by digit: 二〇二三, 三.
    let value = 0;
    for (const char of text) {
      const digit = digitValues[char];
      if (digit === undefined) return null;
      value = value * 10 + digit;
    }
    return value;
  }
  let total = 0;
  let current = -1;
  for (const char of text) {
    if (char === '百') {
      total += (current < 0 ? 1 : current) * 100;
      current = -1;
    } else if (char === '十') {
      total += (current < 0 ? 1 : current) * 10;
      current = -1;
    } else {
      const digit = digitValues[char];
      if (digit === undefined) return null;
      current = digit;
    }
  }
  return total + Math.max(current, 0);
}

/** Value of Arabic digits or a Chinese numeral. */
export function parseNumber(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  return parseChineseNumber(text);
}

/** Circled numbers ①–⑳, parenthesised ⑴–⒇, with a full stop ⒈–⒛, and parenthesised ideographs ㈠–㈩. */
export function parseEnclosedNumber(char: string): number | null {
  const code = char.charCodeAt(0);
  if (code >= 0x2460 && code <= 0x2473) return code - 0x2460 + 1;
  if (code >= 0x2474 && code <= 0x2487) return code - 0x2474 + 1;
  if (code >= 0x2488 && code <= 0x249b) return code - 0x2488 + 1;
  if (code >= 0x3220 && code <= 0x3229) return code - 0x3220 + 1;
  return null;
}
