import type { KpiSnapshot } from '@ssc-monitor/core';
import { toCsv } from '../../../lib/export/csv';

/** The plan's targets of a KPI, with the baseline they are measured from, for a spreadsheet. */
export function targetsCsv(kpi: KpiSnapshot): string {
  const { baseline } = kpi;
  return toCsv(
    [
      { header: 'kpi_id', value: () => kpi.id },
      { header: 'horizon', value: (t: KpiSnapshot['targets'][number]) => t.horizon },
      { header: 'due', value: (t) => t.date },
      { header: `target [${kpi.unit}]`, value: (t) => t.value },
      { header: `baseline [${kpi.unit}]`, value: () => baseline.value },
      { header: 'baseline_from', value: () => baseline.period.from },
      { header: 'baseline_to', value: () => baseline.period.to },
      // A ratio, not a percentage string, so a spreadsheet can compute with it.
      {
        header: 'change_from_baseline',
        value: (t) => (baseline.value === 0 ? null : (t.value - baseline.value) / baseline.value),
      },
      { header: 'next', value: (t) => (kpi.nextTarget?.date === t.date ? 'yes' : 'no') },
    ],
    kpi.targets,
  );
}
