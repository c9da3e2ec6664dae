import { describe, expect, test } from 'vitest';
import { toCsv, toNdjson } from '../src/index.ts';
import { extract } from '../src/pipeline.ts';

// Limits of the extraction core found by issue 15: long lists and documents with nothing to list.
describe('extraction limits', () => {
  test('measures past 999 keep their own numbers instead of merging into 999', () => {
    const lines = ['2024年重点任务清单', '一、优化政务服务'];
    for (let i = 1; i <= 1002; i++) lines.push(`${i}.推进第${i}项改革。（牵头单位：市财政局）`);
    const measures = extract(lines.join('\n')).domains[0]?.measures ?? [];
    expect(measures).toHaveLength(1002);
    expect(measures.at(-1)?.number).toBe(1002);
  });

  test('a title-only document has no measures and says so; no format shows a row it does not have', () => {
    const doc = extract('2024年工作要点\n');
    expect(doc.title).toBe('2024年工作要点');
    expect(doc.warnings.map((warning) => warning.code)).toEqual(['measures-none']);
    expect(doc.domains).toEqual([]);
    expect(toNdjson([doc])).toBe('');
    expect(toCsv([doc]).trim().split('\n')).toHaveLength(1);
  });
});
