import { ErrorState, LoadingState } from '../../../components/ui/async-state';
import { Panel } from '../../../components/ui/panel';
import { formatValue } from '../../../lib/format';
import { routeHref } from '../../../lib/hash-route';
import { useApi } from '../../../lib/use-api';
import { fetchKpiDetail } from '../api/kpi-api';
import { useLiveKpi } from '../hooks/use-kpis';
import { findRange } from '../utils/ranges';
import { KpiDefinitionFacts, KpiNumbers, TargetsTable } from './kpi-facts';
import { KpiFreshness } from './kpi-freshness';
import { KpiSeriesChart } from './kpi-series-chart';
import { RangeSelector } from './range-selector';
import { StatusBadge } from './status-badge';
import './kpis.css';

export interface KpiDetailViewProps {
  readonly kpiId: string;
  /** Range id from the URL; unknown or absent means the default. */
  readonly rangeId: string | null;
}

/** One KPI for planners: its history against baseline and targets, and the plan's numbers. */
export function KpiDetailView({ kpiId, rangeId }: KpiDetailViewProps) {
  const detail = useApi(`kpi|${kpiId}`, (signal) => fetchKpiDetail(kpiId, signal));
  const kpi = useLiveKpi(kpiId, detail.data?.kpi);
  const range = findRange(rangeId);
  const back = (
    <a className="back-link" href={routeHref({ page: 'operations' })}>
      ← All KPIs
    </a>
  );

  if (detail.error?.code === 'WEB_ERR_NOT_FOUND') {
    return (
      <div className="async-state async-state--error" role="alert" data-testid="error">
        <p>
          There is no KPI <code>{kpiId}</code> in this city&apos;s plan. It may have been removed; pick one
          from the operations view.
        </p>
        {back}
      </div>
    );
  }
  if (kpi === undefined || detail.data === undefined) {
    if (detail.error !== undefined)
      return <ErrorState error={detail.error} retryAt={detail.retryAt} onRetry={detail.reload} />;
    return <LoadingState what="the KPI" />;
  }

  return (
    <article className="kpi-detail" data-testid="kpi-detail" data-kpi-id={kpi.id} data-status={kpi.status}>
      {back}
      <header className="kpi-detail__header">
        <div>
          <p className="kpi-detail__dimension">
            {kpi.dimension} › {kpi.subDimension}
          </p>
          <h1 className="kpi-detail__name">{kpi.name}</h1>
        </div>
        <div className="kpi-detail__now">
          <span className="kpi-detail__value" data-testid="kpi-value" data-value={kpi.current.value ?? ''}>
            {formatValue(kpi.current.value, kpi.unit)}
          </span>
          <StatusBadge status={kpi.status} size="large" />
          <KpiFreshness at={kpi.current.at} />
        </div>
      </header>
      <Panel
        title="History"
        label="KPI history chart"
        actions={<RangeSelector kpiId={kpi.id} current={range} />}
      >
        <KpiSeriesChart kpi={kpi} range={range} />
      </Panel>
      <div className="kpi-detail__facts">
        <Panel title="Against the plan" label="KPI numbers">
          <KpiNumbers kpi={kpi} />
        </Panel>
        <Panel title="Targets" label="Targets">
          <TargetsTable kpi={kpi} />
        </Panel>
        <Panel title="Definition" label="KPI definition">
          <KpiDefinitionFacts definition={detail.data.definition} />
        </Panel>
      </div>
    </article>
  );
}
