import { smoothNoise } from './draws.js';
import { createRng, hashSeed } from './rng.js';
import { HOUR_MS, localTime } from './time.js';

/** The weather of the whole city at one moment; weather stations and weather-coupled sensors read it. */
export interface WeatherState {
  /** °C */
  readonly temperature: number;
  /** % relative humidity */
  readonly humidity: number;
  /** Rain intensity, mm/h; 0 when dry. */
  readonly rainMmPerHour: number;
  readonly raining: boolean;
}

/** Rain comes in 3-hour spells; this share of them is wet (≈ 4 mm/day on average, a wet autumn). */
export const RAIN_PROBABILITY = 0.15;
const RAIN_SPELL_MS = 3 * HOUR_MS;
const MEAN_RAIN_INTENSITY = 0.9;
const MIN_RAIN_INTENSITY = 0.2;

/**
 * A factor that applies only while it rains, rescaled so that its long-run mean is 1: levels stay
 * calibrated on average while wet spells still push readings down.
 */
export function rainFactor(raining: boolean, factorWhileRaining: number): number {
  const mean = 1 - RAIN_PROBABILITY * (1 - factorWhileRaining);
  return (raining ? factorWhileRaining : 1) / mean;
}

function rainAt(seed: number, t: number): number {
  const rng = createRng(hashSeed(seed, 'rain', Math.floor(t / RAIN_SPELL_MS)));
  if (rng.next() >= RAIN_PROBABILITY) return 0;
  return MIN_RAIN_INTENSITY - MEAN_RAIN_INTENSITY * Math.log(1 - rng.next());
}

/** 0 in mid-January, 1 in mid-July. */
function summerness(dayOfYear: number): number {
  return (1 - Math.cos((2 * Math.PI * (dayOfYear - 20)) / 365.25)) / 2;
}

/**
 * A temperate coastal climate: 1 °C in January, 19 °C in July, about 3–7 °C in late November; the
 * daily swing is larger in summer and peaks mid-afternoon; spells of mild or cold weather last days.
 */
export function cityWeather(seed: number, t: number): WeatherState {
  const { hour, dayOfYear } = localTime(t);
  const summer = summerness(dayOfYear);
  const rainMmPerHour = rainAt(seed, t);
  const raining = rainMmPerHour > 0;
  const diurnal = Math.cos((2 * Math.PI * (hour - 14.5)) / 24);
  const spell = smoothNoise(hashSeed(seed, 'temperature'), t, 12 * HOUR_MS);
  const temperature = 1 + 18 * summer + (2 + 3 * summer) * diurnal + 1.5 * spell - (raining ? 0.8 : 0);
  const damp = smoothNoise(hashSeed(seed, 'humidity'), t, 6 * HOUR_MS);
  const humidity = 68 + 16 * (1 - summer) - 8 * diurnal + 4 * damp + (raining ? 12 : 0);
  return { temperature, humidity: Math.min(100, Math.max(20, humidity)), rainMmPerHour, raining };
}
