import { routeHref, type Page } from '../lib/hash-route';
import { useSession } from '../lib/session/session-context';
import { LiveIndicator } from './live-indicator';

const NAV: readonly { page: Page; label: string; href: string }[] = [
  { page: 'operations', label: 'Operations', href: routeHref({ page: 'operations' }) },
  { page: 'map', label: 'Map', href: routeHref({ page: 'map', metric: null, heat: null }) },
  { page: 'sensors', label: 'Sensors', href: routeHref({ page: 'sensors', sensor: null }) },
  { page: 'health', label: 'Data health', href: routeHref({ page: 'health' }) },
  { page: 'plan', label: 'Master plan', href: routeHref({ page: 'plan' }) },
  { page: 'report', label: 'Report', href: routeHref({ page: 'report' }) },
];

export interface AppHeaderProps {
  /** Null until the plan has loaded (or if it cannot be). */
  readonly cityName: string | null;
  readonly page: Page;
}

export function AppHeader({ cityName, page }: AppHeaderProps) {
  // A KPI page belongs to the operations section of the nav.
  const section: Page = page === 'kpi' ? 'operations' : page;
  return (
    <header className="app-header">
      <div className="app-header__brand">
        <span className="app-header__city" data-testid="city-name">
          {cityName ?? 'Smart sustainable city'}
        </span>
        <span className="app-header__product">Master plan monitor</span>
      </div>
      <nav className="app-nav" aria-label="Main">
        {NAV.map((item) => (
          <a
            key={item.page}
            href={item.href}
            className="app-nav__link"
            aria-current={item.page === section ? 'page' : undefined}
            data-testid={`nav-${item.page}`}
          >
            {item.label}
          </a>
        ))}
      </nav>
      <div className="app-header__end">
        <LiveIndicator />
        <SessionBadge />
      </div>
    </header>
  );
}

/** Who is signed in and the way out; on a public dashboard without a session, the way in. */
function SessionBadge() {
  const state = useSession();
  if (state === null) return null;
  if (!state.session.authenticated)
    return (
      <div className="app-session" data-testid="session" data-role="public">
        <span>Public view</span>
        <button type="button" className="button button--small" onClick={state.signIn}>
          Sign in
        </button>
      </div>
    );
  const { role, name } = state.session;
  return (
    <div className="app-session" data-testid="session" data-role={role}>
      <span title={name}>Signed in as {role}</span>
      <button type="button" className="button button--small" onClick={state.signOut} data-testid="sign-out">
        Sign out
      </button>
    </div>
  );
}
