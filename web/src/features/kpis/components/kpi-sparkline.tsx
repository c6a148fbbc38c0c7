import { Sparkline } from '../../../components/charts/sparkline';
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
  // 48 hours drawn at tile size barely move in a few seconds; 50 lines redrawn with every live
  // update would repaint every tile five times a second for no visible change.
  const points = useThrottled(live, SPARKLINE.redrawMs);
  if (error !== undefined && points.length === 0) {
    return <p className="sparkline sparkline--empty">Trend unavailable</p>;
  }
  return (
    <Sparkline
      points={points}
      color={color}
      className="sparkline"
      ariaLabel={`Trend of ${name} over the last 48 hours`}
      testId="kpi-sparkline"
    />
  );
}
