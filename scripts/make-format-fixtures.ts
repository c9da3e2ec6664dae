/**
 * Writes fixtures/formats/: one small task-division document, in the project's own words, in
 * every format the readers take, plus the cases they must handle. Run it by hand (it needs
 * LibreOffice and iconv, which CI does not have; CI only reads the committed files):
 *
 *   apt-get install -y libreoffice-writer-nogui fonts-wqy-microhei
 *   npx tsx scripts/make-format-fixtures.ts
 *
 * How each file is produced:
 * - task-division.docx, task-division.pdf: a Flat ODT (written below) converted by LibreOffice
 *   headless. Domains (一、), sections (（一）) and measures (1.) are Writer's automatic list
 *   numbering, so the DOCX carries them in numbering.xml, not in the text; a running header and
 *   a page-number footer; a 任务分工表 with a vertically merged 牵头单位 cell.
 * - two-column.pdf: the same measures in a two-column section under a full-width title (LibreOffice).
 * - task-division-gbk.html: the document as a government site publishes it (navigation,
 *   breadcrumbs, share bar, footer around a .TRS_Editor article), encoded as GBK by iconv.
 * - task-division.ofd: the document laid out by scripts/format-writers.ts and written as OFD
 *   (TextObject/TextCode with Boundary, X, Y, DeltaX; the table's rules as PathObjects).
 * - task-table.{docx,pdf,html,ofd}: the 任务分工表 alone under its title, the way many plans
 *   are published (LibreOffice for DOCX and PDF, format-writers.ts for the UTF-8 page and OFD);
 *   task-table-unruled.pdf the same table without borders (LibreOffice).
 * - scan.pdf: a stand-in for a scan, one page that is only a grey image (format-writers.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { a4, type Block, layOut, type RowSpec, writeHtml, writeOfd, writePdf } from './format-writers.ts';

interface TableItem {
  readonly kind: 'table';
  readonly widths: readonly number[];
  readonly rows: readonly RowSpec[];
}
type Item = { readonly kind: 'title' | 'body' | 'domain' | 'section' | 'measure'; readonly text: string } | TableItem;

export const taskDivision: readonly Item[] = [
  { kind: 'title', text: '某市2024年优化营商环境重点任务分工方案' },
  { kind: 'body', text: '为持续打造市场化、法治化、国际化一流营商环境，结合我市实际，现就2024年优化营商环境重点任务分工如下。' },
  { kind: 'domain', text: '提升政务服务效能' },
  {
    kind: 'measure',
    text: '深化“一网通办”改革。整合部门业务系统，推动高频政务服务事项全程网上办理，6月底前市级事项网上可办率达到95%以上。（牵头单位：市政务服务管理局；责任单位：市大数据局、各区县人民政府）',
  },
  {
    kind: 'measure',
    text: '推行惠企政策“免申即享”。梳理可直接兑现的惠企政策清单，依托企业专属服务空间精准推送，9月底前上线政策兑现平台。（牵头单位：市发展改革委；责任单位：市财政局、市工业和信息化局）',
  },
  {
    kind: 'measure',
    text: '提升12345热线服务质效。完善诉求办理闭环机制，建立企业诉求快速响应通道，8月底前出台工作规范。（牵头单位：市政府办公室；责任单位：市政务服务管理局）',
  },
  { kind: 'domain', text: '优化市场准入环境' },
  { kind: 'section', text: '便利企业开办' },
  {
    kind: 'measure',
    text: '压缩企业开办时间。推行企业开办“一表填报、一窗领取”，6月底前将企业开办时间压缩至1个工作日以内。（牵头单位：市市场监管局；责任单位：市税务局、市公安局、市人力资源社会保障局）',
  },
  {
    kind: 'measure',
    text: '推广电子营业执照应用。在银行开户、社保登记等场景推行“一照通用”，12月底前覆盖主要涉企服务事项。（牵头单位：市市场监管局；责任单位：市大数据局）',
  },
  { kind: 'section', text: '规范涉企收费' },
  {
    kind: 'measure',
    text: '清理规范涉企收费。开展涉企违规收费专项整治，10月底前公布涉企收费目录清单。（牵头单位：市发展改革委；责任单位：市财政局、市市场监管局）',
  },
  { kind: 'domain', text: '加强要素保障' },
  {
    kind: 'measure',
    text: '提高用地审批效率。推行工业项目“标准地”出让，5月底前制定“标准地”控制指标体系。（牵头单位：市自然资源和规划局；责任单位：市发展改革委、市生态环境局）',
  },
  {
    kind: 'measure',
    text: '优化获得电力服务。对低压小微企业用电报装实行“零上门、零审批、零投资”服务，11月底前平均接电时间压缩至15个工作日以内。（牵头单位：国网某市供电公司；责任单位：市住房城乡建设局、市城市管理局）',
  },
  { kind: 'body', text: '各牵头单位要会同责任单位细化工作举措，每季度末向市优化营商环境工作领导小组办公室报送工作进展情况。' },
  { kind: 'body', text: '附件：2024年优化营商环境重点任务分工表' },
  {
    kind: 'table',
    widths: [1.2, 6, 3, 3.8, 2.4],
    rows: [
      [{ text: '序号' }, { text: '重点任务' }, { text: '牵头单位' }, { text: '责任单位' }, { text: '完成时限' }],
      [{ text: '1' }, { text: '推行企业登记全程电子化' }, { text: '市市场监管局', rowSpan: 2 }, { text: '市大数据局' }, { text: '2024年6月底前' }],
      [{ text: '2' }, { text: '推进电子营业执照跨部门互认' }, null, { text: '市税务局、市人力资源社会保障局' }, { text: '2024年9月底前' }],
      [{ text: '3' }, { text: '优化不动产登记“一窗受理”' }, { text: '市自然资源和规划局' }, { text: '市税务局、市住房城乡建设局' }, { text: '2024年12月底前' }],
      [{ text: '4' }, { text: '开展政务服务“好差评”' }, { text: '市政务服务管理局' }, { text: '各区县人民政府' }, { text: '2024年6月底前' }],
    ],
  },
];

const header = '某市人民政府办公室文件';
const chinese = '一二三四五六七八九十';

/** The items with their numbering typed out, as a web page or a PDF shows it: 一、 for domains, （一） for sections, 1. for measures (counted per domain). */
export function typedBlocks(items: readonly Item[]): Block[] {
  let domain = 0;
  let section = 0;
  let measure = 0;
  return items.map((item): Block => {
    switch (item.kind) {
      case 'title':
        return { kind: 'title', text: item.text };
      case 'domain':
        domain++;
        section = 0;
        measure = 0;
        return { kind: 'paragraph', text: `${chinese[domain - 1]}、${item.text}` };
      case 'section':
        section++;
        return { kind: 'paragraph', text: `（${chinese[section - 1]}）${item.text}` };
      case 'measure':
        measure++;
        return { kind: 'paragraph', text: `${measure}. ${item.text}` };
      case 'table':
        return item;
      default:
        return { kind: 'paragraph', text: item.text };
    }
  });
}

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function fodtTable(item: TableItem): string {
  const columns = item.widths.map((width) => `<table:table-column table:style-name="col${width}"/>`).join('');
  const rows = item.rows.map(
    (row) =>
      `<table:table-row table:style-name="row">${row
        .map((cell) =>
          cell === null
            ? '<table:covered-table-cell/>'
            : `<table:table-cell table:style-name="cell" office:value-type="string"${(cell.rowSpan ?? 1) > 1 ? ` table:number-rows-spanned="${cell.rowSpan}"` : ''}${(cell.colSpan ?? 1) > 1 ? ` table:number-columns-spanned="${cell.colSpan}"` : ''}><text:p text:style-name="Cell">${escapeXml(cell.text)}</text:p></table:table-cell>`,
        )
        .join('')}</table:table-row>`,
  );
  return `<table:table table:name="分工表" table:style-name="table">${columns}${rows.join('')}</table:table>`;
}

