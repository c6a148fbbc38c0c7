import type { District } from '@ssc-monitor/core';

type Geometry = NonNullable<District['geometry']>;
/** A closed ring of [lon, lat] positions. */
type Ring = readonly (readonly number[])[];

/** A GeoJSON FeatureCollection as ECharts' registerMap reads it. */
export interface CityGeoJson {
  readonly type: 'FeatureCollection';
  readonly features: readonly {
    readonly type: 'Feature';
    /** `name` is the district id: regions are matched by it, and display names are looked up. */
    readonly properties: { readonly name: string };
    readonly geometry: Geometry;
  }[];
}

/** Districts with an outline, as GeoJSON; districts without one are left off the map (and listed). */
export function cityGeoJson(districts: readonly District[]): CityGeoJson {
  return {
    type: 'FeatureCollection',
    features: districts.flatMap((d) =>
      d.geometry === undefined
        ? []
        : [{ type: 'Feature' as const, properties: { name: d.id }, geometry: d.geometry }],
    ),
  };
}

function outerRings(geometry: Geometry): Ring[] {
  if (geometry.type === 'Polygon') return geometry.coordinates.slice(0, 1);
  return geometry.coordinates.flatMap((polygon) => polygon.slice(0, 1));
}

/** Signed area and area-weighted centre of a ring (shoelace formula), in degrees. */
function ringMoments(ring: Ring): { area: number; x: number; y: number } {
  let area = 0;
  let x = 0;
  let y = 0;
  for (let i = 0; i < ring.length - 1; i += 1) {
    const [x0 = 0, y0 = 0] = ring[i] ?? [];
    const [x1 = 0, y1 = 0] = ring[i + 1] ?? [];
    const cross = x0 * y1 - x1 * y0;
    area += cross;
    x += (x0 + x1) * cross;
    y += (y0 + y1) * cross;
  }
  return { area: area / 2, x, y };
}

/**
 * The centre of a district's outline, [lon, lat]: where its cluster of sensors is drawn. Area-weighted
 * over the outer rings, so a district of several parts is centred on the bulk of it. At city scale
 * degrees are close enough to a plane.
 */
export function centroid(geometry: Geometry): [number, number] | null {
  let area = 0;
  let x = 0;
  let y = 0;
  for (const ring of outerRings(geometry)) {
    const m = ringMoments(ring);
    area += m.area;
    x += m.x;
    y += m.y;
  }
  if (area === 0) return null;
  return [x / (6 * area), y / (6 * area)];
}

export interface Bounds {
  readonly minLon: number;
  readonly maxLon: number;
  readonly minLat: number;
  readonly maxLat: number;
}

export function bounds(geo: CityGeoJson): Bounds | null {
  const lons: number[] = [];
  const lats: number[] = [];
  for (const feature of geo.features)
    for (const ring of outerRings(feature.geometry))
      for (const [lon, lat] of ring) {
        if (lon !== undefined && lat !== undefined) {
          lons.push(lon);
          lats.push(lat);
        }
      }
  if (lons.length === 0) return null;
  return {
    minLon: Math.min(...lons),
    maxLon: Math.max(...lons),
    minLat: Math.min(...lats),
    maxLat: Math.max(...lats),
  };
}

/**
 * East–west over north–south scale of a degree at the city's latitude. ECharts draws geo maps with a
 * fixed 0.75 unless told, which squashes or stretches cities far from 41° latitude.
 */
export function aspectScale(b: Bounds | null): number {
  if (b === null) return 0.75;
  const midLat = (b.minLat + b.maxLat) / 2;
  return Math.max(0.2, Math.cos((midLat * Math.PI) / 180));
}
