import type { KpiSnapshot, SensorState } from '@ssc-monitor/core';
import type { MapPlan } from '../features/map/utils/district-metrics';

/** A PM2.5 snapshot as the API serves it; tests override the fields they are about. */
export function kpiSnapshot(overrides: Partial<KpiSnapshot> = {}): KpiSnapshot {
  return {
    id: 'env.air.pm25',
    name: 'Fine particulate matter (PM2.5)',
    dimension: 'Environment',
    subDimension: 'Air quality',
    unit: 'µg/m³',
    direction: 'lower_is_better',
    baseline: { value: 17.8, period: { from: '2024-01-01', to: '2024-12-31' }, source: 'Annual report 2024' },
    targets: [
      { horizon: 'short', date: '2027-12-31', value: 15 },
      { horizon: 'medium', date: '2030-12-31', value: 10 },
    ],
    current: {
      value: 16.24,
      at: Date.UTC(2026, 10, 25, 12, 0, 0),
      readings: 240,
      coverage: null,
      period: null,
    },
    catalogueVersion: '2026.11.1',
    dataQuality: 'accurate_measurement',
    targetsProgress: [
      { horizon: 'short', date: '2027-12-31', value: 15, progress: 0.557 },
      { horizon: 'medium', date: '2030-12-31', value: 10, progress: 0.201 },
    ],
    maturityLevel: null,
    warnings: [],
    nextTarget: { horizon: 'short', date: '2027-12-31', value: 15 },
    progress: 0.557,
    expected: 16.4,
    status: 'on_track',
    ...overrides,
  };
}

export function sensorState(overrides: Partial<SensorState> = {}): SensorState {
  return {
    id: 'aq-centre-1',
    district: 'centre',
    lastSeen: Date.UTC(2026, 10, 25, 12, 0, 0),
    messages: 1200,
    errors: 3,
    latest: { pm25: { value: 12.3, ts: Date.UTC(2026, 10, 25, 12, 0, 0) } },
    ...overrides,
  };
}

const square = (lon: number, lat: number, size = 0.01) => ({
  type: 'Polygon' as const,
  coordinates: [
    [
      [lon, lat],
      [lon + size, lat],
      [lon + size, lat + size],
      [lon, lat + size],
      [lon, lat],
    ],
  ],
});

/** A two-district plan with outlines and positioned sensors: what the map reads of GET /api/plan. */
export function planWithMap(overrides: Partial<MapPlan> = {}): MapPlan {
  return {
    city: {
      districts: [
        { id: 'centre', name: 'Centre', population: 600, geometry: square(10, 60) },
        { id: 'north', name: 'North', population: 400, geometry: square(10, 60.01) },
      ],
    },
    sensors: [
      { id: 'aq-centre-1', district: 'centre', lat: 60.005, lon: 10.005 },
      { id: 'aq-centre-2', district: 'centre', lat: 60.006, lon: 10.004 },
      { id: 'aq-north-1', district: 'north', lat: 60.015, lon: 10.005 },
      { id: 'noise-north-1', district: 'north' },
    ],
    kpis: [{ id: 'env.air.pm25' }],
    ...overrides,
  };
}
