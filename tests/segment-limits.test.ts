import { describe, expect, test } from 'vitest';
import { extract } from '../src/pipeline.ts';

// Defects of the extraction core found by issue 15, kept here for the core's owner: each is a
// `test.fails` that records today's wrong behaviour. When the core is fixed it starts failing:
// then make it a plain `test`.
describe('known defects of the extraction core (issue 15)', () => {
  test.fails('measures past 999 keep their own numbers instead of merging into 999', () => {
    const lines = ['2024年重点任务清单', '一、优化政务服务'];
    for (let i = 1; i <= 1002; i++) lines.push(`${i}.推进第${i}项改革。（牵头单位：市财政局）`);
    const measures = extract(lines.join('\n')).domains[0]?.measures ?? [];
    expect(measures).toHaveLength(1002);
    expect(measures.at(-1)?.number).toBe(1002);
  });

  test.fails('a title-only document has the one measure its warning says it kept', () => {
    const doc = extract('2024年工作要点\n');
    expect(doc.warnings.map((warning) => warning.code)).toContain('document-unsegmented');
    expect(doc.domains.flatMap((domain) => domain.measures)).toHaveLength(1);
  });
});
