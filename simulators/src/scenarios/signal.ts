import type { QuantityId } from '@ssc-monitor/core';
import { DAY_MS, localTime, LOCAL_OFFSET_MS, normaliseWeekly, type LocalTime, type Shape } from './time.js';

/** The knobs a scenario may turn on each quantity of a sensor kind. */
export const SIGNAL_PARAM_NAMES = [
  'level',
  'noise',
  'bias',
  'rain',
  'diurnalAmplitude',
  'weeklyAmplitude',
  'trend',
  'temperatureCoupling',
] as const;

export type SignalParamName = (typeof SIGNAL_PARAM_NAMES)[number];

/**
 * How one quantity of a kind behaves. Defaults are the demo city's calibration; at the defaults a
 * model computes exactly what it always did, so existing seeds keep their readings.
 */
export interface SignalParams {
  /** Weekly mean of a level, or the amount per sensor per day of a counter or volume (canonical unit). */
  readonly level: number;
  /**
   * Standard deviation of the white noise on each reading: relative (0.08 = 8 %) for concentrations,
   * counts and volumes, in the quantity's unit for dB(A), km/h, bar, % and °C.
   */
  readonly noise: number;
  /** Spread of the lasting per-sensor deviation (site, calibration), in the same terms as `noise`. */
  readonly bias: number;
  /** Factor applied while it rains, rescaled so the long-run mean stays put; 1 = no coupling. */
  readonly rain: number;
  /** Scales the swing within a day around the day's mean; 1 = the kind's own profile, 0 = flat. */
  readonly diurnalAmplitude: number;
  /** Scales the difference between weekday and weekend means; 1 = the kind's own, 0 = none. */
  readonly weeklyAmplitude: number;
  /** Compound change per year from the scenario's trend reference date, e.g. −0.05 = −5 %/year. */
  readonly trend: number;
  /** Relative change per °C above the climate's annual mean temperature (heating: negative). */
  readonly temperatureCoupling: number;
}

export type ParamTable = Readonly<Partial<Record<QuantityId, SignalParams>>>;

export function signal(
  level: number,
  noise: number,
  bias: number,
  more: Partial<SignalParams> = {},
): SignalParams {
  const base: SignalParams = {
    level,
    noise,
    bias,
    rain: 1,
    diurnalAmplitude: 1,
    weeklyAmplitude: 1,
    trend: 0,
    temperatureCoupling: 0,
  };
  return { ...base, ...more };
}

/** The kind's defaults, with the scenario's parameters where it gives them. */
export function resolveParams<Q extends QuantityId>(
  defaults: Readonly<Record<Q, SignalParams>>,
  overrides: ParamTable,
): Readonly<Record<Q, SignalParams>> {
  const out: Record<Q, SignalParams> = { ...defaults };
  for (const quantity of Object.keys(defaults) as Q[])
    out[quantity] = overrides[quantity] ?? defaults[quantity];
  return out;
}

/** A Monday 00:00 local time; the five following days are weekdays, then a weekend. */
const REFERENCE_MONDAY = Date.UTC(2024, 0, 1) - LOCAL_OFFSET_MS;
const DAY_SAMPLES = 24 * 12;

function dayMean(shape: Shape, dayStart: number): number {
  let sum = 0;
  for (let i = 0; i < DAY_SAMPLES; i += 1)
    sum += shape(localTime(dayStart + ((i + 0.5) * DAY_MS) / DAY_SAMPLES));
  return sum / DAY_SAMPLES;
}

/** Means of a shape over a weekday (Tuesday) and a weekend day (Sunday). */
function dayTypeMeans(shape: Shape): { weekday: number; weekend: number } {
  return {
    weekday: dayMean(shape, REFERENCE_MONDAY + DAY_MS),
    weekend: dayMean(shape, REFERENCE_MONDAY - DAY_MS),
  };
}

/**
 * Rescales a weekly profile with mean 1, multiplicatively: the day's mean moves by `weekly` times its
 * distance from 1 and the hours by `diurnal` times their distance from the day's mean; the weekly
 * mean (the calibrated level) stays 1. At 1 and 1 the profile itself is returned.
 */
export function modulate(shape: Shape, diurnal: number, weekly: number): Shape {
  if (diurnal === 1 && weekly === 1) return shape;
  const means = dayTypeMeans(shape);
  // Renormalised because amplitudes above 1 clip night hours at zero, which would raise the mean.
  return normaliseWeekly((time: LocalTime) => {
    const mean = time.weekend ? means.weekend : means.weekday;
    const within = 1 + diurnal * (shape(time) / mean - 1);
    return Math.max(0, (1 + weekly * (mean - 1)) * within);
  });
}

/** The additive counterpart of {@link modulate}, for profiles in decibels or degrees. */
export function modulateOffset(shape: Shape, diurnal: number, weekly: number): Shape {
  if (diurnal === 1 && weekly === 1) return shape;
  const means = dayTypeMeans(shape);
  const overall = (5 * means.weekday + 2 * means.weekend) / 7;
  return (time: LocalTime) => {
    const mean = time.weekend ? means.weekend : means.weekday;
    return overall + weekly * (mean - overall) + diurnal * (shape(time) - mean);
  };
}
