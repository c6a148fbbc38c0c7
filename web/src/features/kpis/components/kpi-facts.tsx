import type { KpiSnapshot } from '@ssc-monitor/core';
import { formatCount, formatPercent, formatPlanDate, formatValue, planYear } from '../../../lib/format';
import { CoverageBadge } from './coverage-badge';
import { STATUS_META } from '../../../lib/kpi-status';
import { ProgressBar } from './progress-bar';
import { StatusBadge } from '../../../components/ui/status-badge';

const HORIZONS = { short: 'Short term', medium: 'Medium term', long: 'Long term' } as const;

/**
 * For calendar KPIs (annual means, days above a limit): which part of the period the value covers so
 * far, and whether it rests on enough data to be reported.
 */
function CalendarPeriod({ kpi, minShare }: { kpi: KpiSnapshot; minShare: number }) {
  const { period, coverage } = kpi.current;
  if (period === null) return null;
  return (
    <>
      <dt>Period</dt>
      <dd data-testid="kpi-period" data-from={period.from} data-to={period.to}>
        {formatPlanDate(period.from)} – {formatPlanDate(period.to)} <span className="muted">(to date)</span>
      </dd>
      {coverage !== null && (
        <>
          <dt>Coverage</dt>
          <dd data-testid="kpi-coverage" data-coverage={coverage}>
            {formatPercent(coverage)} <CoverageBadge sufficient={coverage >= minShare} />{' '}
            <span className="muted">(at least {formatPercent(minShare)} needed)</span>
          </dd>
        </>
      )}
    </>
  );
}

/** Where the KPI stands against its plan: the numbers behind the tile. */
export function KpiNumbers({ kpi, minShare }: { kpi: KpiSnapshot; minShare: number }) {
  const { baseline, nextTarget, unit } = kpi;
  return (
    <dl className="facts" data-testid="kpi-numbers">
      <dt>Status</dt>
      <dd>
        <StatusBadge status={kpi.status} />
        <span className="muted facts__note">{STATUS_META[kpi.status].description}</span>
      </dd>
      <dt>Current value</dt>
      <dd>
        {formatValue(kpi.current.value, unit)}{' '}
        <span className="muted">({formatCount(kpi.current.readings)} readings in the window)</span>
      </dd>
      <CalendarPeriod kpi={kpi} minShare={minShare} />
      <dt>Expected today</dt>
      <dd>{formatValue(kpi.expected, unit)}</dd>
      <dt>{nextTarget === null ? 'Progress' : `Progress to ${planYear(nextTarget.date)} target`}</dt>
      <dd>
        <ProgressBar progress={kpi.progress} color={STATUS_META[kpi.status].color} label="Progress" />
      </dd>
      <dt>Baseline</dt>
      <dd>
        {formatValue(baseline.value, unit, { trim: true })}, measured {formatPlanDate(baseline.period.from)} –{' '}
        {formatPlanDate(baseline.period.to)}
      </dd>
      <dt>Baseline source</dt>
      <dd>{baseline.source ?? <span className="muted">Not stated in the plan</span>}</dd>
    </dl>
  );
}

export function TargetsTable({ kpi }: { kpi: KpiSnapshot }) {
  const { baseline, unit } = kpi;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="targets-table">
        <thead>
          <tr>
            <th scope="col">Horizon</th>
            <th scope="col">Due</th>
            <th scope="col" className="num">
              Target
            </th>
            <th scope="col" className="num">
              Change from baseline
            </th>
          </tr>
        </thead>
        <tbody>
          {kpi.targets.map((target) => {
            const isNext = kpi.nextTarget?.date === target.date;
            const change = baseline.value === 0 ? null : (target.value - baseline.value) / baseline.value;
            return (
              <tr key={target.date} aria-current={isNext ? 'true' : undefined} data-next={isNext}>
                <td className="nowrap">
                  {HORIZONS[target.horizon]} {isNext && <span className="tag">Next</span>}
                </td>
                <td className="nowrap">{formatPlanDate(target.date)}</td>
                <td className="num">{formatValue(target.value, unit, { trim: true })}</td>
                <td className="num">{change === null ? '—' : formatPercent(change)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
