import type { QuantityId } from '@ssc-monitor/core';

export interface QuantityDisplay {
  readonly label: string;
  readonly unit: string;
}

/**
 * Labels and canonical units of the core vocabulary, for display only. The browser bundle must not pull
 * core's runtime, so this is a copy; `quantities.test.ts` fails when it drifts from core's QUANTITIES,
 * and the Record type fails to compile when core adds a quantity.
 */
export const QUANTITY_DISPLAY: Readonly<Record<QuantityId, QuantityDisplay>> = {
  pm25: { label: 'PM2.5', unit: 'µg/m³' },
  pm10: { label: 'PM10', unit: 'µg/m³' },
  no2: { label: 'NO₂', unit: 'µg/m³' },
  o3: { label: 'O₃', unit: 'µg/m³' },
  so2: { label: 'SO₂', unit: 'µg/m³' },
  co: { label: 'CO', unit: 'mg/m³' },
  noise_laeq: { label: 'Noise LAeq', unit: 'dB(A)' },
  traffic_count: { label: 'Vehicles counted', unit: 'vehicles' },
  traffic_speed: { label: 'Mean traffic speed', unit: 'km/h' },
  cycling_count: { label: 'Bicycles counted', unit: 'bicycles' },
  energy_kwh: { label: 'Energy consumed', unit: 'kWh' },
  pv_kwh: { label: 'PV energy generated', unit: 'kWh' },
  water_m3: { label: 'Water consumed', unit: 'm³' },
  water_pressure: { label: 'Network pressure', unit: 'bar' },
  water_leakage_m3: { label: 'Water lost to leakage', unit: 'm³' },
  waste_fill_pct: { label: 'Waste bin fill level', unit: '%' },
  temperature: { label: 'Air temperature', unit: '°C' },
  humidity: { label: 'Relative humidity', unit: '%' },
  rain_mm: { label: 'Precipitation', unit: 'mm' },
};

/** Display of a quantity named by the API; an unknown name (newer server) is shown as sent, without unit. */
export function quantityDisplay(id: string): QuantityDisplay {
  return Object.hasOwn(QUANTITY_DISPLAY, id) ? QUANTITY_DISPLAY[id as QuantityId] : { label: id, unit: '' };
}
