import type { Horizon, KpiSnapshot, Plan } from '@ssc-monitor/core';
import { formatPlanDate, formatValue } from '../../../lib/format';
import { kpiHref } from '../../../lib/hash-route';

const HORIZONS: readonly { id: Horizon; label: string }[] = [
  { id: 'short', label: 'Short term' },
  { id: 'medium', label: 'Medium term' },
  { id: 'long', label: 'Long term' },
];

/** Phase 2: every KPI's targets by horizon, side by side. */
export function TargetsSection({ plan, kpis }: { plan: Plan; kpis: ReadonlyMap<string, KpiSnapshot> }) {
  return (
    <div className="table-scroll">
      <table className="table" data-testid="plan-targets-table">
        <thead>
          <tr>
            <th scope="col">KPI</th>
            {HORIZONS.map((h) => (
              <th key={h.id} scope="col">
                {h.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {plan.kpis.map((entry) => {
            const kpi = kpis.get(entry.id);
            return (
              <tr key={entry.id} data-testid="targets-row" data-kpi-id={entry.id}>
                <th scope="row">
                  <a href={kpiHref(entry.id)}>{kpi?.name ?? entry.id}</a>
                </th>
                {HORIZONS.map((h) => {
                  const targets = entry.targets.filter((t) => t.horizon === h.id);
                  return (
                    <td key={h.id} data-horizon={h.id}>
                      {targets.length === 0 ? (
                        <span className="muted">—</span>
                      ) : (
                        targets.map((t) => (
                          <div key={t.date}>
                            {formatValue(t.value, kpi?.unit ?? '', { trim: true })}{' '}
                            <span className="muted">by {formatPlanDate(t.date)}</span>
                          </div>
                        ))
                      )}
                    </td>
                  );
                })}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
