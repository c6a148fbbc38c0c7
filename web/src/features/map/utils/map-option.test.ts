import { describe, expect, it } from 'vitest';
import type { GeoComponentOption, VisualMapComponentOption } from 'echarts';
import { THEME } from '../../../config/theme';
import { buildCityMapOption, sensorIdOf, type CityMapInput } from './map-option';
import type { SensorPoint } from './map-points';

const theme = { ...THEME, fontSize: 13 };

const point = (id: string, freshness: SensorPoint['freshness']): SensorPoint => ({
  id,
  district: 'centre',
  lon: 10.005,
  lat: 60.005,
  freshness,
  lastSeen: freshness === 'no_data' ? null : 1,
  state: undefined,
});

function build(overrides: Partial<CityMapInput> = {}) {
  return buildCityMapOption({
    mapName: 'ssc-city',
    aspectScale: 0.5,
    districts: [
      { id: 'centre', name: 'Centre', fill: '#123456', text: 'Off track' },
      { id: 'north', name: 'North', fill: '#654321', text: '12.0 µg/m³' },
    ],
    points: [point('a', 'ok'), point('b', 'silent'), point('c', 'no_data')],
    clusters: null,
    heat: null,
    sensorTips: new Map([['a', 'tip a']]),
    theme,
    animate: true,
    ...overrides,
  });
}

const seriesOf = (option: ReturnType<typeof build>) => (Array.isArray(option.series) ? option.series : []);
const geoOf = (option: ReturnType<typeof build>) => option.geo as GeoComponentOption;

describe('buildCityMapOption', () => {
  it('draws the registered outlines with each district filled and labelled by id', () => {
    const geo = geoOf(build());
    expect(geo).toMatchObject({ map: 'ssc-city', roam: true, aspectScale: 0.5, preserveAspect: 'contain' });
    expect(geo.regions?.map((r) => [r.name, r.itemStyle?.areaColor])).toEqual([
      ['centre', '#123456'],
      ['north', '#654321'],
    ]);
    const formatter = geo.label?.formatter as (p: { name: string }) => string;
    expect(formatter({ name: 'north' })).toBe('North\n12.0 µg/m³');
  });

  it('draws sensors as points on the map, silent ones apart with a ripple and a triangle', () => {
    const [calm, silent] = seriesOf(build());
    expect(calm).toMatchObject({ id: 'sensors', type: 'scatter', coordinateSystem: 'geo' });
    expect(silent).toMatchObject({ id: 'silent', type: 'effectScatter' });
    const calmData = (calm as { data: { sensorId: string; symbol: string; itemStyle: { color: string } }[] })
      .data;
    expect(calmData.map((d) => [d.sensorId, d.symbol, d.itemStyle.color])).toEqual([
      ['a', 'circle', '#56b4e9'],
      // Never reported: a dark disc with a grey ring, not a bright point.
      ['c', 'circle', '#0b0f14'],
    ]);
    expect((silent as { data: { symbol: string }[] }).data[0]?.symbol).toBe('triangle');
  });

  it('does not animate for people who ask for reduced motion', () => {
    expect(seriesOf(build({ animate: false }))[1]).toMatchObject({ id: 'silent', type: 'scatter' });
  });

  it('draws clusters with their count and alert count instead of points', () => {
    const series = seriesOf(
      build({ clusters: [{ district: 'centre', lon: 10, lat: 60, count: 240, alerts: 3, reporting: 200 }] }),
    );
    expect(series.map((s) => s.id)).toEqual(['clusters']);
    const [item] = (series[0] as { data: { label: { formatter: string }; itemStyle: { color: string } }[] })
      .data;
    expect(item?.label.formatter).toBe('240 · ▲3');
    // Any silent sensor makes the cluster look silent.
    expect(item?.itemStyle.color).toBe('#e69f00');
  });

  it('adds a heat layer with its own scale only when asked', () => {
    expect(build().visualMap).toEqual([]);
    const option = build({ heat: { label: 'PM2.5 (µg/m³)', data: [[10, 60, 12]], min: 12, max: 12 } });
    expect(seriesOf(option)[0]).toMatchObject({ id: 'heat', type: 'heatmap', coordinateSystem: 'geo' });
    const visualMap = option.visualMap as VisualMapComponentOption & { min: number; max: number };
    // A flat range still gets a scale to draw.
    expect([visualMap.min, visualMap.max]).toEqual([12, 13]);
  });
});

describe('sensorIdOf', () => {
  it('finds the sensor of a clicked point, and nothing for other items', () => {
    const [calm] = seriesOf(build());
    const [first] = (calm as { data: unknown[] }).data;
    expect(sensorIdOf(first)).toBe('a');
    expect(sensorIdOf({ name: 'centre', value: [10, 60, 3] })).toBeNull();
    expect(sensorIdOf(null)).toBeNull();
    expect(sensorIdOf([10, 60, 4])).toBeNull();
  });
});
