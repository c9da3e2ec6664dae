import { describe, expect, test } from 'vitest';
import { mark } from '../src/mark/index.ts';
import { parseUnitList } from '../src/mark/units.ts';
import { normalize, toParagraphs } from '../src/normalize/index.ts';

/** The clauses the marking pass finds in a text, as names by role and the roles left open. */
const clausesOf = (text: string) => mark(toParagraphs(normalize(text))).clauses;
const units = (text: string) => {
  const clauses = clausesOf(text);
  const names = (role: string) => clauses.flatMap((clause) => clause.units.filter((unit) => unit.role === role).map((unit) => unit.name));
  return { lead: names('lead'), responsible: names('responsible'), supporting: names('supporting'), open: clauses.map((clause) => [...clause.open].sort()) };
};

describe('clauses', () => {
  test.each([
    ['（牵头单位：省政府办公厅、省大数据局）', ['省政府办公厅', '省大数据局'], [], []],
    ['（牵头单位：省大数据局；责任单位：省政府办公厅、省市场监管局等部门）', ['省大数据局'], ['省政府办公厅', '省市场监管局'], []],
    ['（牵头单位：省财政厅，责任单位：省公共资源交易中心）', ['省财政厅'], ['省公共资源交易中心'], []],
    ['（牵头部门：省市场监管局；配合部门：省税务局）', ['省市场监管局'], [], ['省税务局']],
    ['（责任单位：省科技厅、省教育厅）', [], ['省科技厅', '省教育厅'], []],
    ['（省发展改革委牵头，省财政厅、省商务厅配合）', ['省发展改革委'], [], ['省财政厅', '省商务厅']],
    ['（省商务厅牵头，省直有关部门等按职责分工负责）', ['省商务厅'], ['省直有关部门'], []],
    ['（省科技厅、省教育厅按职责分工负责）', [], ['省科技厅', '省教育厅'], []],
    ['（市政府办公室负责）', [], ['市政府办公室'], []],
    ['（牵头单位：各市政府；责任单位：市级各有关部门）', ['各市政府'], ['市级各有关部门'], []],
    ['（牵头单位：省工业和信息化厅；责任单位：省人力资源社会保障厅）', ['省工业和信息化厅'], ['省人力资源社会保障厅'], []],
    ['（牵头单位：省发展改革委和省财政厅）', ['省发展改革委', '省财政厅'], [], []],
    ['（牽頭單位：省經濟部；責任單位：省財政廳等部門）', ['省經濟部'], ['省財政廳'], []],
    [
      '（牵头单位：省人力资源社会保障厅；责任单位：省政府有关部门，济南市、青岛市、烟台市政府）',
      ['省人力资源社会保障厅'],
      ['省政府有关部门', '济南市政府', '青岛市政府', '烟台市政府'],
      [],
    ],
    ['（牵头单位：省财政厅；责任单位：省税务局；完成时限：2023年6月底前）', ['省财政厅'], ['省税务局'], []],
    ['（省交通运输厅牵头，6月底完成）', ['省交通运输厅'], [], []],
    ['（国家发展改革委牵头，工业和信息化部、商务部等按职责分工负责，2024年12月底前完成）', ['国家发展改革委'], ['工业和信息化部', '商务部'], []],
    ['（省商务厅牵头，省财政厅配合，6月底前完成）', ['省商务厅'], [], ['省财政厅']],
    ['（市大數據局牽頭，113年上半年完成）', ['市大數據局'], [], []],
    ['（省科技厅负责，第三季度末前完成）', [], ['省科技厅'], []],
    ['（负责单位：市财政局、市税务局）', [], ['市财政局', '市税务局'], []],
    ['（負責部門：市財政局）', [], ['市財政局'], []],
    ['（责任主体：各区县政府）', [], ['各区县政府'], []],
    ['（2024年12月底前完成；责任单位：市政务服务和数据管理局、各区政府）', [], ['市政务服务和数据管理局', '各区政府'], []],
    ['（另行通知；责任单位：市财政局）', [], ['市财政局'], []],
    ['（责任单位：市审改办、市市场监管局牵头，各有关部门）', ['市审改办', '市市场监管局'], ['各有关部门'], []],
    ['（由省财政厅牵头，省税务局等相关单位配合）', ['省财政厅'], [], ['省税务局']],
    ['（各市、县（市、区）政府负责）', [], ['各市', '县（市、区）政府'], []],
    ['（省政务服务数据管理局牵头，省有关单位，各地级以上市人民政府按职责分工负责）', ['省政务服务数据管理局'], ['省有关单位', '各地级以上市人民政府'], []],
    ['（省政务服务数据管理局、省发展改革委，各地级以上市人民政府按职责分工负责）', [], ['省政务服务数据管理局', '省发展改革委', '各地级以上市人民政府'], []],
  ])('reads %s', (text, lead, responsible, supporting) => {
    expect(units(text)).toMatchObject({ lead, responsible, supporting });
  });

  test('flags a list that ends in 等部门 as open and drops the suffix', () => {
    const [clause] = clausesOf('（牵头单位：省住房城乡建设厅；责任单位：省公安厅、省民政厅等部门）');
    expect(clause?.units.filter((unit) => unit.role === 'responsible').map((unit) => unit.name)).toEqual(['省公安厅', '省民政厅']);
    expect([...(clause?.open ?? [])]).toEqual(['responsible']);
  });

  test('drops 等部门 in the middle of a list too, and keeps the names after it', () => {
    expect(units('（区发改局牵头，区财政局、区水务局等部门，区国投公司、各街道办事处配合）')).toMatchObject({
      lead: ['区发改局'],
      supporting: ['区财政局', '区水务局', '区国投公司', '各街道办事处'],
    });
  });

  test('keeps parentheses inside unit names and gives every name its own span', () => {
    const text = '做好交接。（牵头单位：省政府有关部门（单位）、各县（市、区）人民政府）';
    const [clause] = clausesOf(text);
    expect(clause?.units.map((unit) => unit.name)).toEqual(['省政府有关部门（单位）', '各县（市、区）人民政府']);
    expect(clause?.units.map((unit) => text.slice(unit.span.start, unit.span.end))).toEqual(['省政府有关部门（单位）', '各县（市、区）人民政府']);
    expect(text.slice(clause?.span.start, clause?.span.end)).toBe('（牵头单位：省政府有关部门（单位）、各县（市、区）人民政府）');
  });

  test('reads labels in lenticular brackets, to the end of the line', () => {
    expect(units('推进改革。【牵头单位】市大数据局【责任单位】市政务服务中心、各区县政府【完成时限】2024年6月\n下一行')).toMatchObject({
      lead: ['市大数据局'],
      responsible: ['市政务服务中心', '各区县政府'],
    });
    expect(units('推进改革。【责任单位】省发展改革委、省水利厅【完成时间】长期坚持')).toMatchObject({ responsible: ['省发展改革委', '省水利厅'] });
  });

  test('reads a labelled line without parentheses', () => {
    expect(units('加快建设。\n牵头单位：市发展改革委\n责任单位：各区县政府')).toMatchObject({ lead: ['市发展改革委'], responsible: ['各区县政府'] });
  });

  test('reads a clause cut off by the end of the text', () => {
    expect(units('全面开放市场。（牵头单位：省发展改革委；责任单位：省编办、省住建厅、')).toMatchObject({
      lead: ['省发展改革委'],
      responsible: ['省编办', '省住建厅'],
    });
  });

  test('stops at a sentence inside the clause: a note about all tasks is no unit', () => {
    expect(units('（牵头单位：市行政审批服务局；责任单位：市直有关部门、单位，各区市政府。以下任务均需各区市政府落实，不再一一列出）')).toMatchObject({
      lead: ['市行政审批服务局'],
      responsible: ['市直有关部门', '单位', '各区市政府'],
    });
  });

  test.each([
    '（单位）编制',
    '（省政府令第351号）',
    '（市、区）开展会审',
    '（IPO）的企业',
    '（经营场所）标准化',
    '（不含市本级，由市财政局负责）',
    '（省、市、县三级联动，各级政府负责）',
    '（省财政厅，市财政局）',
    '（一次告知、一套材料、一窗受理）',
    '（人进、权进、事进）',
  ])('finds no clause in %s', (text) => {
    expect(clausesOf(text)).toEqual([]);
  });
});

