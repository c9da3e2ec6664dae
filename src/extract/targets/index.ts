import type { Span } from '../../types.ts';

/** A quantitative target: `60%以上`, `新增上市公司30家`, `200万元`. */
export interface FoundTarget {
  readonly text: string;
  readonly span: Span;
  readonly value: number;
  readonly unit: string;
  /** `以上`, `不少于`, …: how the value bounds the target; null when it is exact. */
  readonly qualifier: string | null;
}

/** Units that make a number a target. Longest first, so `万元` wins over `元`. Leaves out `年` `月` `日` `号` (dates and document numbers). */
export const targetUnits: readonly string[] = [
  '个工作日', '万亿元', '亿元', '万元', '万人次', '万人', '万家', '万个', '万户', '万件', '万吨', '万亩', '平方公里', '平方米', '公里',
  '%', '‰', '元', '家', '项', '条', '场', '人次', '人', '次', '倍', '天', '小时', '所', '座', '户', '件', '批', '个', '亩', '吨', '辆', '名', '套', '台', '处', '单',
];

const escape = (word: string): string => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A number with a target unit and an optional bound before (`不少于`) or after (`以上`).
 * The number is not part of a longer number or a date (`2023年` has no unit here).
 */
export const targetRe = new RegExp(
  `(?<before>不少于|不低于|不超过|最高不超过|超过|达到|至少|突破|力争)?(?<![\\d.])(?<value>\\d{1,9}(?:\\.\\d{1,4})?)(?<unit>${targetUnits.map(escape).join('|')})(?<after>以上|以内|以下|左右)?`,
  'dg',
);

export function extractTargets(text: string): FoundTarget[] {
  const targets: FoundTarget[] = [];
  targetRe.lastIndex = 0;
  for (let match = targetRe.exec(text); match; match = targetRe.exec(text)) {
    const groups = match.groups as Record<string, string | undefined>;
    // `7×24小时` is a service hour, not a target.
    if (text.charAt(match.index - 1) === '×') continue;
    const valueStart = (match.indices?.groups?.value as [number, number])[0];
    const start = groups.before ? match.index : valueStart;
    targets.push({
      text: text.slice(start, match.index + match[0].length),
      span: { start, end: match.index + match[0].length },
      value: Number(groups.value),
      unit: groups.unit as string,
      qualifier: groups.after ?? groups.before ?? null,
    });
  }
  return targets;
}
