import { useMemo } from 'react';
import { EChart } from '../../../components/charts/e-chart';
import { buildSparklineOption } from '../../../components/charts/sparkline-option';
import { SPARKLINE } from '../../../config/app-config';
import { useThrottled } from '../../../lib/use-throttled';
import { useKpiSeries } from '../hooks/use-kpi-series';

const WINDOW = {
  rangeMs: SPARKLINE.rangeMs,
  every: SPARKLINE.every,
  everyMs: SPARKLINE.everyMs,
  maxPoints: SPARKLINE.maxPoints,
};

export interface KpiSparklineProps {
  readonly kpiId: string;
  readonly name: string;
  readonly color: string;
}

/** The last 48 h of a KPI, hourly, extended live. */
export function KpiSparkline({ kpiId, name, color }: KpiSparklineProps) {
  const { points: live, error } = useKpiSeries(kpiId, WINDOW);
  // 48 hours drawn at tile size barely move in a few seconds; 50 charts redrawn 4 times a second
  // under load would take the main thread from everything else.
  const points = useThrottled(live, SPARKLINE.redrawMs);
  const option = useMemo(() => buildSparklineOption({ points, color }), [points, color]);
  if (error !== undefined && points.length === 0) {
    return <p className="sparkline sparkline--empty">Trend unavailable</p>;
  }
  return (
    <EChart
      option={option}
      className="sparkline"
      ariaLabel={`Trend of ${name} over the last 48 hours`}
      testId="kpi-sparkline"
    />
  );
}
