import { rngAt, smoothNoise } from '../draws.js';
import type { KindDefinition, KindModel } from '../model.js';
import { hashSeed } from '../rng.js';
import { siteFactor, TRAFFIC_SHAPE, vary } from '../shapes.js';
import { modulate, resolveParams, signal, type ParamTable } from '../signal.js';
import { bump, HOUR_MS, normaliseWeekly, type LocalTime } from '../time.js';
import { rainFactor } from '../weather.js';

type Q = 'pm25' | 'pm10' | 'no2' | 'o3';
const QUANTITIES: readonly Q[] = ['pm25', 'pm10', 'no2', 'o3'];

/**
 * City-wide weekly means (µg/m³): where the demo city stands today, between baseline and target.
 * Rain washes particles out; NO₂ follows traffic; ozone peaks in the afternoon sun.
 */
const DEFAULTS = {
  pm25: signal(14, 0.08, 0.12, { rain: 0.7 }),
  pm10: signal(24, 0.08, 0.12, { rain: 0.6 }),
  no2: signal(30, 0.08, 0.15),
  o3: signal(55, 0.06, 0.08),
} as const;

/** Fine particles: traffic plus domestic wood heating in the evening. */
const PM25_SHAPE = normaliseWeekly(
  (time: LocalTime) => 0.8 + 0.15 * TRAFFIC_SHAPE(time) + 0.35 * bump(time.hour, 20, 2.2),
);
/** Coarse particles: more road dust, so more traffic-driven. */
const PM10_SHAPE = normaliseWeekly(
  (time: LocalTime) => 0.6 + 0.35 * TRAFFIC_SHAPE(time) + 0.3 * bump(time.hour, 20, 2.2),
);

function create(params: ParamTable): KindModel {
  const p = resolveParams<Q>(DEFAULTS, params);
  const pm25Shape = modulate(PM25_SHAPE, p.pm25.diurnalAmplitude, p.pm25.weeklyAmplitude);
  const pm10Shape = modulate(PM10_SHAPE, p.pm10.diurnalAmplitude, p.pm10.weeklyAmplitude);
  const no2Traffic = modulate(TRAFFIC_SHAPE, p.no2.diurnalAmplitude, p.no2.weeklyAmplitude);
  return {
    quantities: QUANTITIES,
    sample(sensor, { t, mid, local, weather, climate }) {
      const rng = rngAt(sensor.key, t);
      const wet = (factor: number) => rainFactor(weather.raining, factor, climate.rainProbability);
      const traffic = TRAFFIC_SHAPE(local);
      const particles = smoothNoise(sensor.key, mid, 2 * HOUR_MS);
      const gases = smoothNoise(hashSeed(sensor.key, 'gases'), mid, 2 * HOUR_MS);
      const pm25 = p.pm25.level * pm25Shape(local) * wet(p.pm25.rain) * siteFactor(sensor.bias, p.pm25.bias);
      const pm10 = p.pm10.level * pm10Shape(local) * wet(p.pm10.rain) * siteFactor(sensor.bias, p.pm10.bias);
      const no2 = p.no2.level * (0.45 + 0.55 * no2Traffic(local)) * siteFactor(sensor.bias, p.no2.bias);
      // Ozone peaks in the afternoon sun and is titrated by traffic NO near roads.
      const sunlight = p.o3.diurnalAmplitude * 0.3 * Math.cos((2 * Math.PI * (local.hour - 15)) / 24);
      const o3 = p.o3.level * (1 + sunlight - 0.12 * (traffic - 1)) * (1 - p.o3.bias * sensor.bias);
      return [
        vary(vary(pm25, 0.1, particles), p.pm25.noise, rng.gaussian()),
        vary(vary(pm10, 0.12, particles), p.pm10.noise, rng.gaussian()),
        vary(vary(no2, 0.1, gases), p.no2.noise, rng.gaussian()),
        vary(vary(o3, 0.08, -gases), p.o3.noise, rng.gaussian()),
      ];
    },
  };
}

export const AIR_QUALITY_KIND: KindDefinition = {
  quantities: QUANTITIES,
  defaults: DEFAULTS,
  ignores: {
    no2: ['rain'],
    o3: ['rain', 'weeklyAmplitude'],
  },
  create,
};
