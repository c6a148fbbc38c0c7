import type { EChartsOption } from 'echarts';
import type { ChartTheme } from '../../../config/theme';
import { HEAT } from './colour-scale';
import { clusterSeries, sensorSeries, type SeriesItem } from './map-markers';
import type { SensorCluster, SensorPoint } from './map-points';

/** One district as drawn: its fill, and the text on it (colour is never the only carrier). */
export interface DistrictShade {
  readonly id: string;
  readonly name: string;
  readonly fill: string;
  /** Second line of the label: the value or status, in words. */
  readonly text: string;
}

export interface HeatLayer {
  readonly label: string;
  readonly data: readonly (readonly [number, number, number])[];
  readonly min: number;
  readonly max: number;
}

export interface CityMapInput {
  /** Name the outlines were registered under (echarts.registerMap). */
  readonly mapName: string;
  readonly aspectScale: number;
  readonly districts: readonly DistrictShade[];
  readonly points: readonly SensorPoint[];
  /** When set, drawn instead of points. */
  readonly clusters: readonly SensorCluster[] | null;
  readonly heat: HeatLayer | null;
  /** Tooltip text per sensor id. */
  readonly sensorTips: ReadonlyMap<string, string>;
  readonly theme: ChartTheme;
  /** Ripples on silent sensors; off for people who ask for reduced motion. */
  readonly animate: boolean;
}

function heatParts(
  heat: HeatLayer,
  theme: ChartTheme,
): { visualMap: EChartsOption['visualMap']; series: SeriesItem[] } {
  return {
    visualMap: {
      type: 'continuous',
      seriesId: 'heat',
      min: heat.min,
      max: heat.max > heat.min ? heat.max : heat.min + 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: theme.fontSize,
      text: [`high ${heat.label}`, 'low'],
      textStyle: { color: theme.text, fontSize: theme.fontSize },
      inRange: { color: [...HEAT] },
    },
    series: [
      {
        id: 'heat',
        type: 'heatmap',
        coordinateSystem: 'geo',
        z: 3,
        data: heat.data.map((d) => [...d]),
        pointSize: Math.round(theme.fontSize * 3),
        blurSize: Math.round(theme.fontSize * 3.5),
        silent: true,
      },
    ],
  };
}

/**
 * The city map: district outlines filled by the chosen metric and labelled with its value in words,
 * sensors as points (silent ones larger, as rippling triangles) or, for many sensors, one cluster per
 * district with its count and alert count, and optionally a heat layer of one quantity. Everything is
 * drawn from the plan's GeoJSON: no map tiles, so it works offline.
 */
export function buildCityMapOption(input: CityMapInput): EChartsOption {
  const { theme } = input;
  const byId = new Map(input.districts.map((d) => [d.id, d]));
  const labelFor = (id: string) => {
    const d = byId.get(id);
    return d === undefined ? id : `${d.name}\n${d.text}`;
  };
  const heat = input.heat === null ? null : heatParts(input.heat, theme);
  const markers =
    input.clusters === null
      ? sensorSeries(input.points, input.sensorTips, Math.round(theme.fontSize * 0.9), input.animate)
      : clusterSeries(input.clusters, theme);
  return {
    animation: false,
    textStyle: { fontFamily: theme.fontFamily, fontSize: theme.fontSize, color: theme.text },
    tooltip: { trigger: 'item', textStyle: { fontSize: theme.fontSize } },
    geo: {
      map: input.mapName,
      roam: true,
      aspectScale: input.aspectScale,
      // Without it ECharts stretches the outlines to fill the box, distorting the city's shape.
      preserveAspect: 'contain',
      top: theme.fontSize * 2,
      bottom: theme.fontSize * (input.heat === null ? 2 : 6),
      left: theme.fontSize * 2,
      right: theme.fontSize * 2,
      scaleLimit: { min: 0.5, max: 12 },
      itemStyle: { areaColor: theme.surface, borderColor: theme.muted, borderWidth: 1.5 },
      label: {
        show: true,
        formatter: (p: { name?: string }) => labelFor(p.name ?? ''),
        color: theme.text,
        fontSize: theme.fontSize,
        fontWeight: 600,
        lineHeight: Math.round(theme.fontSize * 1.3),
        backgroundColor: 'rgba(20, 26, 34, 0.8)',
        padding: [2, 6],
        borderRadius: 3,
      },
      tooltip: {
        show: true,
        formatter: (p: { name?: string }) => labelFor(p.name ?? '').replace('\n', ': '),
      },
      emphasis: { label: { show: true }, itemStyle: { borderColor: '#f0e442', borderWidth: 3 } },
      select: { disabled: true },
      regions: input.districts.map((d) => ({
        name: d.id,
        // Under a heat layer the fills step back, so the heat stays readable over them.
        itemStyle: { areaColor: d.fill, opacity: input.heat === null ? 1 : 0.5 },
        emphasis: { itemStyle: { areaColor: d.fill } },
      })),
    },
    ...(heat === null ? { visualMap: [] } : { visualMap: heat.visualMap }),
    series: [...(heat?.series ?? []), ...markers],
  };
}

/** The sensor a clicked map item stands for, or null for districts, clusters and the heat layer. */
export function sensorIdOf(data: unknown): string | null {
  return typeof data === 'object' && data !== null && 'sensorId' in data && typeof data.sensorId === 'string'
    ? data.sensorId
    : null;
}
