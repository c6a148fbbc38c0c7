import type { KpiDefinition, KpiSnapshot } from '@ssc-monitor/core';
import { ErrorState, LoadingState } from '../../../components/ui/async-state';
import { CsvButton } from '../../../components/ui/csv-button';
import { Panel } from '../../../components/ui/panel';
import { DEFAULT_COVERAGE_SHARE } from '../../../config/app-config';
import { useLiveKpi } from '../../../lib/data/kpis';
import { formatValue } from '../../../lib/format';
import { routeHref } from '../../../lib/hash-route';
import { useApi } from '../../../lib/use-api';
import { fetchKpiDetailWithTrend } from '../../../lib/plan/plan-api';
import type { KpiTrend } from '../../../lib/plan/plan-types';
import { targetsCsv } from '../utils/kpi-csv';
import { findRange, type SeriesRange } from '../utils/ranges';
import { KpiDefinitionFacts } from './kpi-definition-facts';
import { KpiNumbers, TargetsTable } from './kpi-facts';
import { KpiFreshness } from './kpi-freshness';
import { KpiHistoryPanel } from './kpi-history-panel';
import { MeasuredBaseline } from './measured-baseline';
import { PlannerWorkspace } from './planner/planner-workspace';
import { TrendVerdict } from './planner/trend-verdict';
import { StatusBadge } from '../../../components/ui/status-badge';
import './kpis.css';
import './kpi-detail.css';

export interface KpiDetailViewProps {
  readonly kpiId: string;
  /** Range id from the URL; unknown or absent means the default. */
  readonly rangeId: string | null;
}

const BACK = (
  <a className="back-link" href={routeHref({ page: 'operations' })}>
    ← All KPIs
  </a>
);

function KpiPage({
  kpi,
  definition,
  range,
  trend,
  onPlanChanged,
}: {
  kpi: KpiSnapshot;
  definition: KpiDefinition;
  range: SeriesRange;
  trend: KpiTrend | null;
  onPlanChanged: () => void;
}) {
  const minShare = definition.coverage?.minShare ?? DEFAULT_COVERAGE_SHARE;
  return (
    <article className="kpi-detail" data-testid="kpi-detail" data-kpi-id={kpi.id} data-status={kpi.status}>
      {BACK}
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
          <TrendVerdict trend={trend} rolling={definition.window.kind !== 'calendar'} />
        </div>
      </header>
      <KpiHistoryPanel kpi={kpi} range={range} references={definition.references ?? []} />
      <PlannerWorkspace kpi={kpi} trend={trend} onPlanChanged={onPlanChanged} />
      <div className="kpi-detail__facts">
        <Panel title="Against the plan" label="KPI numbers">
          <KpiNumbers kpi={kpi} minShare={minShare} />
        </Panel>
        <Panel title="Measured baseline" label="Measured baseline" testId="measured-baseline-panel">
          <MeasuredBaseline kpi={kpi} definition={definition} />
        </Panel>
        <Panel
          title="Targets"
          label="Targets"
          actions={
            <CsvButton
              build={() => targetsCsv(kpi)}
              fileStem={`${kpi.id}-targets`}
              what={`${kpi.name} targets`}
              exportId="targets"
            />
          }
        >
          <TargetsTable kpi={kpi} />
        </Panel>
        <Panel title="Definition" label="KPI definition" className="kpi-detail__definition">
          <KpiDefinitionFacts definition={definition} kpi={kpi} />
        </Panel>
      </div>
    </article>
  );
}

/** One KPI for planners: its history against baseline, targets and references, and the plan's numbers. */
export function KpiDetailView({ kpiId, rangeId }: KpiDetailViewProps) {
  const detail = useApi(`kpi|${kpiId}`, (signal) => fetchKpiDetailWithTrend(kpiId, signal));
  const kpi = useLiveKpi(kpiId, detail.data?.kpi);

  if (detail.error?.code === 'WEB_ERR_NOT_FOUND') {
    return (
      <div className="async-state async-state--error" role="alert" data-testid="error">
        <p>
          There is no KPI <code>{kpiId}</code> in this city&apos;s plan. It may have been removed; pick one
          from the operations view.
        </p>
        {BACK}
      </div>
    );
  }
  if (kpi === undefined || detail.data === undefined) {
    if (detail.error !== undefined)
      return <ErrorState error={detail.error} retryAt={detail.retryAt} onRetry={detail.reload} />;
    return <LoadingState what="the KPI" />;
  }
  return (
    <KpiPage
      kpi={kpi}
      definition={detail.data.definition}
      range={findRange(rangeId)}
      trend={detail.data.trend}
      onPlanChanged={detail.reload}
    />
  );
}
