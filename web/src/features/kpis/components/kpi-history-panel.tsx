import { useMemo, useRef } from 'react';
import type { EChartsType } from 'echarts/core';
import type { KpiSnapshot, ReferenceValue } from '@ssc-monitor/core';
import { EChart } from '../../../components/charts/e-chart';
import { PngButton } from '../../../components/charts/png-button';
import { useChartTheme } from '../../../components/charts/use-chart-font';
import { ErrorState } from '../../../components/ui/async-state';
import { CsvButton } from '../../../components/ui/csv-button';
import { Panel } from '../../../components/ui/panel';
import { isoTime, toCsv } from '../../../lib/export/csv';
import { useKpiSeries } from '../hooks/use-kpi-series';
import { buildKpiSeriesOption } from '../utils/kpi-series-option';
import { rangeLengthMs, type SeriesRange } from '../utils/ranges';
import { RangeSelector } from './range-selector';

export interface KpiHistoryPanelProps {
  readonly kpi: KpiSnapshot;
  readonly range: SeriesRange;
  readonly references: readonly ReferenceValue[];
}

/** The KPI's history with its range links and its exports (points as CSV, the chart as PNG). */
export function KpiHistoryPanel({ kpi, range, references }: KpiHistoryPanelProps) {
  const baselineFrom = kpi.baseline.period.from;
  const window = useMemo(() => {
    const rangeMs = rangeLengthMs(range, baselineFrom, Date.now());
    // The range at its spacing, plus headroom for the live head: the bound only guards against surprises.
    return {
      rangeMs,
      every: range.every,
      everyMs: range.everyMs,
      maxPoints: Math.ceil(rangeMs / range.everyMs) + 16,
    };
  }, [range, baselineFrom]);
  const series = useKpiSeries(kpi.id, window);
  const theme = useChartTheme();
  const chartRef = useRef<EChartsType | null>(null);
  const option = useMemo(
    () =>
      buildKpiSeriesOption({
        kpi,
        points: series.points,
        references,
        from: series.from,
        to: series.to,
        now: Date.now(),
        theme,
      }),
    [kpi, series.points, references, series.from, series.to, theme],
  );
  const csv = () =>
    toCsv(
      [
        { header: 'time', value: (p: (typeof series.points)[number]) => isoTime(p.t) },
        { header: `${kpi.id} [${kpi.unit}]`, value: (p) => p.value },
      ],
      series.points,
    );
  const actions = (
    <div className="panel__actions">
      <RangeSelector kpiId={kpi.id} current={range} />
      <CsvButton
        build={csv}
        fileStem={`${kpi.id}-history-${range.id}`}
        what={`${kpi.name} history`}
        exportId="kpi-series"
      />
      <PngButton
        chartRef={chartRef}
        fileStem={`${kpi.id}-history-${range.id}`}
        what={`${kpi.name} chart`}
        exportId="kpi-series"
      />
    </div>
  );
  const failed = series.error !== undefined && series.points.length === 0;
  return (
    <Panel title="History" label="KPI history chart" actions={actions}>
      {failed ? (
        <ErrorState error={series.error} retryAt={series.retryAt} />
      ) : (
        <div className="series-chart">
          {series.loading && (
            <p className="series-chart__loading" role="status">
              Loading {range.label.toLowerCase()} of history…
            </p>
          )}
          <EChart
            option={option}
            className="series-chart__canvas"
            ariaLabel={`${kpi.name}, ${range.label.toLowerCase()}, with baseline, targets${references.length > 0 ? ', reference values' : ''} and today's expected value`}
            testId="kpi-series-chart"
            instanceRef={chartRef}
            attributes={{ 'data-references': references.length, 'data-range': range.id }}
          />
        </div>
      )}
    </Panel>
  );
}
