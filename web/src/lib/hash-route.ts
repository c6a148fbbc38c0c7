/**
 * The page's location lives in the URL hash, so every view can be shared or put on a screen by URL and
 * the API needs no history fallback for it:
 *   #/                      operations (default)
 *   #/kpi/<id>?range=7d     one KPI; range is 24h, 7d or 30d
 *   #/sensors               sensors
 *   #/health                data health (ingest health and dead letters)
 */
export type Route =
  | { readonly page: 'operations' }
  | { readonly page: 'kpi'; readonly kpiId: string; readonly range: string | null }
  | { readonly page: 'sensors' }
  | { readonly page: 'health' };

export type Page = Route['page'];

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#/, '').split('?', 2);
  const segments = path.split('/').filter((s) => s !== '');
  const [first, second] = segments;
  if (first === 'sensors' && segments.length === 1) return { page: 'sensors' };
  if (first === 'health' && segments.length === 1) return { page: 'health' };
  if (first === 'kpi' && second !== undefined && segments.length === 2) {
    const kpiId = safeDecode(second);
    if (kpiId !== null && kpiId !== '')
      return { page: 'kpi', kpiId, range: new URLSearchParams(search).get('range') };
  }
  return { page: 'operations' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'operations':
      return '#/';
    case 'sensors':
      return '#/sensors';
    case 'health':
      return '#/health';
    case 'kpi': {
      const base = `#/kpi/${encodeURIComponent(route.kpiId)}`;
      return route.range === null ? base : `${base}?range=${encodeURIComponent(route.range)}`;
    }
  }
}

export const kpiHref = (kpiId: string, range: string | null = null): string =>
  routeHref({ page: 'kpi', kpiId, range });

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
