import type { QuantityId } from '@ssc-monitor/core';
import { rngAt, smoothNoise } from '../draws.js';
import type { KindModel } from '../model.js';
import { hashSeed } from '../rng.js';
import { siteFactor, TRAFFIC_SHAPE, vary } from '../shapes.js';
import { bump, HOUR_MS, normaliseWeekly, type LocalTime } from '../time.js';
import { rainFactor } from '../weather.js';

const QUANTITIES: readonly QuantityId[] = ['pm25', 'pm10', 'no2', 'o3'];

/** City-wide weekly means (µg/m³): where the demo city stands today, between baseline and target. */
const PM25 = 14;
const PM10 = 24;
const NO2 = 30;
const O3 = 55;

/** Fine particles: traffic plus domestic wood heating in the evening. */
const PM25_SHAPE = normaliseWeekly(
  (time: LocalTime) => 0.8 + 0.15 * TRAFFIC_SHAPE(time) + 0.35 * bump(time.hour, 20, 2.2),
);
/** Coarse particles: more road dust, so more traffic-driven. */
const PM10_SHAPE = normaliseWeekly(
  (time: LocalTime) => 0.6 + 0.35 * TRAFFIC_SHAPE(time) + 0.3 * bump(time.hour, 20, 2.2),
);

export const AIR_QUALITY: KindModel = {
  quantities: QUANTITIES,
  sample(sensor, { t, mid, local, weather }) {
    const rng = rngAt(sensor.key, t);
    const traffic = TRAFFIC_SHAPE(local);
    const site = siteFactor(sensor.bias, 0.12);
    const particles = smoothNoise(sensor.key, mid, 2 * HOUR_MS);
    const gases = smoothNoise(hashSeed(sensor.key, 'gases'), mid, 2 * HOUR_MS);
    const pm25 = PM25 * PM25_SHAPE(local) * rainFactor(weather.raining, 0.7) * site;
    const pm10 = PM10 * PM10_SHAPE(local) * rainFactor(weather.raining, 0.6) * site;
    const no2 = NO2 * (0.45 + 0.55 * traffic) * siteFactor(sensor.bias, 0.15);
    // Ozone peaks in the afternoon sun and is titrated by traffic NO near roads.
    const sunlight = 0.3 * Math.cos((2 * Math.PI * (local.hour - 15)) / 24);
    const o3 = O3 * (1 + sunlight - 0.12 * (traffic - 1)) * (1 - 0.08 * sensor.bias);
    return [
      vary(vary(pm25, 0.1, particles), 0.08, rng.gaussian()),
      vary(vary(pm10, 0.12, particles), 0.08, rng.gaussian()),
      vary(vary(no2, 0.1, gases), 0.08, rng.gaussian()),
      vary(vary(o3, 0.08, -gases), 0.06, rng.gaussian()),
    ];
  },
};
