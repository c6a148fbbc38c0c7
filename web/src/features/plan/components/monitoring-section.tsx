import type { KpiSnapshot } from '@ssc-monitor/core';
import { StatusBadge } from '../../../components/ui/status-badge';
import { formatDateTime } from '../../../lib/format';
import { STATUS_ORDER } from '../../../lib/kpi-status';
import type { PlanChange } from '../../../lib/plan/plan-types';

export interface MonitoringSectionProps {
  readonly kpis: readonly KpiSnapshot[];
  /** Newest first; undefined while loading. */
  readonly history: readonly PlanChange[] | undefined;
}

/** Phase 4: how many KPIs are where, and every change made to the plan (who, when, what). */
export function MonitoringSection({ kpis, history }: MonitoringSectionProps) {
  return (
    <div className="plan-monitoring">
      <ul className="status-counts" aria-label="KPIs per status">
        {STATUS_ORDER.map((status) => {
          const count = kpis.filter((k) => k.status === status).length;
          return (
            <li key={status} data-testid="status-count" data-status={status} data-count={count}>
              <span className="status-counts__count">{count}</span> <StatusBadge status={status} />
            </li>
          );
        })}
      </ul>
      <h3 className="plan-subtitle">Plan history</h3>
      {history === undefined ? (
        <p className="muted">Loading the history…</p>
      ) : (
        <div className="table-scroll">
          <table className="table" data-testid="plan-history">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Version
                </th>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
              </tr>
            </thead>
            <tbody>
              {history.map((change) => (
                <tr key={change.version} data-testid="history-row" data-version={change.version}>
                  <td className="num">{change.version}</td>
                  <td className="nowrap">{formatDateTime(change.at)}</td>
                  <td>{change.author}</td>
                  <td>{change.note}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
