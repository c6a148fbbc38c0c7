import type { QuantityId } from '@ssc-monitor/core';
import { rngAt } from '../draws.js';
import type { KindModel } from '../model.js';
import { vary } from '../shapes.js';
import { HOUR_MS } from '../time.js';

const QUANTITIES: readonly QuantityId[] = ['temperature', 'humidity', 'rain_mm'];

/** A station reads the city's weather with its own small offsets and noise. */
export const WEATHER_STATION: KindModel = {
  quantities: QUANTITIES,
  sample(sensor, { t, dtMs, weather }) {
    const rng = rngAt(sensor.key, t);
    const temperature = weather.temperature + 0.3 * sensor.bias + 0.15 * rng.gaussian();
    const humidity = weather.humidity - 1.5 * sensor.bias + rng.gaussian();
    const rain = (weather.rainMmPerHour * (1 + 0.05 * sensor.bias) * dtMs) / HOUR_MS;
    return [temperature, Math.min(100, Math.max(0, humidity)), vary(rain, 0.1, rng.gaussian())];
  },
};
