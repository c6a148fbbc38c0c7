import { useMemo } from 'react';
import type { KpiSnapshot } from '@ssc-monitor/core';
import { EChart } from '../../../components/charts/e-chart';
import { buildTrajectoryOption } from '../../../components/charts/trajectory-option';
import { formatPercent, formatPlanDate, formatValue } from '../../../lib/format';
import { STATUS_META } from '../../../lib/kpi-status';
import type { KpiTrend } from '../../../lib/plan/plan-types';
import { REPORT_CHART_THEME } from './report-theme';

export interface ReportKpiBlockProps {
  readonly kpi: KpiSnapshot;
  readonly trend: KpiTrend | null;
  readonly trajectory: 'linear' | 'compound';
  /** Epoch ms the report is drawn for; one value for all blocks, so every chart shows the same "now". */
  readonly now: number;
}

/** One KPI in a sentence or two and a small chart of its plan, sized for half an A4 column. */
export function ReportKpiBlock({ kpi, trend, trajectory, now }: ReportKpiBlockProps) {
  const option = useMemo(
    () =>
      buildTrajectoryOption({
        baseline: kpi.baseline,
        targets: kpi.targets,
        trajectory,
        unit: kpi.unit,
        points: [],
        current: kpi.current,
        trend,
        now,
        theme: REPORT_CHART_THEME,
        compact: true,
      }),
    [kpi, trajectory, trend, now],
  );
  const meta = STATUS_META[kpi.status];
  const next = kpi.nextTarget;
  return (
    <article className="report-kpi" data-testid="report-kpi" data-kpi-id={kpi.id} data-status={kpi.status}>
      <header className="report-kpi__header">
        <h3 className="report-kpi__name">{kpi.name}</h3>
        <span className={`report-status report-status--${kpi.status}`}>{meta.label}</span>
      </header>
      <p className="report-kpi__numbers">
        {kpi.current.value === null ? (
          'No current value'
        ) : (
          <>
            Now <strong>{formatValue(kpi.current.value, kpi.unit)}</strong>
          </>
        )}{' '}
        · baseline {formatValue(kpi.baseline.value, kpi.unit, { trim: true })} (
        {kpi.baseline.period.from.slice(0, 4)})
        {next !== null && (
          <>
            {' '}
            · next target {formatValue(next.value, kpi.unit, { trim: true })} by {formatPlanDate(next.date)}
          </>
        )}
        {kpi.progress !== null && <> · {formatPercent(kpi.progress)} of the way</>}
      </p>
      <p className="report-kpi__words">
        {meta.description}. {trend === null ? '' : <span data-testid="report-verdict">{trend.verdict}</span>}
      </p>
      <EChart
        option={option}
        className="report-kpi__chart"
        ariaLabel={`${kpi.name}: expected path from the baseline to the targets${trend === null ? '' : ' and the trend'}`}
        testId="report-chart"
      />
    </article>
  );
}
