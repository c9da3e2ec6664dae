import type { PolicyDocument } from '../src/schema/index.ts';

/**
 * A document as the short ledger a person checks a fixture against: the title and year, each
 * domain with its lead, each measure with its id, label, title, units by role and deadlines (as
 * written → date), then the warnings as `code line:column`. Only what is there is printed: a
 * measure without supporting units has no `supporting:` line.
 *
 *   title: 某市2023年优化营商环境重点任务
 *   year: 2023 (title)
 *   domain 1 一、 优化政务服务 · lead 市政务服务中心
 *     1.1 [1.] 深化“一网通办”改革
 *       lead: 市大数据局
 *       responsible: 各县区政府、市直有关部门 等
 *       deadlines: 6月底前 → 2023-06-30
 *   warnings:
 *     unit-clause-missing 7:1
 */
export function ledgerOf(doc: PolicyDocument): string {
  const lines: string[] = [];
  lines.push(`title: ${doc.title ?? '—'}`);
  lines.push(`year: ${doc.year ?? '—'}${doc.yearSource ? ` (${doc.yearSource})` : ''}${doc.issued ? ` · issued ${doc.issued}` : ''}`);
  for (const domain of doc.domains) {
    const heading = [domain.label, domain.name].filter((part) => part !== null && part !== '').join(' ');
    const lead = domain.leadUnits.length > 0 ? ` · lead ${domain.leadUnits.join('、')}${domain.leadUnitsOpen ? ' 等' : ''}` : '';
    lines.push(`domain ${domain.index}${heading ? ` ${heading}` : ''}${lead}`);
    for (const measure of domain.measures) {
      lines.push(`  ${measure.id}${measure.label ? ` [${measure.label}]` : ''} ${measure.title}`);
      if (measure.section.length > 0) lines.push(`    section: ${measure.section.join(' / ')}`);
      const roles: [string, readonly string[], boolean][] = [
        [measure.leadRule === 'first-listed' ? 'lead (first listed)' : 'lead', measure.leadUnits, measure.leadUnitsOpen],
        ['responsible', measure.responsibleUnits, measure.responsibleUnitsOpen],
        ['supporting', measure.supportingUnits, measure.supportingUnitsOpen],
      ];
      for (const [role, units, open] of roles) if (units.length > 0 || open) lines.push(`    ${role}: ${units.join('、')}${open ? ' 等' : ''}`);
      if (measure.deadlines.length > 0)
        lines.push(`    deadlines: ${measure.deadlines.map((deadline) => `${deadline.text} → ${deadline.date ?? '—'}`).join('; ')}`);
    }
  }
  if (doc.warnings.length > 0) {
    lines.push('warnings:');
    for (const warning of doc.warnings) lines.push(`  ${warning.code}${warning.line === null ? '' : ` ${warning.line}:${warning.column}`}`);
  }
  return `${lines.join('\n')}\n`;
}
