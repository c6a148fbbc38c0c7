import { memo, useMemo } from 'react';
import type { SeriesPoint } from '@ssc-monitor/core';
import { DEFAULT_SPARKLINE_BOX, sparklinePaths } from './sparkline-paths';

export interface SparklineProps {
  readonly points: readonly SeriesPoint[];
  readonly color: string;
  /** Read by screen readers instead of the drawing. */
  readonly ariaLabel: string;
  readonly className?: string;
  readonly testId?: string;
}

const { width, height } = DEFAULT_SPARKLINE_BOX;

/**
 * A minimal trend line: no axes, labels or tooltip, since a tile carries the numbers itself. Two SVG
 * paths rather than a chart library instance: a wall screen shows fifty of them, and a redraw is then
 * one attribute change instead of a chart pipeline run and a canvas repaint. The box is stretched to
 * the element; the stroke keeps its width. Sets `data-series-length` as the ECharts wrapper does.
 */
export const Sparkline = memo(function Sparkline({
  points,
  color,
  ariaLabel,
  className,
  testId,
}: SparklineProps) {
  const { line, area } = useMemo(() => sparklinePaths(points), [points]);
  return (
    <svg
      className={className}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      role="img"
      aria-label={ariaLabel}
      data-testid={testId}
      data-series-length={points.length}
    >
      <path d={area} fill={color} fillOpacity={0.12} />
      <path
        d={line}
        fill="none"
        stroke={color}
        strokeWidth={2}
        strokeLinejoin="round"
        strokeLinecap="round"
        vectorEffect="non-scaling-stroke"
      />
    </svg>
  );
});
