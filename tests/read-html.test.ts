import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readDocument } from '../src/read/index.ts';
import { fixturesDir } from './helpers.ts';
import { gridOf } from './read-formats.ts';

const page = (html: string) => readDocument(new TextEncoder().encode(html), {});

describe('the HTML reader on a GBK page inside a site frame', async () => {
  const doc = await readDocument(readFileSync(join(fixturesDir, 'formats', 'task-division-gbk.html')), {});
  const lines = doc.text.split('\n');

  test('decodes the page by its gb2312 meta tag (as GB18030, its superset)', () => {
    expect(doc.encoding).toBe('gb18030');
    expect(lines[0]).toBe('某市2024年优化营商环境重点任务分工方案');
  });

  test('keeps the article and leaves the navigation, breadcrumbs, share bar, related links, footer and scripts out', () => {
    for (const frame of ['首页', '当前位置', '政务公开', '分享到', '打印本页', '相关文件', '主办单位', 'ICP', '_hmt', '发布时间'])
      expect(doc.text).not.toContain(frame);
    expect(lines.slice(0, 4)).toEqual([
      '某市2024年优化营商环境重点任务分工方案',
      '为持续打造市场化、法治化、国际化一流营商环境，结合我市实际，现就2024年优化营商环境重点任务分工如下。',
      '一、提升政务服务效能',
      '1. 深化“一网通办”改革。整合部门业务系统，推动高频政务服务事项全程网上办理，6月底前市级事项网上可办率达到95%以上。（牵头单位：市政务服务管理局；责任单位：市大数据局、各区县人民政府）',
    ]);
  });

  test('reads the task table with its rowspan, and locates paragraphs and cells', () => {
    expect(gridOf(doc)[2]).toEqual(['2', '推进电子营业执照跨部门互认', '^', '市税务局、市人力资源社会保障局', '2024年9月底前']);
    expect(gridOf(doc)[1]?.[2]).toBe('市市场监管局[r2]');
    const at = (fragment: string) => doc.runs.find((run) => doc.text.slice(run.start, run.end).includes(fragment))?.location;
    expect(at('某市2024年优化营商环境重点任务分工方案')).toEqual({ paragraph: 1 });
    expect(at('提升政务服务效能')).toEqual({ paragraph: 3 });
    expect(at('2024年12月底前')).toEqual({ table: 1, row: 4, cell: 5 });
  });
});

describe('charsets', () => {
  const gbk = (html: string) => {
    // The GBK bytes of 一、总体要求 (一 d2bb, 、 a1a2, 总 d7dc, 体 cce5, 要 d2aa, 求 c7f3).
    const bytes = [...new TextEncoder().encode(html.replace('#', ''))];
    const at = html.indexOf('#');
    return Uint8Array.from([...bytes.slice(0, at), 0xd2, 0xbb, 0xa1, 0xa2, 0xd7, 0xdc, 0xcc, 0xe5, 0xd2, 0xaa, 0xc7, 0xf3, ...bytes.slice(at)]);
  };

  test.each([
    ['<meta charset="gbk">', '<html><head><meta charset="gbk"></head><body><p>#</p></body></html>'],
    ['http-equiv gb2312', '<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312"></head><body><p>#</p></body></html>'],
    ['no declaration at all', '<html><body><p>#</p></body></html>'],
  ])('a GBK page with %s', async (_name, html) => {
    const doc = await readDocument(gbk(html), {});
    expect([doc.text, doc.encoding]).toEqual(['一、总体要求\n', 'gb18030']);
  });

  test('a page re-saved as UTF-8 that keeps its gb2312 meta tag is read as UTF-8', async () => {
    const doc = await page('<html><head><meta charset="gb2312"></head><body><p>一、总体要求</p></body></html>');
    expect([doc.text, doc.encoding]).toEqual(['一、总体要求\n', 'utf-8']);
  });

  test('a UTF-8 byte-order mark wins', async () => {
    const doc = await readDocument(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('<p>一、总体要求</p>')]), {});
    expect([doc.text, doc.encoding]).toEqual(['一、总体要求\n', 'utf-8']);
  });
});

describe('finding the article', () => {
  test.each([
    ['#zoom', '<div id="zoom"><p>一、总体要求</p><p>1. 推进改革。（牵头单位：市财政局）</p></div>'],
    ['.TRS_Editor', '<div class="TRS_Editor"><p>一、总体要求</p><p>1. 推进改革。（牵头单位：市财政局）</p></div>'],
    ['<article>', '<article><p>一、总体要求</p><p>1. 推进改革。（牵头单位：市财政局）</p></article>'],
    ['the densest block', '<div class="box"><p>一、总体要求</p><p>1. 推进改革。（牵头单位：市财政局）</p></div>'],
  ])('by %s, without the links around it', async (_name, article) => {
    const nav =
      '<div class="nav"><a href="/">首页</a><a href="/a">政务公开</a><a href="/b">政策解读</a></div><ul><li><a href="/c">关于开展营商环境评价工作的通知全文</a></li></ul>';
    const doc = await page(`<!doctype html><html><body>${nav}${article}<div id="footer">版权所有：某市人民政府</div></body></html>`);
    expect(doc.text).toBe('一、总体要求\n1. 推进改革。（牵头单位：市财政局）\n');
  });

  test('blocks, <br> and list items are paragraphs; white space collapses and a line break between CJK characters disappears', async () => {
    const doc = await page(
      '<div id="zoom"><p>一、总体\n  要求</p>第一段<br>第二段&nbsp;&amp;&#x4e09;<div><span>（一）</span><b>深化</b>改革</div><ol><li>推进一网通办</li><li>推行帮办代办</li></ol><script>var x = "脚本";</script><style>p{}</style><p style="display:none">隐藏</p></div>',
    );
    expect(doc.text).toBe('一、总体要求\n第一段\n第二段 &三\n（一）深化改革\n1. 推进一网通办\n2. 推行帮办代办\n');
  });

  test('a table with colspan, rowspan and rowspan="0", and a one-column layout table read as paragraphs', async () => {
    const doc = await page(
      '<div id="zoom"><table><tr><td><p>一、总体要求</p></td></tr></table><table><thead><tr><th>序号</th><th colspan="2">任务与单位</th></tr></thead><tbody><tr><td>1</td><td>推进改革</td><td rowspan="0">市财政局</td></tr><tr><td>2</td><td>优化服务<br>提升效能</td></tr></tbody></table></div>',
    );
    expect(doc.text.split('\n')[0]).toBe('一、总体要求');
    expect(gridOf(doc)).toEqual([
      ['序号', '任务与单位[c2]', '^'],
      ['1', '推进改革', '市财政局[r2]'],
      ['2', '优化服务\n提升效能', '^'],
    ]);
  });

  test('a page with no article text is an error', async () => {
    await expect(page('<html><body><script>var a = 1;</script></body></html>')).rejects.toMatchObject({ code: 'empty-document' });
  });
});
