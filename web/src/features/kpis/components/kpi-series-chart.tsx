import { useMemo } from 'react';
import type { KpiSnapshot } from '@ssc-monitor/core';
import { EChart } from '../../../components/charts/e-chart';
import { ErrorState } from '../../../components/ui/async-state';
import { THEME } from '../../../config/theme';
import { useKpiSeries } from '../hooks/use-kpi-series';
import { buildKpiSeriesOption } from '../utils/kpi-series-option';
import type { SeriesRange } from '../utils/ranges';

export function KpiSeriesChart({ kpi, range }: { kpi: KpiSnapshot; range: SeriesRange }) {
  const window = useMemo(
    () => ({
      rangeMs: range.ms,
      every: range.every,
      everyMs: range.everyMs,
      // The range at its spacing, plus headroom for the live head: the bound only guards against surprises.
      maxPoints: Math.ceil(range.ms / range.everyMs) + 16,
    }),
    [range],
  );
  const series = useKpiSeries(kpi.id, window);
  const option = useMemo(
    () =>
      buildKpiSeriesOption({
        kpi,
        points: series.points,
        from: series.from,
        to: series.to,
        now: Date.now(),
        theme: THEME,
      }),
    [kpi, series.points, series.from, series.to],
  );
  if (series.error !== undefined && series.points.length === 0) {
    return <ErrorState error={series.error} retryAt={series.retryAt} />;
  }
  return (
    <div className="series-chart">
      {series.loading && (
        <p className="series-chart__loading" role="status">
          Loading {range.label} of history…
        </p>
      )}
      <EChart
        option={option}
        className="series-chart__canvas"
        ariaLabel={`${kpi.name} over the last ${range.label}, with baseline, targets and today's expected value`}
        testId="kpi-series-chart"
      />
    </div>
  );
}
