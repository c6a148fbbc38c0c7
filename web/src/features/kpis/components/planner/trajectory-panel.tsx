import { useMemo } from 'react';
import type { KpiSnapshot, SeriesPoint } from '@ssc-monitor/core';
import { EChart } from '../../../../components/charts/e-chart';
import { useChartTheme } from '../../../../components/charts/use-chart-font';
import { buildTrajectoryOption, trajectorySignature } from '../../../../components/charts/trajectory-option';
import type { KpiTrend } from '../../../../lib/plan/plan-types';
import { useApi } from '../../../../lib/use-api';
import { fetchKpiSeries } from '../../api/kpi-api';
import { planDateMs } from '../../utils/ranges';

const DAY = 86_400_000;

export interface TrajectoryPanelProps {
  readonly kpi: KpiSnapshot;
  readonly trend: KpiTrend | null;
  readonly trajectory: 'linear' | 'compound';
}

/** Daily values from the start of the baseline period: the plan's whole time span at a readable density. */
function useDailyHistory(kpi: KpiSnapshot) {
  const from = planDateMs(kpi.baseline.period.from);
  return useApi(`trajectory|${kpi.id}|${from}`, (signal) =>
    fetchKpiSeries(kpi.id, { from, to: Date.now(), every: '1d' }, signal).catch((): SeriesPoint[] => []),
  );
}

/**
 * The plan over its whole horizon: the expected path from the baseline to each target, the measured
 * history, and the trend projected to the next target date.
 */
export function TrajectoryPanel({ kpi, trend, trajectory }: TrajectoryPanelProps) {
  const theme = useChartTheme();
  const history = useDailyHistory(kpi);
  const points = history.data;
  const option = useMemo(
    () =>
      buildTrajectoryOption({
        baseline: kpi.baseline,
        targets: kpi.targets,
        trajectory,
        unit: kpi.unit,
        points: points ?? [],
        current: kpi.current,
        trend,
        // Rounded to the day so that live updates do not rebuild the option for a moving "now".
        now: Math.floor(Date.now() / DAY) * DAY,
        theme,
      }),
    [kpi.baseline, kpi.targets, kpi.unit, kpi.current, trajectory, points, trend, theme],
  );
  const next = kpi.nextTarget;
  return (
    <div className="series-chart">
      <EChart
        option={option}
        className="series-chart__canvas"
        ariaLabel={`${kpi.name}: expected path from the baseline to each target, measured values${trend === null ? '' : ', and the trend projected to the next target'}`}
        testId="trajectory-chart"
        attributes={{
          'data-trajectory': trajectorySignature(kpi.targets),
          'data-trajectories': kpi.targets.length,
          'data-trend': trend === null ? 'false' : 'true',
          'data-projected': trend === null ? '' : trend.projected,
          'data-next-target': next === null ? '' : `${next.date}:${next.value}`,
        }}
      />
      <ul className="chart-legend" aria-hidden="true">
        <li className="chart-legend__item chart-legend__item--path">Expected path to each target</li>
        <li className="chart-legend__item chart-legend__item--measured">Measured (daily)</li>
        {trend !== null && (
          <li className="chart-legend__item chart-legend__item--trend">
            Trend, projected to {trend.target.date}
          </li>
        )}
      </ul>
    </div>
  );
}
