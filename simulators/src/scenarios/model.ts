import type { QuantityId } from '@ssc-monitor/core';
import type { ParamTable, SignalParamName } from './signal.js';
import type { LocalTime } from './time.js';
import type { Climate, WeatherState } from './weather.js';

/** What a kind model knows about one sensor; fixed for the life of a simulated city. */
export interface SensorProfile {
  readonly id: string;
  /** Hash of the city seed and the sensor id: the root of all the sensor's random streams. */
  readonly key: number;
  /**
   * The sensor's lasting deviation (site, calibration), standard normal and centred over the
   * sensors of its kind, so city-wide means and totals keep their calibrated level.
   */
  readonly bias: number;
  /** Position among the sensors of its kind, and their number. */
  readonly index: number;
  readonly count: number;
}

/** The interval a batch of readings covers. */
export interface Interval {
  /** End of the interval, epoch ms: the timestamp of its readings. */
  readonly t: number;
  readonly dtMs: number;
  /** Midpoint, epoch ms: rates and levels are evaluated there, so sums do not depend on Δt. */
  readonly mid: number;
  readonly local: LocalTime;
  readonly weather: WeatherState;
  readonly climate: Climate;
}

/**
 * The readings model of one sensor kind. Counters and volumes are amounts over the interval
 * (rate × Δt); levels are the value over the interval.
 */
export interface KindModel {
  readonly quantities: readonly QuantityId[];
  /** Values in the canonical units of `quantities`, in the same order. */
  sample(sensor: SensorProfile, interval: Interval): readonly number[];
}

/** A sensor kind: its quantities, their calibrated parameters and a model built from parameters. */
export interface KindDefinition {
  readonly quantities: readonly QuantityId[];
  readonly defaults: ParamTable;
  /**
   * Parameters the model has no use for, per quantity (trend and temperature coupling always apply):
   * a scenario that sets one is told so rather than silently ignored.
   */
  readonly ignores: Readonly<Partial<Record<QuantityId, readonly SignalParamName[]>>>;
  create(params: ParamTable): KindModel;
}
