import type { ClauseMark } from '../mark/index.ts';

/**
 * A document that states `（列第一位为牵头单位，下同）` or `（第一责任单位为牵头单位，下同）` means it for the
 * measure that says it and every later one: in each measure that marks no lead, the first unit
 * listed is the lead. Measures that mark their leads (`A、B分别牵头`, a `牵头单位：` line) keep them.
 * `clausesByMeasure` holds each measure's clauses in document order; the result says, per measure,
 * whether its lead was taken from the first listed unit.
 */
export function applyFirstListedLeads(clausesByMeasure: readonly (readonly ClauseMark[])[]): { clauses: ClauseMark[]; firstListed: boolean }[] {
  let stated = false;
  return clausesByMeasure.map((clauses) => {
    stated ||= clauses.some((clause) => clause.firstListedLead);
    // A measure that marks a lead anywhere (`牵头单位：…` beside `责任单位：…`) keeps its lists as they are.
    if (!stated || clauses.some((clause) => clause.units.some((unit) => unit.role === 'lead'))) return { clauses: [...clauses], firstListed: false };
    const at = clauses.findIndex((clause) => clause.units.some((unit) => unit.role === 'responsible'));
    if (at < 0) return { clauses: [...clauses], firstListed: false };
    const adjusted = clauses.map((clause, index) => {
      if (index !== at) return clause;
      const first = clause.units.findIndex((unit) => unit.role === 'responsible');
      return { ...clause, units: clause.units.map((unit, i) => (i === first ? { ...unit, role: 'lead' as const } : unit)) };
    });
    return { clauses: adjusted, firstListed: true };
  });
}
