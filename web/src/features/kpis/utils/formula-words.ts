import type { DayAggregate, Formula, KpiWindow, SpatialAggregation } from '@ssc-monitor/core';
import { quantityDisplay } from '../../../config/quantities';
import { formatDuration, formatNumber, withUnit } from '../../../lib/format';

function readings(quantity: string): string {
  const { label, unit } = quantityDisplay(quantity);
  return unit === '' ? `${label} readings` : `${label} readings (${unit})`;
}

const times = (scale: number | undefined): string =>
  scale === undefined || scale === 1 ? '' : ` × ${formatNumber(scale, { trim: true })}`;

/** "55 dB(A)": a threshold in the quantity's unit. */
function threshold(quantity: string, value: number): string {
  return withUnit(formatNumber(value, { trim: true }), quantityDisplay(quantity).unit);
}

const DAY_VALUES: Readonly<Record<DayAggregate, string>> = {
  mean: 'daily mean',
  max: 'daily highest',
  min: 'daily lowest',
  sum: 'daily total',
};

/** "daily mean PM2.5 (µg/m³)": how a day-based formula reduces each station's day. */
function dailyValue(day: DayAggregate, quantity: string): string {
  const { label, unit } = quantityDisplay(quantity);
  return `${DAY_VALUES[day]} ${label}${unit === '' ? '' : ` (${unit})`}`;
}

/** 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 99th, 97.5th. */
export function ordinal(n: number): string {
  const text = formatNumber(n, { trim: true });
  if (!Number.isInteger(n)) return `${text}th`;
  const lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return `${text}th`;
  const suffix = { 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th';
  return `${text}${suffix}`;
}

/** A KPI formula as a planner would say it, e.g. "Mean of all PM2.5 readings (µg/m³) across sensors". */
export function formulaInWords(formula: Formula): string {
  switch (formula.kind) {
    case 'mean':
      return `Mean of all ${readings(formula.quantity)} across sensors`;
    case 'sum':
      return `Sum of all ${readings(formula.quantity)}${times(formula.scale)}`;
    case 'min':
      return `Lowest of all ${readings(formula.quantity)} across sensors`;
    case 'max':
      return `Highest of all ${readings(formula.quantity)} across sensors`;
    case 'share_above':
      return `Share of ${readings(formula.quantity)} above ${threshold(formula.quantity, formula.threshold)}, in percent`;
    case 'share_below':
      return `Share of ${readings(formula.quantity)} at or below ${threshold(formula.quantity, formula.threshold)}, in percent`;
    case 'ratio':
      return `Sum of ${readings(formula.numerator)} ÷ sum of ${readings(formula.denominator)}${times(formula.scale)}`;
    case 'per_capita': {
      const perDay = formula.perDay === true ? ' ÷ days in the window' : '';
      return `Sum of all ${readings(formula.quantity)}${times(formula.scale)} ÷ city population${perDay}`;
    }
    case 'median':
      return `Median of the city's ${dailyValue(formula.day, formula.quantity)} over the days with enough data`;
    case 'percentile':
      return `${ordinal(formula.p)} percentile (nearest rank) of the city's ${dailyValue(formula.day, formula.quantity)} over the days with enough data`;
    case 'count_days_above':
      return `Days whose ${dailyValue(formula.day, formula.quantity)} is above ${threshold(formula.quantity, formula.threshold)} (days with enough data)`;
    case 'change_rate': {
      const inner = formulaInWords(formula.of);
      return `Change in percent from the previous period of: ${inner.charAt(0).toLowerCase()}${inner.slice(1)}`;
    }
  }
}

const CALENDAR_UNITS = { day: 'day', month: 'month', year: 'year' } as const;

export function windowInWords(window: KpiWindow): string {
  if (window.kind === 'calendar')
    return `Calendar ${CALENDAR_UNITS[window.unit]} to date, in the city's time zone`;
  return `Rolling ${formatDuration(window.ms)}, ending at the newest reading`;
}

const SPATIAL: Readonly<Record<SpatialAggregation, string>> = {
  pooled: 'All readings pooled, whichever station sent them',
  stations: 'Each station first, then the mean of stations',
  districts: 'Each district (mean of its stations) first, then the mean of districts',
  population_weighted: 'Each district (mean of its stations), weighted by district population',
};

export function spatialInWords(spatial: SpatialAggregation | undefined): string {
  return SPATIAL[spatial ?? 'pooled'];
}
