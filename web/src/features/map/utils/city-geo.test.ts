import { describe, expect, it } from 'vitest';
import { planWithMap } from '../../../test-support/fixtures';
import { aspectScale, bounds, centroid, cityGeoJson } from './city-geo';

describe('city outlines', () => {
  const plan = planWithMap();

  it('turns district outlines into GeoJSON features named by district id, skipping districts without one', () => {
    const districts = [...plan.city.districts, { id: 'bare', name: 'Bare' }];
    const geo = cityGeoJson(districts);
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features.map((f) => f.properties.name)).toEqual(['centre', 'north']);
  });

  it('finds the centre and the bounds of the outlines', () => {
    const [centre] = plan.city.districts;
    const c = centroid(centre?.geometry ?? { type: 'Polygon', coordinates: [] });
    expect(c?.[0]).toBeCloseTo(10.005, 6);
    expect(c?.[1]).toBeCloseTo(60.005, 6);
    const box = bounds(cityGeoJson(plan.city.districts));
    expect([box?.minLon, box?.maxLon, box?.minLat, box?.maxLat].map((v) => v?.toFixed(6))).toEqual([
      '10.000000',
      '10.010000',
      '60.000000',
      '60.020000',
    ]);
  });

  it('weights a multi-part district by area', () => {
    const big = [
      [
        [0, 0],
        [4, 0],
        [4, 4],
        [0, 4],
        [0, 0],
      ],
    ];
    const small = [
      [
        [10, 0],
        [11, 0],
        [11, 1],
        [10, 1],
        [10, 0],
      ],
    ];
    const c = centroid({ type: 'MultiPolygon', coordinates: [big, small] });
    expect(c?.[0]).toBeCloseTo((16 * 2 + 1 * 10.5) / 17, 6);
  });

  it('scales east-west by the cosine of the latitude', () => {
    expect(aspectScale({ minLon: 0, maxLon: 1, minLat: 59, maxLat: 61 })).toBeCloseTo(0.5, 6);
    expect(aspectScale(null)).toBe(0.75);
  });
});
