import type { MalformedShape } from './malformed.js';
import { MALFORMED_SHAPES } from './malformed.js';

/** A fault that lasts: a share of each sensor's time windows of `durationMs` is affected. */
export interface EpisodeFault {
  /** Share of sensor-windows affected, 0…1. */
  readonly rate: number;
  readonly durationMs: number;
}

/**
 * What goes wrong, and how often. Per-message rates are the chance that one message is hit; episode
 * rates the share of sensor time spent in the fault. Every decision is a hash of the seed, the fault,
 * the sensor and the time, so the same seed injects the same faults.
 */
export interface FaultConfig {
  /** A message is lost. */
  readonly dropout: number;
  /** The sensor says nothing for a whole window. */
  readonly silent: EpisodeFault;
  /** One reading is multiplied by `factor`. */
  readonly spike: { readonly rate: number; readonly factor: number };
  /** The sensor repeats the values of the window's first message. */
  readonly stuck: EpisodeFault;
  /** Values drift away linearly, reaching `magnitude` (relative, e.g. 0.3) at the window's end. */
  readonly drift: EpisodeFault & { readonly magnitude: number };
  /** The sensor's clock runs `offsetMs` ahead or behind for a window. */
  readonly clockSkew: EpisodeFault & { readonly offsetMs: number };
  /** A message is delivered twice. */
  readonly duplicate: number;
  /** A message is held back and delivered after the next interval's messages. */
  readonly outOfOrder: number;
  /** A payload is replaced by one of the malformed shapes. */
  readonly malformed: { readonly rate: number; readonly shapes: readonly MalformedShape[] };
  /** Values are sent in another unit than the one they are labelled with. */
  readonly wrongUnit: number;
}

export type FaultName = keyof FaultConfig;

const HOUR_MS = 3_600_000;

export const NO_FAULTS: FaultConfig = {
  dropout: 0,
  silent: { rate: 0, durationMs: 6 * HOUR_MS },
  spike: { rate: 0, factor: 8 },
  stuck: { rate: 0, durationMs: 2 * HOUR_MS },
  drift: { rate: 0, durationMs: 7 * 24 * HOUR_MS, magnitude: 0.3 },
  clockSkew: { rate: 0, durationMs: 24 * HOUR_MS, offsetMs: 15 * 60_000 },
  duplicate: 0,
  outOfOrder: 0,
  malformed: { rate: 0, shapes: MALFORMED_SHAPES },
  wrongUnit: 0,
};

/** The rate of each fault, whatever its shape. */
export function faultRates(config: FaultConfig): Record<FaultName, number> {
  const rate = (f: number | { rate: number }): number => (typeof f === 'number' ? f : f.rate);
  return {
    dropout: rate(config.dropout),
    silent: rate(config.silent),
    spike: rate(config.spike),
    stuck: rate(config.stuck),
    drift: rate(config.drift),
    clockSkew: rate(config.clockSkew),
    duplicate: rate(config.duplicate),
    outOfOrder: rate(config.outOfOrder),
    malformed: rate(config.malformed),
    wrongUnit: rate(config.wrongUnit),
  };
}

export function hasFaults(config: FaultConfig): boolean {
  return Object.values(faultRates(config)).some((r) => r > 0);
}
