import type { ClauseMark } from '../mark/index.ts';

/**
 * A document that states `（列第一位为牵头单位，下同）` or `（第一责任单位为牵头单位，下同）` means it for the
 * clause that says it and every later one: in each list that marks no lead, the first unit listed
 * is the lead. Lists that mark their leads (`A、B分别牵头`) keep them. `clausesByMeasure` holds each
 * measure's clauses in document order; the result says, per measure, which units moved.
 */
export function applyFirstListedLeads(clausesByMeasure: readonly (readonly ClauseMark[])[]): { clauses: ClauseMark[]; firstListed: boolean }[] {
  let stated = false;
  return clausesByMeasure.map((clauses) => {
    let firstListed = false;
    const adjusted = clauses.map((clause) => {
      stated ||= clause.firstListedLead;
      if (!stated || clause.units.some((unit) => unit.role === 'lead')) return clause;
      const first = clause.units.findIndex((unit) => unit.role === 'responsible');
      if (first < 0) return clause;
      firstListed = true;
      return { ...clause, units: clause.units.map((unit, index) => (index === first ? { ...unit, role: 'lead' as const } : unit)) };
    });
    return { clauses: adjusted, firstListed };
  });
}
