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

/** The city's climate: what the weather of a scenario is drawn from. */
export interface Climate {
  /** Share of 3-hour spells that are wet. */
  readonly rainProbability: number;
  /** Mean rain intensity above the minimum, mm/h (exponentially distributed). */
  readonly meanRainIntensity: number;
  /** Mean temperature in mid-January and mid-July, °C. */
  readonly winterTemperature: number;
  readonly summerTemperature: number;
}

/** Rain comes in 3-hour spells; this share of them is wet (≈ 4 mm/day on average, a wet autumn). */
export const RAIN_PROBABILITY = 0.15;
const RAIN_SPELL_MS = 3 * HOUR_MS;
const MIN_RAIN_INTENSITY = 0.2;

/** The demo city: a temperate coastal climate. */
export const DEFAULT_CLIMATE: Climate = {
  rainProbability: RAIN_PROBABILITY,
  meanRainIntensity: 0.9,
  winterTemperature: 1,
  summerTemperature: 19,
};

/**
 * A factor that applies only while it rains, rescaled so that its long-run mean is 1: levels stay
 * calibrated on average while wet spells still push readings down.
 */
export function rainFactor(
  raining: boolean,
  factorWhileRaining: number,
  probability: number = RAIN_PROBABILITY,
): number {
  const mean = 1 - probability * (1 - factorWhileRaining);
  return (raining ? factorWhileRaining : 1) / mean;
}

function rainAt(seed: number, t: number, climate: Climate): number {
  const rng = createRng(hashSeed(seed, 'rain', Math.floor(t / RAIN_SPELL_MS)));
  if (rng.next() >= climate.rainProbability) return 0;
  return MIN_RAIN_INTENSITY - climate.meanRainIntensity * Math.log(1 - rng.next());
}

/** 0 in mid-January, 1 in mid-July. */
function summerness(dayOfYear: number): number {
  return (1 - Math.cos((2 * Math.PI * (dayOfYear - 20)) / 365.25)) / 2;
}

/**
 * The default climate is temperate coastal: 1 °C in January, 19 °C in July, 3–7 °C in late November; the
 * daily swing is larger in summer and peaks mid-afternoon; spells of mild or cold weather last days.
 */
export function cityWeather(seed: number, t: number, climate: Climate = DEFAULT_CLIMATE): WeatherState {
  const { hour, dayOfYear } = localTime(t);
  const summer = summerness(dayOfYear);
  const rainMmPerHour = rainAt(seed, t, climate);
  const raining = rainMmPerHour > 0;
  const diurnal = Math.cos((2 * Math.PI * (hour - 14.5)) / 24);
  const spell = smoothNoise(hashSeed(seed, 'temperature'), t, 12 * HOUR_MS);
  const { winterTemperature: winter, summerTemperature: july } = climate;
  const temperature =
    winter + (july - winter) * summer + (2 + 3 * summer) * diurnal + 1.5 * spell - (raining ? 0.8 : 0);
  const damp = smoothNoise(hashSeed(seed, 'humidity'), t, 6 * HOUR_MS);
  const humidity = 68 + 16 * (1 - summer) - 8 * diurnal + 4 * damp + (raining ? 12 : 0);
  return { temperature, humidity: Math.min(100, Math.max(20, humidity)), rainMmPerHour, raining };
}
