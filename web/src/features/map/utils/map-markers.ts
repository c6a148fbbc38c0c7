import type { EChartsOption } from 'echarts';
import type { ChartTheme } from '../../../config/theme';
import type { SensorCluster, SensorFreshness, SensorPoint } from './map-points';

export type SeriesItem = Extract<NonNullable<EChartsOption['series']>, unknown[]>[number];

/**
 * Symbol and colour per state: filled circle, triangle, hollow ring (Okabe–Ito sky blue and orange,
 * grey). The ring is drawn as a dark disc with a grey edge: ECharts' own "emptyCircle" fills white,
 * which reads as a bright, healthy point.
 */
export const SENSOR_STYLE: Readonly<
  Record<SensorFreshness, { symbol: string; color: string; label: string }>
> = {
  ok: { symbol: 'circle', color: '#56b4e9', label: 'Reporting' },
  silent: { symbol: 'triangle', color: '#e69f00', label: 'Silent' },
  no_data: { symbol: 'circle', color: '#9aa7b4', label: 'Never reported' },
};

function pointStyle(freshness: SensorFreshness) {
  const { color } = SENSOR_STYLE[freshness];
  // Opaque: ECharts draws scatter points at 0.8 opacity by default, which muddies them over the fills.
  if (freshness === 'no_data') return { color: '#0b0f14', borderColor: color, borderWidth: 2, opacity: 1 };
  return { color, borderColor: '#0b0f14', borderWidth: 1, opacity: 1 };
}

function pointData(points: readonly SensorPoint[], size: number) {
  return points.map((p) => ({
    name: p.id,
    value: [p.lon, p.lat],
    sensorId: p.id,
    symbol: SENSOR_STYLE[p.freshness].symbol,
    symbolSize: p.freshness === 'silent' ? size * 1.4 : size,
    itemStyle: pointStyle(p.freshness),
  }));
}

export function sensorSeries(
  points: readonly SensorPoint[],
  tips: ReadonlyMap<string, string>,
  size: number,
  animate: boolean,
): SeriesItem[] {
  const tip = (name: string) => tips.get(name) ?? name;
  const tooltip = { formatter: (p: { name: string }) => tip(p.name) };
  const calm = points.filter((p) => p.freshness !== 'silent');
  const silent = points.filter((p) => p.freshness === 'silent');
  return [
    {
      id: 'sensors',
      type: 'scatter',
      coordinateSystem: 'geo',
      z: 4,
      data: pointData(calm, size),
      tooltip,
      cursor: 'pointer',
    },
    animate
      ? {
          id: 'silent',
          type: 'effectScatter',
          coordinateSystem: 'geo',
          z: 5,
          data: pointData(silent, size),
          rippleEffect: { brushType: 'stroke', scale: 2.5 },
          tooltip,
          cursor: 'pointer',
        }
      : {
          id: 'silent',
          type: 'scatter',
          coordinateSystem: 'geo',
          z: 5,
          data: pointData(silent, size),
          tooltip,
          cursor: 'pointer',
        },
  ];
}

/** A cluster looks like its most urgent member: silent, else reporting, else never reported. */
function clusterState(c: SensorCluster): SensorFreshness {
  return c.alerts > 0 ? 'silent' : c.reporting > 0 ? 'ok' : 'no_data';
}

export function clusterSeries(clusters: readonly SensorCluster[], theme: ChartTheme): SeriesItem[] {
  return [
    {
      id: 'clusters',
      type: 'scatter',
      coordinateSystem: 'geo',
      z: 4,
      data: clusters.map((c) => ({
        name: c.district,
        value: [c.lon, c.lat, c.count],
        symbol: c.alerts > 0 ? 'roundRect' : 'circle',
        symbolSize: Math.round(theme.fontSize * 2.2 + Math.sqrt(c.count) * 1.5),
        // Below the district's own label, which ECharts centres on the region as well.
        symbolOffset: [0, Math.round(theme.fontSize * 3)],
        itemStyle: pointStyle(clusterState(c)),
        label: {
          show: true,
          color: clusterState(c) === 'no_data' ? theme.text : '#0b0f14',
          fontWeight: 700,
          fontSize: theme.fontSize,
          formatter: c.alerts > 0 ? `${c.count} · ▲${c.alerts}` : `${c.count}`,
        },
      })),
      tooltip: {
        formatter: (p: { value: unknown; dataIndex: number }) => {
          const c = clusters[p.dataIndex];
          return c === undefined ? '' : `${c.count} sensors: ${c.reporting} reporting, ${c.alerts} silent`;
        },
      },
    },
  ];
}
