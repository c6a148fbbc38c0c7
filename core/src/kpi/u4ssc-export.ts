import type { Plan } from '../plan/plan.js';
import type { KpiDefinition } from './definition.js';
import type { KpiSnapshot } from './snapshot.js';

export const U4SSC_EXPORT_COLUMNS = [
  'code',
  'reference',
  'name',
  'dimension',
  'sub_dimension',
  'value',
  'unit',
  'year',
  'data_quality',
  'source',
  'baseline',
  'baseline_year',
  'next_target',
  'target_year',
  'status',
] as const;

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(Math.round(value * 1000) / 1000) : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The KPI table as the U4SSC verification process asks for it: code, value, unit, year, data quality
 * and source per KPI, with the plan's baseline and next target beside it. RFC 4180 CSV.
 */
export function u4sscCsv(
  plan: Plan,
  snapshots: readonly KpiSnapshot[],
  definitions: (id: string) => KpiDefinition | undefined,
): string {
  const rows = snapshots.map((kpi) => {
    const definition = definitions(kpi.id);
    const entry = plan.kpis.find((k) => k.id === kpi.id);
    const at = kpi.current.at === null ? null : new Date(kpi.current.at).getUTCFullYear();
    const quality = kpi.current.value === null ? 'unknown' : 'accurate_measurement';
    return [
      kpi.id,
      definition?.reference ?? '',
      kpi.name,
      kpi.dimension,
      kpi.subDimension,
      kpi.current.value,
      kpi.unit,
      at,
      quality,
      `ssc-monitor sensors (${kpi.current.readings} readings; catalogue ${kpi.catalogueVersion})`,
      entry?.baseline.value ?? null,
      entry?.baseline.period.to.slice(0, 4) ?? null,
      kpi.nextTarget?.value ?? null,
      kpi.nextTarget?.date.slice(0, 4) ?? null,
      kpi.status,
    ].map(csvCell);
  });
  return [U4SSC_EXPORT_COLUMNS.join(','), ...rows.map((r) => r.join(','))].join('\r\n') + '\r\n';
}