/** The items as Writer's Flat ODT: lists for the numbering, a header and footer on the master page. */
function fodt(items: readonly Item[], options: { twoColumns?: boolean; unruled?: boolean } = {}): string {
  const widths = [...new Set(items.flatMap((item) => (item.kind === 'table' ? item.widths : [])))];
  const body: string[] = [];
  let measureListOpen = false;
  let firstMeasureOfDomain = true;
  let lists = 0;
  let domainList: string | null = null;
  let measureList: string | null = null;
  // Writer continues a list only when told which one: xml:id on the first, text:continue-list on the next.
  const listStart = (style: string, continues: string | null) => {
    const id = `list${++lists}`;
    return { id, tag: `<text:list xml:id="${id}" text:style-name="${style}"${continues ? ` text:continue-list="${continues}"` : ''}>` };
  };
  const closeMeasures = () => {
    if (measureListOpen) body.push('</text:list>');
    measureListOpen = false;
  };
  for (const item of items) {
    if (item.kind === 'measure') {
      if (!measureListOpen) {
        // Measures restart at 1 in each domain and run on across its sections.
        const list = listStart('Measures', firstMeasureOfDomain ? null : measureList);
        measureList = list.id;
        body.push(list.tag);
        measureListOpen = true;
      }
      body.push(
        `<text:list-item${firstMeasureOfDomain ? ' text:start-value="1"' : ''}><text:p text:style-name="Body">${escapeXml(item.text)}</text:p></text:list-item>`,
      );
      firstMeasureOfDomain = false;
      continue;
    }
    closeMeasures();
    if (item.kind === 'title') body.push(`<text:p text:style-name="Title">${escapeXml(item.text)}</text:p>`);
    else if (item.kind === 'body') body.push(`<text:p text:style-name="Body">${escapeXml(item.text)}</text:p>`);
    else if (item.kind === 'domain') {
      firstMeasureOfDomain = true;
      const list = listStart('Domains', domainList);
      domainList = list.id;
      body.push(`${list.tag}<text:list-item><text:p text:style-name="Heading">${escapeXml(item.text)}</text:p></text:list-item></text:list>`);
    } else if (item.kind === 'section') {
      const list = listStart('Domains', domainList);
      domainList = list.id;
      body.push(
        `${list.tag}<text:list-item><text:list><text:list-item><text:p text:style-name="Heading">${escapeXml(item.text)}</text:p></text:list-item></text:list></text:list-item></text:list>`,
      );
    } else if (item.kind === 'table') body.push(fodtTable(item));
  }
  closeMeasures();
  let content = body.join('\n');
  if (options.twoColumns) {
    // Title and opening paragraph span the page; the rest stands in two columns.
    const [title, opening, ...rest] = body;
    content = `${title}\n${opening}\n<text:section text:style-name="columns" text:name="两栏">\n${rest.join('\n')}\n</text:section>`;
  }
  const label = (level: number, format: string, prefix: string, suffix: string, followed: string) =>
    `<text:list-level-style-number text:level="${level}" style:num-format="${format}" style:num-prefix="${prefix}" style:num-suffix="${suffix}"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="${followed}" fo:text-indent="0cm" fo:margin-left="0cm"/></style:list-level-properties></text:list-level-style-number>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="WenQuanYi Micro Hei" svg:font-family="'WenQuanYi Micro Hei'" style:font-pitch="variable"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties style:font-name="WenQuanYi Micro Hei" style:font-name-asian="WenQuanYi Micro Hei" fo:font-size="12pt" style:font-size-asian="12pt" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph" style:class="text"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="0.5cm"/><style:text-properties fo:font-size="18pt" style:font-size-asian="18pt"/></style:style>
<style:style style:name="Body" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-indent="0.85cm" fo:text-align="justify" fo:margin-bottom="0.15cm"/></style:style>
<style:style style:name="Heading" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-top="0.2cm" fo:margin-bottom="0.15cm"/></style:style>
<style:style style:name="Cell" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-size="10.5pt" style:font-size-asian="10.5pt"/></style:style>
<style:style style:name="Header" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt" style:font-size-asian="9pt"/></style:style>
<text:list-style style:name="Domains">${label(1, '一, 二, 三, ...', '', '、', 'nothing')}${label(2, '一, 二, 三, ...', '（', '）', 'nothing')}</text:list-style>
<text:list-style style:name="Measures">${label(1, '1', '', '.', 'space')}</text:list-style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="page"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2.5cm" fo:margin-right="2.5cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.6cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.6cm"/></style:footer-style></style:page-layout>
<style:style style:name="table" style:family="table"><style:table-properties style:width="16.4cm" table:align="center"/></style:style>
${widths.map((width) => `<style:style style:name="col${width}" style:family="table-column"><style:table-column-properties style:column-width="${width}cm"/></style:style>`).join('\n')}
<style:style style:name="row" style:family="table-row"><style:table-row-properties fo:keep-together="always"/></style:style>
<style:style style:name="cell" style:family="table-cell"><style:table-cell-properties fo:border="${options.unruled ? 'none' : '0.5pt solid #000000'}" fo:padding="0.1cm" style:vertical-align="middle"/></style:style>
<style:style style:name="columns" style:family="section"><style:section-properties><style:columns fo:column-count="2" fo:column-gap="1cm"/></style:section-properties></style:style>
</office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="page"><style:header><text:p text:style-name="Header">${header}</text:p></style:header><style:footer><text:p text:style-name="Header">— <text:page-number text:select-page="current">1</text:page-number> —</text:p></style:footer></style:master-page></office:master-styles>
<office:body><office:text>
${content}
</office:text></office:body>
</office:document>
`;
}

