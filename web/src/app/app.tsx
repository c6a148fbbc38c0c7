import { useEffect, useMemo } from 'react';
import { ErrorBoundary } from '../components/ui/error-boundary';
import { DataHealthView } from '../features/data-health/components/data-health-view';
import { KpiDetailView } from '../features/kpis/components/kpi-detail-view';
import { OperationsView } from '../features/kpis/components/operations-view';
import { SensorsView } from '../features/sensors/components/sensors-view';
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
  sensors: 'Sensors',
  health: 'Data health',
};

function View({ route, districtNames }: { route: Route; districtNames: ReadonlyMap<string, string> }) {
  switch (route.page) {
    case 'operations':
      return <OperationsView />;
    case 'kpi':
      // Keyed by id so that moving between KPIs starts from a clean state rather than the previous KPI's.
      return <KpiDetailView key={route.kpiId} kpiId={route.kpiId} rangeId={route.range} />;
    case 'sensors':
      return <SensorsView districtNames={districtNames} />;
    case 'health':
      return <DataHealthView />;
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
    <div className="app" data-page={route.page}>
      <AppHeader cityName={cityName} page={route.page} />
      <StreamBanner />
      <main className="app-main">
        <ErrorBoundary key={pageKey} label={`The ${TITLES[route.page]} view`}>
          <View route={route} districtNames={districtNames} />
        </ErrorBoundary>
      </main>
    </div>
  );
}
