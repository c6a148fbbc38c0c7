/**
 * The page's location lives in the URL hash, so every view can be shared or put on a screen by URL and
 * the API needs no history fallback for it:
 *   #/                               operations (default)
 *   #/kpi/<id>?range=7d              one KPI; range is 24h, 7d, 30d or all (since the baseline period)
 *   #/map?metric=pm25&heat=no2       map; metric is `status` or a quantity, heat a quantity
 *   #/sensors?sensor=<id>            sensors, with one row selected
 *   #/health                         data health (ingest health and dead letters)
 *   #/plan                           the master plan by phase: baseline, targets, initiatives, monitoring
 *   #/report                         progress report for a council meeting or the public (prints on A4)
 */
export type Route =
  | { readonly page: 'operations' }
  | { readonly page: 'kpi'; readonly kpiId: string; readonly range: string | null }
  | { readonly page: 'map'; readonly metric: string | null; readonly heat: string | null }
  | { readonly page: 'sensors'; readonly sensor: string | null }
  | { readonly page: 'health' }
  | { readonly page: 'plan' }
  | { readonly page: 'report' };

export type Page = Route['page'];

/** A query value as the route carries it: absent and empty are the same. */
function param(search: URLSearchParams, name: string): string | null {
  const value = search.get(name);
  return value === null || value === '' ? null : value;
}

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2);
  const search = new URLSearchParams(query);
  const segments = path.split('/').filter((s) => s !== '');
  const [first, second] = segments;
  if (first === 'sensors' && segments.length === 1)
    return { page: 'sensors', sensor: param(search, 'sensor') };
  if (first === 'map' && segments.length === 1)
    return { page: 'map', metric: param(search, 'metric'), heat: param(search, 'heat') };
  if (first === 'health' && segments.length === 1) return { page: 'health' };
  if (first === 'plan' && segments.length === 1) return { page: 'plan' };
  if (first === 'report' && segments.length === 1) return { page: 'report' };
  if (first === 'kpi' && second !== undefined && segments.length === 2) {
    const kpiId = safeDecode(second);
    if (kpiId !== null && kpiId !== '') return { page: 'kpi', kpiId, range: param(search, 'range') };
  }
  return { page: 'operations' };
}

function withQuery(base: string, query: Readonly<Record<string, string | null>>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== null) search.set(key, value);
  const text = search.toString();
  return text === '' ? base : `${base}?${text}`;
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'operations':
      return '#/';
    case 'sensors':
      return withQuery('#/sensors', { sensor: route.sensor });
    case 'map':
      return withQuery('#/map', { metric: route.metric, heat: route.heat });
    case 'health':
      return '#/health';
    case 'plan':
      return '#/plan';
    case 'report':
      return '#/report';
    case 'kpi':
      return withQuery(`#/kpi/${encodeURIComponent(route.kpiId)}`, { range: route.range });
  }
}

export const kpiHref = (kpiId: string, range: string | null = null): string =>
  routeHref({ page: 'kpi', kpiId, range });

export const sensorHref = (sensor: string | null): string => routeHref({ page: 'sensors', sensor });

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}
