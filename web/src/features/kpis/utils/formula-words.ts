import type { Formula, KpiWindow } from '@ssc-monitor/core';
import { quantityDisplay } from '../../../config/quantities';
import { formatCount, formatNumber, withUnit } from '../../../lib/format';

function readings(quantity: string): string {
  const { label, unit } = quantityDisplay(quantity);
  return unit === '' ? `${label} readings` : `${label} readings (${unit})`;
}

const times = (scale: number | undefined): string =>
  scale === undefined || scale === 1 ? '' : ` × ${formatNumber(scale, { trim: true })}`;

/** A KPI formula as a planner would say it, e.g. "Mean of all PM2.5 readings (µg/m³) across sensors". */
export function formulaInWords(formula: Formula): string {
  switch (formula.kind) {
    case 'mean':
      return `Mean of all ${readings(formula.quantity)} across sensors`;
    case 'sum':
      return `Sum of all ${readings(formula.quantity)}${times(formula.scale)}`;
    case 'share_above': {
      const threshold = withUnit(
        formatNumber(formula.threshold, { trim: true }),
        quantityDisplay(formula.quantity).unit,
      );
      return `Share of ${readings(formula.quantity)} above ${threshold}, in percent`;
    }
    case 'ratio':
      return `Sum of ${readings(formula.numerator)} ÷ sum of ${readings(formula.denominator)}${times(formula.scale)}`;
    case 'per_capita':
      return `Sum of all ${readings(formula.quantity)}${times(formula.scale)} ÷ city population`;
  }
}

/** "24 h", "7 d", "30 min": a window length as people write it. */
export function formatDuration(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 60) return `${formatCount(minutes)} min`;
  const hours = minutes / 60;
  if (hours <= 48 || hours % 24 !== 0) return `${formatNumber(hours, { trim: true })} h`;
  return `${formatCount(hours / 24)} d`;
}

export function windowInWords(window: KpiWindow): string {
  return `Rolling ${formatDuration(window.ms)}, ending at the newest reading`;
}
