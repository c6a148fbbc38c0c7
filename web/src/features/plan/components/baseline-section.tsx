import type { KpiSnapshot, Plan } from '@ssc-monitor/core';
import { formatPercent, formatPlanDate, formatValue } from '../../../lib/format';
import { kpiHref } from '../../../lib/hash-route';
import type { MeasurementResult } from '../../../lib/plan/use-measurements';

const QUALITY: Readonly<Record<string, string>> = {
  accurate_measurement: 'Measured',
  extrapolated_from_survey: 'From a survey',
  extrapolated_from_higher_level_data: 'From higher-level data',
  estimation: 'Estimate',
  personal_estimation: 'Personal estimate',
  unknown: 'Unknown',
};

export interface BaselineSectionProps {
  readonly plan: Plan;
  readonly kpis: ReadonlyMap<string, KpiSnapshot>;
  /** By KPI id: the KPI measured from stored data over its baseline period. */
  readonly measured: ReadonlyMap<string, MeasurementResult>;
}

function Measured({ result, unit }: { result: MeasurementResult | undefined; unit: string }) {
  if (result === undefined) return <span className="muted">Measuring…</span>;
  if (!result.ok) return <span className="muted">Could not be measured</span>;
  const m = result.value;
  if (m.value === null) return <span className="muted">No stored data</span>;
  return (
    <>
      {formatValue(m.value, unit)}{' '}
      <span className={m.sufficient ? 'muted' : 'plan-warn'}>
        ({formatPercent(m.coverage)} coverage{m.sufficient ? '' : ', insufficient'})
      </span>
    </>
  );
}

/** Phase 1: where each KPI started, what the plan says and what stored data says for the same period. */
export function BaselineSection({ plan, kpis, measured }: BaselineSectionProps) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="plan-baseline-table">
        <thead>
          <tr>
            <th scope="col">KPI</th>
            <th scope="col" className="num">
              Baseline
            </th>
            <th scope="col">Period</th>
            <th scope="col">Data quality</th>
            <th scope="col">Frozen</th>
            <th scope="col">Measured from data</th>
          </tr>
        </thead>
        <tbody>
          {plan.kpis.map((entry) => {
            const kpi = kpis.get(entry.id);
            const unit = kpi?.unit ?? '';
            const result = measured.get(entry.id);
            const frozen = entry.baseline.frozen;
            return (
              <tr
                key={entry.id}
                data-testid="baseline-row"
                data-kpi-id={entry.id}
                data-frozen={frozen !== undefined}
                data-measured={result?.ok === true ? (result.value.value ?? '') : ''}
                data-coverage={result?.ok === true ? result.value.coverage : ''}
              >
                <th scope="row">
                  <a href={kpiHref(entry.id)}>{kpi?.name ?? entry.id}</a>
                </th>
                <td className="num">{formatValue(entry.baseline.value, unit, { trim: true })}</td>
                <td className="nowrap">
                  {formatPlanDate(entry.baseline.period.from)} – {formatPlanDate(entry.baseline.period.to)}
                </td>
                <td>{QUALITY[entry.baseline.dataQuality] ?? entry.baseline.dataQuality}</td>
                <td>{frozen === undefined ? 'No' : `Yes, by ${frozen.by}`}</td>
                <td>
                  <Measured result={result} unit={unit} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
