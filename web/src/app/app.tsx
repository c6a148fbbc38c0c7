import { useEffect, useMemo } from 'react';
import type { Plan } from '@ssc-monitor/core';
import { ErrorBoundary } from '../components/ui/error-boundary';
import { AlertsPanel } from '../features/alerts/components/alerts-panel';
import { DataHealthView } from '../features/data-health/components/data-health-view';
import { KpiDetailView } from '../features/kpis/components/kpi-detail-view';
import { OperationsView } from '../features/kpis/components/operations-view';
import { MapView } from '../features/map/components/map-view';
import { PlanView } from '../features/plan/components/plan-view';
import { ReportView } from '../features/report/components/report-view';
import { SensorsView } from '../features/sensors/components/sensors-view';
import { AlertsProvider } from '../lib/alerts/alerts-context';
import type { Route } from '../lib/hash-route';
import { AppHeader } from './app-header';
import { StreamBanner } from './stream-banner';
import { usePlan } from './use-plan';
import { useRoute } from './use-route';
import './styles/base.css';
import './styles/header.css';
import './styles/tables.css';

const TITLES: Readonly<Record<Route['page'], string>> = {
  operations: 'Operations',
  kpi: 'KPI',
  map: 'Map',
  sensors: 'Sensors',
  health: 'Data health',
  plan: 'Master plan',
  report: 'Progress report',
};

interface ViewProps {
  readonly route: Route;
  readonly plan: Plan | undefined;
  readonly districtNames: ReadonlyMap<string, string>;
}

function View({ route, plan, districtNames }: ViewProps) {
  switch (route.page) {
    case 'operations':
      // Tiles first in the document: keyboard order follows the screen from left to right.
      return (
        <div className="operations-layout">
          <OperationsView />
          <ErrorBoundary label="The alerts panel">
            <AlertsPanel />
          </ErrorBoundary>
        </div>
      );
    case 'kpi':
      // Keyed by id so that moving between KPIs starts from a clean state rather than the previous KPI's.
      return <KpiDetailView key={route.kpiId} kpiId={route.kpiId} rangeId={route.range} />;
    case 'map':
      return <MapView plan={plan} metric={route.metric} heat={route.heat} />;
    case 'sensors':
      return <SensorsView districtNames={districtNames} selected={route.sensor} />;
    case 'health':
      return <DataHealthView />;
    case 'plan':
      return <PlanView />;
    case 'report':
      return <ReportView />;
  }
}

export function App() {
  const route = useRoute();
  const plan = usePlan();
  const cityName = plan.data?.city.name ?? null;
  const districtNames = useMemo(
    () => new Map((plan.data?.city.districts ?? []).map((d) => [d.id, d.name])),
    [plan.data],
  );
  const pageKey = route.page === 'kpi' ? `kpi/${route.kpiId}` : route.page;

  useEffect(() => {
    const page = route.page === 'kpi' ? route.kpiId : TITLES[route.page];
    document.title = `${page} · ${cityName ?? 'ssc-monitor'}`;
  }, [route, cityName]);

  // Braces matter: scrollTo returns a promise in recent browsers, and React would call it as a cleanup.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pageKey]);

  return (
    <AlertsProvider plan={plan.data}>
      <div className="app" data-page={route.page}>
        <a className="skip-link" href="#main" onClick={skipToMain}>
          Skip to content
        </a>
        <AppHeader cityName={cityName} page={route.page} />
        <StreamBanner />
        <main className="app-main" id="main" tabIndex={-1}>
          <ErrorBoundary key={pageKey} label={`The ${TITLES[route.page]} view`}>
            <View route={route} plan={plan.data} districtNames={districtNames} />
          </ErrorBoundary>
        </main>
      </div>
    </AlertsProvider>
  );
}

/** The hash is the route, so the skip link moves focus itself rather than navigating to `#main`. */
function skipToMain(event: { preventDefault: () => void }) {
  event.preventDefault();
  document.getElementById('main')?.focus();
}
