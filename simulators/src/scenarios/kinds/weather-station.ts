import { rngAt } from '../draws.js';
import type { KindDefinition, KindModel } from '../model.js';
import { vary } from '../shapes.js';
import { resolveParams, signal, type ParamTable } from '../signal.js';
import { HOUR_MS } from '../time.js';

type Q = 'temperature' | 'humidity' | 'rain_mm';
const QUANTITIES: readonly Q[] = ['temperature', 'humidity', 'rain_mm'];

/**
 * A station reads the city's weather (set by the scenario's climate, not by a level) with its own
 * small offsets and noise: °C and % for temperature and humidity, relative for rain.
 */
const DEFAULTS = {
  temperature: signal(NaN, 0.15, 0.3),
  humidity: signal(NaN, 1, 1.5),
  rain_mm: signal(NaN, 0.1, 0.05),
} as const;

function create(params: ParamTable): KindModel {
  const p = resolveParams<Q>(DEFAULTS, params);
  return {
    quantities: QUANTITIES,
    sample(sensor, { t, dtMs, weather }) {
      const rng = rngAt(sensor.key, t);
      const temperature =
        weather.temperature + p.temperature.bias * sensor.bias + p.temperature.noise * rng.gaussian();
      const humidity = weather.humidity - p.humidity.bias * sensor.bias + p.humidity.noise * rng.gaussian();
      const rain = (weather.rainMmPerHour * (1 + p.rain_mm.bias * sensor.bias) * dtMs) / HOUR_MS;
      return [temperature, Math.min(100, Math.max(0, humidity)), vary(rain, p.rain_mm.noise, rng.gaussian())];
    },
  };
}

const FOLLOWS_WEATHER = ['level', 'rain', 'diurnalAmplitude', 'weeklyAmplitude'] as const;

export const WEATHER_STATION_KIND: KindDefinition = {
  quantities: QUANTITIES,
  defaults: DEFAULTS,
  ignores: { temperature: FOLLOWS_WEATHER, humidity: FOLLOWS_WEATHER, rain_mm: FOLLOWS_WEATHER },
  create,
};