/** Converts a Flat ODT with LibreOffice headless; returns the converted file's bytes. */
function convert(work: string, name: string, source: string, to: 'docx' | 'pdf'): Buffer {
  const input = join(work, `${name}.fodt`);
  writeFileSync(input, source);
  const filter = to === 'docx' ? 'docx:MS Word 2007 XML' : 'pdf:writer_pdf_Export';
  execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', filter, '--outdir', work, input], {
    stdio: 'ignore',
  });
  return readFileSync(join(work, `${name}.${to}`));
}

function main(): void {
  const out = join(import.meta.dirname, '..', 'fixtures', 'formats');
  mkdirSync(out, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'policy-extract-fixtures-'));
  try {
    const source = fodt(taskDivision);
    writeFileSync(join(out, 'task-division.docx'), convert(work, 'task-division', source, 'docx'));
    writeFileSync(join(out, 'task-division.pdf'), convert(work, 'task-division', source, 'pdf'));
    const columns = taskDivision.filter((item) => item.kind !== 'table' && !item.text.startsWith('附件'));
    writeFileSync(join(out, 'two-column.pdf'), convert(work, 'two-column', fodt(columns, { twoColumns: true }), 'pdf'));
    const blocks = typedBlocks(taskDivision);
    const page = writeHtml(blocks, { charset: 'gb2312', site: '某市人民政府' });
    writeFileSync(join(out, 'task-division-gbk.html'), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GBK'], { input: page }));
    writeFileSync(join(out, 'task-division.ofd'), writeOfd(layOut(blocks, { ...a4, header })));
    const table = taskDivision.find((item) => item.kind === 'table') as TableItem;
    const tableOnly: Item[] = [{ kind: 'title', text: '某市2024年优化营商环境重点任务分工表' }, table];
    writeFileSync(join(out, 'task-table.docx'), convert(work, 'task-table', fodt(tableOnly), 'docx'));
    writeFileSync(join(out, 'task-table.pdf'), convert(work, 'task-table', fodt(tableOnly), 'pdf'));
    writeFileSync(join(out, 'task-table-unruled.pdf'), convert(work, 'task-table-unruled', fodt(tableOnly, { unruled: true }), 'pdf'));
    writeFileSync(join(out, 'task-table.html'), writeHtml(typedBlocks(tableOnly), { charset: 'utf-8', site: '某市人民政府' }));
    writeFileSync(join(out, 'task-table.ofd'), writeOfd(layOut(typedBlocks(tableOnly), { ...a4, header })));
    writeFileSync(join(out, 'scan.pdf'), writePdf([], { image: { width: 120, height: 170 } }));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) main();
