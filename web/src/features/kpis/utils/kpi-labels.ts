import type { Baseline, KpiSnapshot, Target } from '@ssc-monitor/core';
import { formatPercent, formatValue, planYear } from '../../../lib/format';
import { statusLabel } from '../../../lib/kpi-status';

/** "2024", or "2023–2024" for a period spanning years. */
export function periodYears(period: Baseline['period']): string {
  const from = planYear(period.from);
  const to = planYear(period.to);
  return from === to ? from : `${from}–${to}`;
}

/** "2027 target 15 µg/m³", how targets are spoken of in a plan. */
export function targetLabel(target: Target, unit: string): string {
  return `${planYear(target.date)} target ${formatValue(target.value, unit, { trim: true })}`;
}

/** "Baseline 17.8 µg/m³ (2024)". */
export function baselineLabel(baseline: Baseline, unit: string): string {
  return `Baseline ${formatValue(baseline.value, unit, { trim: true })} (${periodYears(baseline.period)})`;
}

/** Everything a tile shows, as one sentence for screen readers. */
export function kpiTileSummary(kpi: KpiSnapshot): string {
  const value =
    kpi.current.value === null
      ? 'no data'
      : `${formatValue(kpi.current.value, kpi.unit)}, ${statusLabel(kpi.status)}`;
  const parts = [`${kpi.name}: ${value}.`, `${baselineLabel(kpi.baseline, kpi.unit)}.`];
  if (kpi.nextTarget !== null) {
    const progress = kpi.progress === null ? '' : `, ${formatPercent(kpi.progress)} of the way there`;
    parts.push(`${targetLabel(kpi.nextTarget, kpi.unit)}${progress}.`);
  }
  parts.push('Open details.');
  return parts.join(' ');
}
