import { describe, expect, it } from 'vitest';
import { kpiHref, parseRoute, routeHref, type Route } from './hash-route';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    ['', { page: 'operations' }],
    ['#', { page: 'operations' }],
    ['#/', { page: 'operations' }],
    ['#/sensors', { page: 'sensors' }],
    ['#/sensors/', { page: 'sensors' }],
    ['#/health', { page: 'health' }],
    ['#/kpi/env.air.pm25', { page: 'kpi', kpiId: 'env.air.pm25', range: null }],
    ['#/kpi/env.air.pm25?range=30d', { page: 'kpi', kpiId: 'env.air.pm25', range: '30d' }],
    ['#/kpi/a%2Fb', { page: 'kpi', kpiId: 'a/b', range: null }],
    ['#/kpi/', { page: 'operations' }],
    ['#/kpi/%E0%A4%A', { page: 'operations' }],
    ['#/nowhere', { page: 'operations' }],
    ['#/sensors/extra', { page: 'operations' }],
  ])('parses %s', (hash, expected) => {
    expect(parseRoute(hash)).toEqual(expected);
  });
});

describe('routeHref', () => {
  it.each<Route>([
    { page: 'operations' },
    { page: 'sensors' },
    { page: 'health' },
    { page: 'kpi', kpiId: 'env.air.pm25', range: null },
    { page: 'kpi', kpiId: 'odd id/é', range: '24h' },
  ])('round-trips %j', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('builds shareable KPI links', () => {
    expect(kpiHref('env.air.pm25')).toBe('#/kpi/env.air.pm25');
    expect(kpiHref('env.air.pm25', '7d')).toBe('#/kpi/env.air.pm25?range=7d');
  });
});
