import type { FeedProblem } from './feed-errors.js';
import type { PortalFormat } from './feed.js';
import { showValue } from './show-value.js';

/** One page of records from a portal API; `total` when the portal says how many there are. */
export interface PortalPage {
  readonly records: readonly unknown[];
  readonly total: number | null;
}

export type PortalPageResult = { ok: true; page: PortalPage } | { ok: false; problem: FeedProblem };

/**
 * A portal API read with limit/offset paging. The feed's `url` is the API endpoint as the portal
 * documents it, with any filters the city wants; the adapter only sets the paging parameters.
 */
export interface PortalAdapter {
  readonly format: PortalFormat;
  readonly defaultPageSize: number;
  readonly maxPageSize: number;
  /** Offset + limit the API refuses to go beyond, when it has such a cap. */
  readonly maxWindow?: number;
  pageUrl(endpoint: string, offset: number, limit: number): string;
  parsePage(json: unknown): PortalPageResult;
}

const portalError = (message: string): PortalPageResult => ({
  ok: false,
  problem: { code: 'FEED_ERR_PORTAL', message: message.slice(0, 500) },
});

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function withParams(endpoint: string, params: Record<string, string>): string {
  const url = new URL(endpoint);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}

/**
 * CKAN DataStore: `…/api/3/action/datastore_search?resource_id=…`; answers
 * `{ success, result: { records, total } }` or `{ success: false, error: { message } }`.
 */
export const CKAN_PORTAL: PortalAdapter = {
  format: 'ckan',
  defaultPageSize: 1000,
  maxPageSize: 32_000,
  pageUrl: (endpoint, offset, limit) =>
    withParams(endpoint, { limit: String(limit), offset: String(offset) }),
  parsePage(json) {
    if (!isObject(json)) return portalError('CKAN answered something other than a JSON object');
    if (json.success !== true) {
      const error = isObject(json.error) ? json.error : {};
      const detail = typeof error.message === 'string' ? error.message : showValue(error, 200);
      return portalError(`CKAN refused the request: ${detail}`);
    }
    const result = isObject(json.result) ? json.result : {};
    if (!Array.isArray(result.records)) return portalError('CKAN answer has no result.records array');
    const total = typeof result.total === 'number' ? result.total : null;
    return { ok: true, page: { records: result.records, total } };
  },
};

/**
 * Socrata SODA: `https://data.<city>/resource/<4x4>.json`; answers a bare array. Paging needs a
 * stable order, so `$order=:id` is added unless the URL sets one.
 */
export const SOCRATA_PORTAL: PortalAdapter = {
  format: 'socrata',
  defaultPageSize: 1000,
  maxPageSize: 50_000,
  pageUrl(endpoint, offset, limit) {
    const params: Record<string, string> = { $limit: String(limit), $offset: String(offset) };
    if (!new URL(endpoint).searchParams.has('$order')) params.$order = ':id';
    return withParams(endpoint, params);
  },
  parsePage(json) {
    if (Array.isArray(json)) return { ok: true, page: { records: json, total: null } };
    const message =
      isObject(json) && typeof json.message === 'string' ? json.message : 'not an array of rows';
    return portalError(`Socrata refused the request: ${message}`);
  },
};

/**
 * OpenDataSoft Explore API v2.1: `…/api/explore/v2.1/catalog/datasets/<id>/records`; answers
 * `{ total_count, results }`. It serves at most 100 records a request and offset + limit ≤ 10,000;
 * larger datasets belong on its `exports/csv` endpoint with `format: csv`.
 */
export const OPENDATASOFT_PORTAL: PortalAdapter = {
  format: 'opendatasoft',
  defaultPageSize: 100,
  maxPageSize: 100,
  maxWindow: 10_000,
  pageUrl: (endpoint, offset, limit) =>
    withParams(endpoint, { limit: String(limit), offset: String(offset) }),
  parsePage(json) {
    if (!isObject(json)) return portalError('OpenDataSoft answered something other than a JSON object');
    if (!Array.isArray(json.results)) {
      const message = typeof json.message === 'string' ? json.message : 'no results array';
      return portalError(`OpenDataSoft refused the request: ${message}`);
    }
    const total = typeof json.total_count === 'number' ? json.total_count : null;
    return { ok: true, page: { records: json.results, total } };
  },
};

export const PORTALS: Readonly<Record<PortalFormat, PortalAdapter>> = {
  ckan: CKAN_PORTAL,
  socrata: SOCRATA_PORTAL,
  opendatasoft: OPENDATASOFT_PORTAL,
};

/** Records per request: the feed's `pageSize`, else the portal default, never above the portal max. */
export function portalPageSize(adapter: PortalAdapter, pageSize: number | undefined): number {
  return Math.min(pageSize ?? adapter.defaultPageSize, adapter.maxPageSize);
}

export type NextPage =
  | { readonly kind: 'next'; readonly offset: number; readonly limit: number }
  | { readonly kind: 'done' }
  /** The portal cannot page further; the rest of the dataset was not read. */
  | { readonly kind: 'capped' };

/** Where the next page starts after one at `offset` with `limit` gave `page`. */
export function nextPortalPage(
  adapter: PortalAdapter,
  offset: number,
  limit: number,
  page: PortalPage,
): NextPage {
  const next = offset + page.records.length;
  if (page.records.length < limit || page.records.length === 0) return { kind: 'done' };
  if (page.total !== null && next >= page.total) return { kind: 'done' };
  if (adapter.maxWindow === undefined) return { kind: 'next', offset: next, limit };
  const room = adapter.maxWindow - next;
  return room > 0 ? { kind: 'next', offset: next, limit: Math.min(limit, room) } : { kind: 'capped' };
}
