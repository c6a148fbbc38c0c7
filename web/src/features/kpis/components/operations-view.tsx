import { useMemo } from 'react';
import { ErrorState, LoadingState } from '../../../components/ui/async-state';
import { useKpis } from '../../../lib/data/kpis';
import { groupByDimension } from '../utils/group';
import { KpiGroupPanel } from './kpi-group';
import './kpis.css';

/** The wall screen: every KPI of the plan, grouped by dimension, live. */
export function OperationsView() {
  const { kpis, loading, error, retryAt, reload } = useKpis();
  const groups = useMemo(() => groupByDimension(kpis), [kpis]);
  if (error !== undefined) return <ErrorState error={error} retryAt={retryAt} onRetry={reload} />;
  if (loading) return <LoadingState what="KPIs" />;
  if (groups.length === 0) {
    return <p className="async-state">The plan lists no KPIs. Add some under `kpis:` in the plan file.</p>;
  }
  return (
    <div className="operations" data-testid="operations-view">
      {groups.map((group) => (
        <KpiGroupPanel key={group.dimension} group={group} />
      ))}
    </div>
  );
}
