/**
 * The frame around a plan: what a web page, a covering notice or a PDF puts before and after the
 * tasks. None of it is a task, and its dates are not deadlines; an issue date dates the document.
 * Each pattern runs on one folded, normalised paragraph (ASCII digits, Chinese punctuation
 * `（）：，`), with its examples of lines it must and must not take.
 */

export type FrameKind =
  | 'breadcrumb' // 当前位置：首页 > 政务公开 > 通知公告
  | 'metadata' // 发布时间：2023-07-11  来源：市政府办公室
  | 'chrome' // 设为首页 | 加入收藏 | 无障碍阅读
  | 'document-number' // 鄂政发〔2018〕26号
  | 'addressee' // 各县（市、区）人民政府，市直各有关单位：
  | 'notice' // 现将《…》印发给你们，请认真贯彻落实。
  | 'signature' // 某某市人民政府办公室
  | 'date' // 2023年4月13日
  | 'publicity' // （此件公开发布）
  | 'attachment' // 附件：1.重点任务分工表
  | 'tail'; // 延伸阅读、声明：本文来源于…

export interface FramePattern {
  readonly kind: FrameKind;
  readonly pattern: RegExp;
  readonly examples: { readonly ok: readonly string[]; readonly notOk: readonly string[] };
}

/** A web page's location path: `当前位置：首页 > 专题专栏`, `首页>>政务公开>>文件`. */
const breadcrumbRe = /^(?:当前位置|您的位置|您现在的位置|现在的位置|所在位置|位置)[：:]|(?:首页|主页|网站首页)\s?(?:>>?|》|»|›|\/|→)|^>>?\s?\S.{0,80}>>?/;

/**
 * Page metadata: a metadata label at the line start, followed by a colon, a space or the value;
 * or in lenticular brackets (`【时效性】尚未施行`). Labels are the ones CMS pages and law databases
 * print; a task label (`责任单位：`) is not among them.
 */
const metadataLabels = [
  '发布时间',
  '发布日期',
  '更新时间',
  '更新日期',
  '成文日期',
  '发文日期',
  '印发日期',
  '公布日期',
  '施行日期',
  '生效日期',
  '时间',
  '日期',
  '信息来源',
  '文章来源',
  '来源',
  '浏览次数',
  '点击次数',
  '点击数',
  '阅读次数',
  '访问量',
  '阅读量',
  '作者',
  '责任编辑',
  '编辑',
  '发布部门',
  '发布机构',
  '发文机关',
  '发文单位',
  '制发机关',
  '索引号',
  '文号',
  '发文字号',
  '发文号',
  '主题分类',
  '主题词',
  '分类',
  '体裁分类',
  '有效性',
  '时效性',
  '效力级别',
  '效力等级',
  '法宝引证码',
  '字号',
  '字体',
];
const metadataRe = new RegExp(
  `^(?:【(?:${metadataLabels.join('|')})】|(?:${metadataLabels.join('|')})\\s?[：:]|(?:索引号|发布机构|发文日期|成文日期|发文字号|发文机关|有效性))|^\\d{4}-\\d{1,2}-\\d{1,2}(?:\\s\\d{1,2}:\\d{2}(?::\\d{2})?)?(?:\\s|$|[\\u4e00-\\u9fff])`,
);

/** Words of a site's navigation and tools, alone or several on a line: `设为首页`, `【打印】【关闭】`. */
const chromeWords = [
  '设为首页',
  '加入收藏',
  '无障碍阅读',
  '无障碍',
  '长者版',
  '关怀版',
  '繁体版',
  '简体版',
  '网站地图',
  '网站导航',
  '智能问答',
  '打印本页',
  '关闭窗口',
  '打印',
  '关闭',
  '分享到',
  '扫一扫',
  '全文',
  '图片',
  '返回顶部',
  '【大】',
  '【中】',
  '【小】',
];
const chromeRe = new RegExp(`^(?:[•·\\s?？|｜]|【?(?:${chromeWords.join('|')})】?)+$`);

/** A document number on a line of its own: `鄂政发〔2018〕26号`, `蔡政办〔2023〕1号`, `厦府办〔2019〕10号`. */
const documentNumberRe = /^[^，。；：（）\s]{1,14}〔\d{4}〕\d{1,4}号$|^[^，。；：（）\s]{1,14}\[\d{4}\]\d{1,4}号$/;

/**
 * The addressees of a covering notice: a short line of recipients ending in a colon, with the
 * collective words such lines always hold (`各…`, `…各部门`, `…各有关单位`).
 */
const addresseeRe =
  /^各[^。；！？]{1,140}[：:]$|^[^。；！？]{1,100}(?:各部门|各单位|各有关单位|各直属机构|各委办局|各有关部门|直属各单位)[^。；！？]{0,60}[：:]$/;

/** Sentences of a covering notice: it hands the plan to its readers. */
const noticeRe =
  /(?:现印发给你们|现予印发|印发给你们|现将[^。]{1,80}印发|请认真贯彻(?:执行|落实)|请认真组织实施|请结合实际[^。]{0,20}(?:贯彻|落实|执行)|已经[^。]{1,40}同意|经[^。]{1,20}同意，现将)/;

