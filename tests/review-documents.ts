/**
 * Documents for the review page's tests, in the genre's style and the project's own words: one
 * that tries every way a document could smuggle markup or script into the page, and one in
 * Traditional script.
 */

/** Markup in the title, a domain heading, a measure and unit names (quotes included). */
export const hostileText = `关于<script>window.__pwned=1</script>推进营商环境建设的实施方案

一、优化政务服务<img src=x onerror="window.__pwned=2">

1.建立“快速响应”机制</textarea><style>body{display:none}</style>，2023年6月底前完成。（牵头单位：省"onmouseover=window.__pwned=3 x="办公厅；责任单位：各市'<svg onload=window.__pwned=4>'政府）

2.推进&lt;b&gt;政务服务一网通办，事项网上可办率达到90%以上，2023年12月底前完成。（牵头单位：省大数据局；配合单位：省<iframe src=javascript:alert(1)>厅）
`;

/** A Taiwanese plan: formal-numeral domains, years of the Republic of China. */
export const traditionalText = `臺中市113年度優化營商環境重點工作分工方案

壹、提升行政服務效能

一、推動線上申辦全面上線，簡化申請文件與流程，線上申辦比率達到80%以上。（牽頭單位：市政府資訊中心；責任單位：市政府法制局、各區公所）113年6月底前完成。

二、建立企業服務專責窗口，定期訪視重點產業，協助解決投資障礙。（牽頭單位：經濟發展局；配合單位：都市發展局、地方稅務局）113年12月底前完成。

貳、優化投資環境

一、檢討土地使用管制規定，縮短建築執照審查時間至30個工作日以內。（牽頭單位：都市發展局）113年9月底前完成。
`;
