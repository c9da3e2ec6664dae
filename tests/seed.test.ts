import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { lastDayOfMonth } from '../src/mark/deadlines/index.ts';
import { extract } from '../src/pipeline.ts';
import { root, seedText } from './helpers.ts';

// Expected values below were checked by reading seeds/shandong-2023-business-environment.txt.
const doc = extract(seedText, { path: 'seeds/shandong-2023-business-environment.txt' });
const measure = (id: string) => doc.domains.flatMap((d) => d.measures).find((m) => m.id === id);

describe('the Shandong 2023 seed', () => {
  test('has its title, the year 2023 inferred from the text, and no warnings', () => {
    expect(doc.title).toBe('山东省深化营商环境创新提升行动');
    expect(doc.year).toBe(2023);
    expect(doc.yearSource).toBe('text');
    expect(doc.warnings).toEqual([]);
  });

  test('has 18 domains with 158 measures, numbered 1..N in each', () => {
    expect(doc.domains.map((d) => d.measures.length)).toEqual([15, 8, 13, 6, 6, 9, 8, 17, 8, 6, 7, 7, 9, 8, 6, 10, 7, 8]);
    for (const domain of doc.domains) expect(domain.measures.map((m) => m.number)).toEqual(domain.measures.map((_m, i) => i + 1));
  });

  test('names the domains and their lead units', () => {
    expect(doc.domains.map((d) => d.name)).toEqual([
      '优化政务服务',
      '企业准入退出',
      '工程建设项目审批',
      '获得电力',
      '登记财产',
      '纳税',
      '跨境贸易',
      '优化金融服务',
      '保护中小投资者',
      '劳动力市场监管',
      '政府采购',
      '招标投标',
      '知识产权创造、保护和运用',
      '市场监管',
      '提升创新创业活跃度',
      '提升人才流动便利度',
      '促进贸易投资便利化',
      '法治保障领域',
    ]);
    expect(doc.domains[0]).toMatchObject({ label: '配套措施', leadUnits: ['省政府办公厅'], line: 4 });
    expect(doc.domains[6]?.leadUnits).toEqual(['省口岸办', '青岛海关', '济南海关']);
    expect(doc.domains[17]?.leadUnits).toEqual(['省委依法治省办', '省司法厅']);
  });

  test('places measures on the lines of the original file', () => {
    expect(measure('1.1')).toMatchObject({ line: 8, column: 1, endLine: 18 });
    expect(measure('1.2')?.line).toBe(20);
    // Measure 1.15 runs over a page break (the —01— line) and ends on the clause's last line.
    expect(measure('1.15')).toMatchObject({ line: 163, endLine: 181 });
  });

  test.each([
    ['1.1', '持续深化“一次办好”改革', ['省政府办公厅', '省大数据局'], []],
    ['1.15', '全领域推进“无证明之省”建设', ['省大数据局'], ['省政府办公厅', '省市场监管局']],
    ['2.5', '健全市场主体歇业制度', ['省人力资源社会保障厅', '省住房城乡建设厅', '省税务局', '青岛税务局', '省市场监管局'], ['省大数据局']],
    [
      '3.1',
      '深化“用地清单制”改革',
      ['省自然资源厅', '省住房城乡建设厅'],
      ['省发展改革委', '省水利厅', '省文化和旅游厅', '省地震局', '省气象局', '省国家安全厅'],
    ],
    ['4.6', '快速响应居住区充电设施用电需求', ['国网山东省电力公司', '省住房城乡建设厅'], ['省能源局', '省消防救援总队', '省国动办']],
    ['8.1', '加大普惠小微贷款投放支持力度', ['人民银行济南分行', '山东银保监局', '青岛银保监局'], []],
    ['8.15', '拓展金融服务应用', ['山东银保监局', '青岛银保监局'], ['省地方金融监管局', '人民银行济南分行']],
    [
      '12.4',
      '完善招标投标交易担保制度',
      ['省发展改革委', '省公共资源交易中心'],
      [
        '省住房城乡建设厅',
        '省交通运输厅',
        '省水利厅',
        '省农业农村厅',
        '省商务厅',
        '省广电局',
        '省国资委',
        '山东银保监局',
        '青岛银保监局',
        '省能源局',
        '省地方金融监管局',
      ],
    ],
    ['14.8', '开展跨部门综合监管试点', ['省市场监管局'], []],
    ['16.2', '探索建立境外职业资格证书认可清单制度', ['省人力资源社会保障厅'], ['省政府有关部门', '济南市政府', '青岛市政府', '烟台市政府']],
    ['18.7', '依法保护企业产权和企业家权益', ['省委政法委'], ['省法院', '省检察院', '省公安厅', '省司法厅', '省委网信办']],
  ])('measure %s: %s', (id, title, lead, responsible) => {
    expect(measure(id)).toMatchObject({ title, leadUnits: lead, responsibleUnits: responsible });
  });

  test('flags lists that end in 等部门', () => {
    expect(measure('1.15')).toMatchObject({ leadUnitsOpen: false, responsibleUnitsOpen: true });
    expect(measure('12.4')?.responsibleUnitsOpen).toBe(true);
    expect(measure('1.1')?.responsibleUnitsOpen).toBe(false);
  });

  test('every measure names a lead unit', () => {
    for (const m of doc.domains.flatMap((d) => d.measures)) expect(m.leadUnits.length, m.id).toBeGreaterThan(0);
  });

  test('does not take numbers inside a measure for measure numbers', () => {
    // `２％提供资金`, `６０万个`, `２００项.(牵头单位…`, `９\\n月底前` start lines inside measures 8.1, 10.1, 13.5, 13.9.
    expect(measure('8.1')?.text).toContain('按照余额增量的2%提供资金');
    expect(measure('10.1')?.text).toContain('新创设城乡公益性岗位60万个');
    expect(measure('13.5')?.text).toContain('达成专利许可超过200项。');
    expect(measure('13.9')?.text).toContain('完成与“爱山东”政务服务平台对接。9月底前');
  });

  test('resolves all 148 month-end deadlines to the last day of their month in 2023', () => {
    const monthEnds = doc.domains
      .flatMap((d) => d.measures)
      .flatMap((m) => m.deadlines)
      .filter((d) => d.kind === 'month-end');
    expect(monthEnds).toHaveLength(148);
    for (const deadline of monthEnds) {
      const month = Number(/^(\d+)月/.exec(deadline.text)?.[1]);
      expect(deadline).toMatchObject({ year: 2023, month, day: lastDayOfMonth(2023, month), inferred: ['year', 'day'] });
      expect(deadline.date).toBe(`2023-${String(month).padStart(2, '0')}-${lastDayOfMonth(2023, month)}`);
    }
  });

  test('reads 年内, 全年 and 至6月30日 as year-end and a date', () => {
    expect(measure('8.1')?.deadlines.map((d) => [d.text, d.date])).toEqual([
      ['5月底前', '2023-05-31'],
      ['5月底前', '2023-05-31'],
      ['12月底前', '2023-12-31'],
      ['年内', '2023-12-31'],
    ]);
    expect(measure('6.7')?.deadlines.map((d) => [d.text, d.kind, d.date])).toEqual([
      ['至6月30日', 'date', '2023-06-30'],
      ['12月底前', 'month-end', '2023-12-31'],
    ]);
    expect(measure('8.10')?.deadlines.map((d) => [d.text, d.kind])).toEqual([['全年', 'year-end']]);
  });

  test('joins deadlines split across lines (`１２月` / `底前`)', () => {
    expect(measure('16.4')?.deadlines.map((d) => d.text)).toEqual(['9月底前', '12月底前']);
    expect(measure('15.2')?.deadlines.map((d) => d.text)).toEqual(['10月底前']);
  });

  test('--year overrides the inferred year', () => {
    const other = extract(seedText, { year: 2024 });
    expect(other.yearSource).toBe('option');
    expect(other.domains[0]?.measures[2]?.deadlines[0]?.date).toBe('2024-06-30');
  });

  test('extracts quantitative targets', () => {
    expect(measure('8.10')?.targets.map((t) => [t.text, t.value, t.unit, t.qualifier])).toEqual([
      ['30家', 30, '家', null],
      ['最高不超过200万元', 200, '万元', '最高不超过'],
      ['500万元', 500, '万元', null],
    ]);
    expect(measure('11.1')?.targets.map((t) => t.text)).toEqual(['达到60%以上']);
  });

  test('is unchanged from the reviewed expected output', () => {
    const expected = JSON.parse(readFileSync(join(root, 'seeds', 'expected', 'shandong-2023-business-environment.json'), 'utf8'));
    expect({ ...doc, source: expected.documents[0].source }).toEqual(expected.documents[0]);
  });
});