/** A signature: an issuing body alone on a line. */
const signatureRe = /^[^，。；：、（）\s]{2,30}(?:人民政府|人民政府办公室|人民政府办公厅|办公室|办公厅|委员会|政府|管理局|管委会)$/;

/** A date line: `2023年4月13日`, `二〇二三年四月十三日`, `（2015年9月15日）`, `中华民国112年3月17日`. */
const dateLineRe =
  /^[（(]?(?:(?:中华民国)?1[0-4]\d|\d{4}|[二][〇○零][〇○零一二三四五六七八九]{2})年(?:\d{1,2}|[一二三四五六七八九十]{1,2})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})日[）)]?$/;

/** `（此件公开发布）`, `（此件主动公开）`, `（此件不公开）`. */
const publicityRe = /^[（(]此件[^）)]{1,12}[）)]$/;

/** An attachment list: `附件：1.…`, `附件1`, `附件下载`. The numbered names after it are files, not tasks. */
const attachmentRe = /^附件(?:[：:]|\d{1,2}(?:[：:.、]|$)|下载|$)/;

/** A page's tail: related links, disclaimers, the editor. */
const tailRe = /^(?:延伸阅读|相关阅读|相关链接|相关文件|相关新闻|相关稿件|推荐阅读|猜你喜欢|声明[：:]|免责声明|责任编辑|上一篇|下一篇|点击查看|扫一扫|分享到)/;

export const framePatterns: readonly FramePattern[] = [
  {
    kind: 'breadcrumb',
    pattern: breadcrumbRe,
    examples: { ok: ['当前位置：首页', '首页 >> 专题专栏 >> 归档专题', '>> 专题专栏 >> 归档专题'], notOk: ['一、优化首页设计'] },
  },
  {
    kind: 'metadata',
    pattern: metadataRe,
    examples: {
      ok: [
        '发布时间：2019年06月25日',
        '时间：2023-07-11 17:01 浏览次数： 信息来源： 市政府',
        '【时效性】尚未施行',
        '索引号MB1534522/2023-05475发文日期2023-01-03',
        '2023-01-05 10:00区人民政府办公室',
        '来源：电子政务网更新时间：2023-09-04',
        '日期：2016-09-06 22:10',
      ],
      notOk: ['责任单位：市发改委', '完成时间：6月底前', '时间节点：2024年'],
    },
  },
  { kind: 'chrome', pattern: chromeRe, examples: { ok: ['• 设为首页', '【打印】【关闭】', '?', '全文', '图片'], notOk: ['全文公开', '图片展示平台建设'] } },
  { kind: 'document-number', pattern: documentNumberRe, examples: { ok: ['鄂政发〔2018〕26号', '州政发〔2020〕5号'], notOk: ['根据鄂政发〔2018〕26号文件'] } },
  {
    kind: 'addressee',
    pattern: addresseeRe,
    examples: {
      ok: ['各县（市、区）人民政府，各开发区管委会，市直各有关单位：', '长乐山工业园区、各街办，区政府各部门，市垂管各单位：'],
      notOk: ['各县区要做好以下工作：加强领导，落实责任。'],
    },
  },
  {
    kind: 'notice',
    pattern: noticeRe,
    examples: {
      ok: ['《工作要点》已经市政府同意，现印发给你们，请认真贯彻落实。', '经市人民政府同意，现将《规划》责任分解印发给你们，请认真组织实施。'],
      notOk: ['印发实施方案，明确任务分工。'],
    },
  },
  {
    kind: 'signature',
    pattern: signatureRe,
    examples: { ok: ['湘西自治州人民政府', '济南市钢城区人民政府办公室', '韶关市政务服务数据管理局'], notOk: ['市政府办公室牵头'] },
  },
  {
    kind: 'date',
    pattern: dateLineRe,
    examples: { ok: ['2020年2月22日', '二〇二三年四月十三日', '（2015年9月15日）', '中华民国112年3月17日'], notOk: ['2020年2月22日前完成'] },
  },
  { kind: 'publicity', pattern: publicityRe, examples: { ok: ['（此件公开发布）'], notOk: ['（此件由市政府办公室负责解释）的说明'] } },
  { kind: 'attachment', pattern: attachmentRe, examples: { ok: ['附件：1.重点任务分工表', '附件1', '附件下载'], notOk: ['附件材料齐全的当场办结'] } },
  { kind: 'tail', pattern: tailRe, examples: { ok: ['延伸阅读：', '声明：本文信息来源于市政府网站', '点击查看>>相关解读'], notOk: ['声明材料一律不需提交'] } },
];

/** The frame kind of a paragraph, or null when it is part of the text. */
export function frameKindOf(folded: string): FrameKind | null {
  if (folded.length > 240) return null;
  for (const { kind, pattern } of framePatterns) if (pattern.test(folded)) return kind;
  return null;
}

/**
 * Words of a title: a task document names its kind. A line with one of them, short and without a
 * sentence end, is a candidate title; the plan's own title wins over its covering notice's.
 */
export const titleWords: readonly string[] = [
  '方案',
  '计划',
  '要点',
  '清单',
  '意见',
  '措施',
  '分解',
  '分工',
  '规划',
  '行动',
  '任务',
  '通知',
  '办法',
  '细则',
  '安排',
  '台账',
  '实事',
  '工作',
];
