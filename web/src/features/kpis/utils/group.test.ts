import { describe, expect, it } from 'vitest';
import type { Dimension } from '@ssc-monitor/core';
import { kpiSnapshot } from '../../../test-support/fixtures';
import { groupByDimension } from './group';
import { DEFAULT_RANGE_ID, findRange } from './ranges';

const kpi = (id: string, dimension: string) => kpiSnapshot({ id, dimension: dimension as Dimension });

describe('groupByDimension', () => {
  it('orders Environment, Economy, Society and Culture, keeping plan order inside a group', () => {
    const groups = groupByDimension([
      kpi('soc.waste', 'Society and Culture'),
      kpi('eco.traffic', 'Economy'),
      kpi('env.pm25', 'Environment'),
      kpi('env.no2', 'Environment'),
    ]);
    expect(groups.map((g) => [g.dimension, g.kpis.map((k) => k.id)])).toEqual([
      ['Environment', ['env.pm25', 'env.no2']],
      ['Economy', ['eco.traffic']],
      ['Society and Culture', ['soc.waste']],
    ]);
  });

  it('leaves out empty dimensions and keeps unknown ones at the end', () => {
    const groups = groupByDimension([kpi('x.1', 'Governance'), kpi('env.1', 'Environment')]);
    expect(groups.map((g) => g.dimension)).toEqual(['Environment', 'Governance']);
  });
});

describe('findRange', () => {
  it('finds the range named in the URL and falls back to the default', () => {
    expect(findRange('30d')).toMatchObject({ id: '30d', every: '1h' });
    expect(findRange('24h')).toMatchObject({ every: '15m', everyMs: 900_000 });
    expect(findRange(null).id).toBe(DEFAULT_RANGE_ID);
    expect(findRange('1y').id).toBe(DEFAULT_RANGE_ID);
  });
});
