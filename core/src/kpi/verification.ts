import type { PlanKpi } from '../plan/plan.js';
import type { Direction } from './definition.js';
import type { KpiSnapshot } from './snapshot.js';

/** A KPI that by definition cannot exceed another (PM2.5 is part of PM10). */
const ORDERING: ReadonlyArray<readonly [string, string, string]> = [
  ['env.air.pm25', 'env.air.pm10', 'PM2.5 is part of PM10'],
  ['env.air.pm25.annual', 'env.air.pm10.annual', 'PM2.5 is part of PM10'],
];

const SHARE_TOLERANCE = 2;

/**
 * Checks from the U4SSC verification practice, run on every computed value; they warn, never block:
 * shares within 0–100 % (± 2 %), ordering rules between KPIs, enough coverage, and a frozen baseline
 * whose catalogue definition has changed since.
 */
export function verificationWarnings(
  snapshot: Pick<KpiSnapshot, 'id' | 'unit' | 'current' | 'catalogueVersion'>,
  planKpi: PlanKpi,
  valueOf: (id: string) => number | null,
  minCoverage: number,
): string[] {
  const warnings: string[] = [];
  const value = snapshot.current.value;
  if (value !== null && snapshot.unit === '%' && (value < -SHARE_TOLERANCE || value > 100 + SHARE_TOLERANCE))
    warnings.push(`a share of ${value.toFixed(1)} % is outside 0–100 % (± ${SHARE_TOLERANCE} %)`);
  for (const [smaller, larger, why] of ORDERING) {
    const other =
      snapshot.id === smaller ? valueOf(larger) : snapshot.id === larger ? valueOf(smaller) : null;
    if (value === null || other === null) continue;
    const [small, large] = snapshot.id === smaller ? [value, other] : [other, value];
    if (small > large)
      warnings.push(
        `${smaller} (${small.toFixed(1)}) exceeds ${larger} (${large.toFixed(1)}), but ${why}: check the sensors`,
      );
  }
  const coverage = snapshot.current.coverage;
  if (coverage !== null && coverage < minCoverage)
    warnings.push(
      `only ${Math.round(coverage * 100)} % of the period has data (rule: ${Math.round(minCoverage * 100)} %): the value may not be representative`,
    );
  const frozen = planKpi.baseline.frozen;
  if (frozen !== undefined && frozen.catalogueVersion !== snapshot.catalogueVersion)
    warnings.push(
      `the baseline was frozen under catalogue ${frozen.catalogueVersion}; values now come from ${snapshot.catalogueVersion}`,
    );
  return warnings;
}

/** The highest ITU-T Y.4904 maturity level whose value the KPI reaches, or null. */
export function maturityLevel(planKpi: PlanKpi, value: number | null, direction: Direction): number | null {
  if (value === null || planKpi.maturity === undefined) return null;
  const reached = planKpi.maturity.filter((m) =>
    direction === 'lower_is_better' ? value <= m.value : value >= m.value,
  );
  return reached.length === 0 ? null : Math.max(...reached.map((m) => m.level));
}
