import { useEffect, useRef, useState, type CSSProperties } from 'react';
import type { EChartsOption } from 'echarts';
import { init, use, type EChartsType } from 'echarts/core';
import { LineChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GridComponent,
  MarkLineComponent,
  MarkPointComponent,
  TooltipComponent,
} from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { firstSeriesLength } from './chart-attributes';

// Only what the dashboard draws is registered, which keeps the bundle a fraction of full ECharts.
use([
  LineChart,
  GridComponent,
  TooltipComponent,
  DataZoomComponent,
  MarkLineComponent,
  MarkPointComponent,
  CanvasRenderer,
]);

export interface EChartProps {
  readonly option: EChartsOption;
  /** Read by screen readers instead of the canvas, which they cannot see. */
  readonly ariaLabel: string;
  readonly className?: string;
  readonly style?: CSSProperties;
  readonly testId?: string;
}

/**
 * Owns one ECharts instance: created once on mount, updated in place with each new option (merge, so
 * live updates do not redraw from scratch or flicker), resized with its container, disposed on unmount.
 * Tests read its state from `data-chart-ready` (first frame rendered) and `data-series-length`.
 */
export function EChart({ option, ariaLabel, className, style, testId }: EChartProps) {
  const containerRef = useRef<HTMLDivElement>(null);
  const chartRef = useRef<EChartsType | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const container = containerRef.current;
    if (container === null) return;
    const chart = init(container, undefined, { renderer: 'canvas' });
    chartRef.current = chart;
    chart.on('finished', () => setReady(true));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(container);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);

  useEffect(() => {
    chartRef.current?.setOption(option, { notMerge: false, lazyUpdate: true });
  }, [option]);

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
    />
  );
}
