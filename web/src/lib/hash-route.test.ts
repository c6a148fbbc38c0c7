import { describe, expect, it } from 'vitest';
import { kpiHref, parseRoute, routeHref, sensorHref, type Route } from './hash-route';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { page: 'operations' }],
    ['#', { page: 'operations' }],
    ['#/', { page: 'operations' }],
    ['#/sensors', { page: 'sensors', sensor: null }],
    ['#/sensors/', { page: 'sensors', sensor: null }],
    ['#/sensors?sensor=aq-centre-1', { page: 'sensors', sensor: 'aq-centre-1' }],
    ['#/sensors?sensor=', { page: 'sensors', sensor: null }],
    ['#/map', { page: 'map', metric: null, heat: null }],
    ['#/map?metric=pm25&heat=no2', { page: 'map', metric: 'pm25', heat: 'no2' }],
    ['#/health', { page: 'health' }],
    ['#/plan', { page: 'plan' }],
    ['#/report', { page: 'report' }],
    ['#/kpi/env.air.pm25', { page: 'kpi', kpiId: 'env.air.pm25', range: null }],
    ['#/kpi/env.air.pm25?range=30d', { page: 'kpi', kpiId: 'env.air.pm25', range: '30d' }],
    ['#/kpi/a%2Fb', { page: 'kpi', kpiId: 'a/b', range: null }],
    ['#/kpi/', { page: 'operations' }],
    ['#/kpi/%E0%A4%A', { page: 'operations' }],
    ['#/nowhere', { page: 'operations' }],
    ['#/sensors/extra', { page: 'operations' }],
    ['#/map/extra', { page: 'operations' }],
  ])('parses %s', (hash, expected) => {
    expect(parseRoute(hash)).toEqual(expected);
  });
});

describe('routeHref', () => {
  it.each<Route>([
    { page: 'operations' },
    { page: 'sensors', sensor: null },
    { page: 'sensors', sensor: 'odd id/é' },
    { page: 'map', metric: null, heat: null },
    { page: 'map', metric: 'status', heat: 'pm25' },
    { page: 'health' },
    { page: 'plan' },
    { page: 'report' },
    { page: 'kpi', kpiId: 'env.air.pm25', range: null },
    { page: 'kpi', kpiId: 'odd id/é', range: '24h' },
  ])('round-trips %j', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('builds shareable links, leaving out empty parameters', () => {
    expect(kpiHref('env.air.pm25')).toBe('#/kpi/env.air.pm25');
    expect(kpiHref('env.air.pm25', '7d')).toBe('#/kpi/env.air.pm25?range=7d');
    expect(sensorHref('aq-centre-1')).toBe('#/sensors?sensor=aq-centre-1');
    expect(sensorHref(null)).toBe('#/sensors');
    expect(routeHref({ page: 'map', metric: 'pm25', heat: null })).toBe('#/map?metric=pm25');
  });
});
