import { describe, expect, it } from 'vitest';
import type { SensorState } from '@ssc-monitor/core';
import { kpiSnapshot, planWithMap, sensorState } from '../../../test-support/fixtures';
import { NO_DATA_FILL, SEQUENTIAL, sequentialColour, valueColour } from './colour-scale';
import { districtStatuses, parseMetric } from './district-metrics';
import { buildMapModel, quantityOptions, type MapModelInput } from './map-model';

const NOW = Date.UTC(2026, 10, 25, 12);
const HOUR = 3_600_000;
const plan = planWithMap();

const pm25 = (id: string, district: string, value: number, ts = NOW): SensorState =>
  sensorState({ id, district, latest: { pm25: { value, ts } } });

function model(overrides: Partial<MapModelInput> = {}) {
  return buildMapModel({
    plan,
    sensors: [
      pm25('aq-centre-1', 'centre', 10),
      pm25('aq-centre-2', 'centre', 20),
      pm25('aq-north-1', 'north', 40),
    ],
    kpis: [],
    silentIds: new Set(),
    metric: { kind: 'quantity', quantity: 'pm25' },
    heat: null,
    now: NOW,
    maxAgeMs: 24 * HOUR,
    ...overrides,
  });
}

describe('districts by quantity', () => {
  it('colours each district by the mean of its sensors on a scale over the districts', () => {
    const { districts, scale } = model();
    expect(districts.map((d) => [d.id, d.value, d.text])).toEqual([
      ['centre', 15, '15.0 µg/m³'],
      ['north', 40, '40.0 µg/m³'],
    ]);
    expect(scale).toEqual({ min: 15, max: 40, unit: 'µg/m³' });
    expect(districts.map((d) => d.fill)).toEqual([SEQUENTIAL[0], SEQUENTIAL[8]]);
  });

  it('leaves out stale values, and says "no recent data" rather than colouring the district', () => {
    const { districts } = model({
      sensors: [pm25('aq-centre-1', 'centre', 10), pm25('aq-north-1', 'north', 40, NOW - 25 * HOUR)],
    });
    expect(districts[1]).toMatchObject({ value: null, text: 'no recent data', fill: NO_DATA_FILL });
  });
});

describe('districts by status', () => {
  it('takes the worst status of the KPIs covering each district; scoped KPIs only their districts', () => {
    const scoped = planWithMap({
      kpis: [...plan.kpis, { id: 'north-only', scope: { districts: ['north'] } }],
    });
    const statuses = districtStatuses(scoped, [
      kpiSnapshot({ status: 'at_risk' }),
      kpiSnapshot({ id: 'north-only', name: 'North KPI', status: 'off_track' }),
    ]);
    expect(statuses.get('centre')).toEqual({ status: 'at_risk', offTrack: [] });
    expect(statuses.get('north')).toEqual({ status: 'off_track', offTrack: ['North KPI'] });
  });

  it('labels the status in words on the district', () => {
    const { districts } = model({ metric: { kind: 'status' }, kpis: [kpiSnapshot({ status: 'off_track' })] });
    expect(districts.map((d) => [d.status, d.text])).toEqual([
      ['off_track', 'Off track'],
      ['off_track', 'Off track'],
    ]);
    expect(model({ metric: { kind: 'status' } }).districts[0]?.fill).toBe(NO_DATA_FILL);
  });

  it('reads the metric from the URL, falling back to status', () => {
    const known = new Set(['pm25']);
    expect(parseMetric('pm25', known)).toEqual({ kind: 'quantity', quantity: 'pm25' });
    expect(parseMetric('radon', known)).toEqual({ kind: 'status' });
    expect(parseMetric(null, known)).toEqual({ kind: 'status' });
  });
});

describe('sensors on the map', () => {
  it('places sensors with a position, marking silent and never-heard ones, and counts the rest', () => {
    const { points, unplaced, clusters } = model({
      sensors: [pm25('aq-centre-1', 'centre', 10), pm25('stray', 'unassigned', 3)],
      silentIds: new Set(['aq-centre-1']),
    });
    expect(points.map((p) => [p.id, p.freshness])).toEqual([
      ['aq-centre-1', 'silent'],
      ['aq-centre-2', 'no_data'],
      ['aq-north-1', 'no_data'],
    ]);
    // noise-north-1 has no position; "stray" is not in the plan.
    expect(unplaced).toBe(2);
    expect(clusters).toBeNull();
  });

  it('clusters by district above the limit, with counts and alert counts at the district centre', () => {
    const { clusters } = model({ clusterAbove: 2, silentIds: new Set(['aq-centre-2']) });
    expect(clusters?.map((c) => [c.district, c.count, c.alerts, c.reporting])).toEqual([
      ['centre', 2, 1, 1],
      ['north', 1, 0, 1],
    ]);
    expect(clusters?.[0]?.lon).toBeCloseTo(10.005, 6);
  });

  it('builds a heat layer of recent values with its range', () => {
    const { heat } = model({ heat: 'pm25' });
    expect(heat).toEqual({
      label: 'PM2.5 (µg/m³)',
      data: [
        [10.005, 60.005, 10],
        [10.004, 60.006, 20],
        [10.005, 60.015, 40],
      ],
      min: 10,
      max: 40,
    });
  });

  it('offers the quantities sensors have reported, plus valid ones named in the URL', () => {
    expect(quantityOptions([pm25('a', 'centre', 1)], ['no2', 'status', 'radon', null])).toEqual([
      'no2',
      'pm25',
    ]);
  });
});

describe('colour scale', () => {
  it('runs from the first to the last stop, and a flat scale takes the middle', () => {
    expect(sequentialColour(0)).toBe(SEQUENTIAL[0]);
    expect(sequentialColour(1)).toBe(SEQUENTIAL[8]);
    expect(valueColour(5, 5, 5)).toBe(SEQUENTIAL[4]);
    expect(sequentialColour(Number.NaN)).toBe(SEQUENTIAL[0]);
  });
});
