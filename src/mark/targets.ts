import type { Span } from '../types.ts';

/** A quantitative target: `60%以上`, `新增上市公司30家`, `200万元`. */
export interface FoundTarget {
  readonly text: string;
  readonly span: Span;
  readonly value: number;
  readonly unit: string;
  /** `以上`, `不少于`, …: how the value bounds the target; null when it is exact. */
  readonly qualifier: string | null;
}

/**
 * Units that make a number a target, each simplified form followed by its Traditional one where
 * they differ. Longest first, so `万元` wins over `元`. Leaves out `年` `月` `日` `号` (dates and
 * document numbers).
 */
export const targetUnits: readonly string[] = [
  '个工作日',
  '個工作日',
  '万亿元',
  '萬億元',
  '亿元',
  '億元',
  '万元',
  '萬元',
  '万人次',
  '萬人次',
  '万人',
  '萬人',
  '万家',
  '萬家',
  '万个',
  '萬個',
  '万户',
  '萬戶',
  '万件',
  '萬件',
  '万吨',
  '萬噸',
  '万亩',
  '萬畝',
  '平方公里',
  '平方米',
  '公里',
  '%',
  '‰',
  '元',
  '家',
  '项',
  '項',
  '条',
  '條',
  '场',
  '場',
  '人次',
  '人',
  '次',
  '倍',
  '天',
  '小时',
  '小時',
  '所',
  '座',
  '户',
  '戶',
  '件',
  '批',
  '个',
  '個',
  '亩',
  '畝',
  '吨',
  '噸',
  '辆',
  '輛',
  '名',
  '套',
  '台',
  '处',
  '處',
  '单',
  '單',
];

const escapeRegExp = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Words before a number that bound it (`不少于70万人`), longest first. */
export const boundsBefore: readonly string[] = [
  '最高不超过',
  '最高不超過',
  '不少于',
  '不少於',
  '不低于',
  '不低於',
  '不超过',
  '不超過',
  '超过',
  '超過',
  '达到',
  '達到',
  '至少',
  '突破',
  '力争',
  '力爭',
];

/**
 * A number with a target unit and an optional bound after it (`以上`). The number is not part
 * of a longer number or a date (`2023年` has no unit here). The pattern starts at the digits, so
 * the engine skips ahead to them; the bound before the number is read by hand.
 */
export const targetRe = new RegExp(`(?<![\\d.])(\\d{1,9}(?:\\.\\d{1,4})?)(${targetUnits.map(escapeRegExp).join('|')})(以上|以内|以內|以下|左右)?`, 'g');

export function extractTargets(text: string): FoundTarget[] {
  const targets: FoundTarget[] = [];
  targetRe.lastIndex = 0;
  for (let match = targetRe.exec(text); match; match = targetRe.exec(text)) {
    // `7×24小时` is a service hour, not a target.
    if (text.charAt(match.index - 1) === '×') continue;
    const end = match.index + match[0].length;
    const before = boundsBefore.find((bound) => text.startsWith(bound, match.index - bound.length));
    const start = before ? match.index - before.length : match.index;
    targets.push({
      text: text.slice(start, end),
      span: { start, end },
      value: Number(match[1]),
      unit: match[2] as string,
      qualifier: match[3] ?? before ?? null,
    });
  }
  return targets;
}