describe('parseUnitList', () => {
  const list = (text: string) => {
    const parsed = parseUnitList({ text, folded: text }, 0, text.length, { role: 'responsible', isTimePart: () => false });
    return { units: parsed.units.map((unit) => unit.name), open: parsed.open.size > 0 };
  };
  test.each([
    ['省文化和旅游厅', ['省文化和旅游厅'], false],
    ['省委组织部、省委编办、省财政厅', ['省委组织部', '省委编办', '省财政厅'], false],
    ['山东银保监局、青岛银保监局、省地方金融监管局等部门', ['山东银保监局', '青岛银保监局', '省地方金融监管局'], true],
    ['各市政府及有关部门', ['各市政府', '有关部门'], false],
    ['市级各有关部门及各县市区政府', ['市级各有关部门', '各县市区政府'], false],
    ['区司法局等有关部门', ['区司法局'], true],
  ])('splits %s', (text, expected, open) => {
    expect(list(text)).toEqual({ units: expected, open });
  });
});

describe('labels that name no unit', () => {
  test.each([
    ['（牵头领导：王副市长；牵头单位：市发展改革委；责任单位：市财政局）', ['市发展改革委'], ['市财政局']],
    ['（责任领导：李局长，责任单位：市税务局）', [], ['市税务局']],
  ])('reads %s', (text, lead, responsible) => {
    expect(units(text)).toMatchObject({ lead, responsible });
  });

  test('a clause of only a leader is not a unit clause', () => {
    expect(clausesOf('（牵头领导：王副市长）')).toEqual([]);
  });
});

describe('prose assignments', () => {
  test.each([
    ['此项工作由市市场监管局负责，市公安局配合。', [], ['市市场监管局'], ['市公安局']],
    ['由县教育局会同县财政局、县人社局负责落实。', [], ['县教育局'], ['县财政局', '县人社局']],
    ['省大数据局牵头，省政务服务中心配合。', ['省大数据局'], [], ['省政务服务中心']],
  ])('reads %s', (text, lead, responsible, supporting) => {
    expect(units(text)).toMatchObject({ lead, responsible, supporting });
  });

  test.each(['各县区要加强与市发展改革委的沟通，及时报送进展。', '由企业自主负责。', '市政府将统筹推进。'])('assigns nothing in %s', (text) => {
    expect(clausesOf(text).filter((clause) => clause.units.length > 0)).toEqual([]);
  });
});

test('reads a clause in lenticular brackets', () => {
  expect(units('推进改革。【牵头单位：市发展改革委；责任单位：市财政局】')).toMatchObject({ lead: ['市发展改革委'], responsible: ['市财政局'] });
});
