import { useEffect, useRef, useState, type CSSProperties, type RefObject } from 'react';
import type { EChartsOption } from 'echarts';
import { init, use, type ECElementEvent, type EChartsType } from 'echarts/core';
import { EffectScatterChart, HeatmapChart, LineChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GeoComponent,
  GridComponent,
  MarkAreaComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
  VisualMapContinuousComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { firstSeriesLength } from './chart-attributes';

// Only what the dashboard draws is registered, which keeps the bundle a fraction of full ECharts.
use([
  LineChart,
  ScatterChart,
  EffectScatterChart,
  HeatmapChart,
  GridComponent,
  GeoComponent,
  TooltipComponent,
  DataZoomComponent,
  MarkLineComponent,
  MarkPointComponent,
  MarkAreaComponent,
  VisualMapContinuousComponent,
  CanvasRenderer,
]);

/** `data-*` attributes a chart sets on its element, so tests can assert what is drawn. */
export type ChartAttributes = Readonly<Record<`data-${string}`, string | number>>;

export interface EChartProps {
  readonly option: EChartsOption;
  /** Read by screen readers instead of the canvas, which they cannot see. */
  readonly ariaLabel: string;
  readonly className?: string;
  readonly style?: CSSProperties;
  readonly testId?: string;
  readonly attributes?: ChartAttributes;
  /** Called with the clicked data item (a point, a region). */
  readonly onItemClick?: (event: ECElementEvent) => void;
  /** Receives the instance, for exports and actions such as zooming. */
  readonly instanceRef?: RefObject<EChartsType | null>;
  /**
   * Components replaced rather than merged on update, e.g. `['series']` when series come and go (a
   * layer toggled off must disappear, which a merge would not do).
   */
  readonly replaceMerge?: readonly ('series' | 'visualMap')[];
  /**
   * When `data-chart-ready` turns true: after the first frame ('rendered'), or once animations are done
   * ('finished'). Charts with endless effects (rippling points) never finish, so they use 'rendered'.
   * @defaultValue 'finished'
   */
  readonly readyOn?: 'finished' | 'rendered';
}

/**
 * Owns one ECharts instance: created once on mount, updated in place with each new option (merge, so
 * live updates do not redraw from scratch or flicker), resized with its container, disposed on unmount.
 * Tests read its state from `data-chart-ready` (first frame rendered) and `data-series-length`.
 */
export function EChart(props: EChartProps) {
  const { option, ariaLabel, className, style, testId, attributes, instanceRef, replaceMerge } = props;
  const readyOn = props.readyOn ?? 'finished';
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const clickRef = useRef(props.onItemClick);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    clickRef.current = props.onItemClick;
  });

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    const chart = init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    if (instanceRef !== undefined) instanceRef.current = chart;
    chart.on(readyOn, () => setReady(true));
    chart.on('click', (event) => clickRef.current?.(event));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
      if (instanceRef !== undefined) instanceRef.current = null;
    };
  }, [instanceRef, readyOn]);

  useEffect(() => {
    const replace = replaceMerge === undefined ? {} : { replaceMerge: [...replaceMerge] };
    chartRef.current?.setOption(option, { notMerge: false, lazyUpdate: true, ...replace });
  }, [option, replaceMerge]);

  return (
    <div
      ref={containerRef}
      className={className}
      style={style}
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      data-chart-ready={ready ? 'true' : 'false'}
      data-series-length={firstSeriesLength(option)}
      {...attributes}
    />
  );
}
