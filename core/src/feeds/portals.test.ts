import { describe, expect, it } from 'vitest';
import {
  CKAN_PORTAL,
  OPENDATASOFT_PORTAL,
  SOCRATA_PORTAL,
  nextPortalPage,
  portalPageSize,
  type PortalAdapter,
  type PortalPage,
} from './portals.js';

const query = (url: string) => Object.fromEntries(new URL(url).searchParams);

/** Pages through `total` records served `served` at a time (a server may cap below the limit). */
function pageThrough(adapter: PortalAdapter, limit: number, total: number, withTotal: boolean) {
  const requests: Array<{ offset: number; limit: number }> = [];
  let request = { offset: 0, limit };
  for (;;) {
    requests.push(request);
    const count = Math.max(0, Math.min(request.limit, total - request.offset));
    const page: PortalPage = { records: new Array<unknown>(count).fill({}), total: withTotal ? total : null };
    const next = nextPortalPage(adapter, request.offset, request.limit, page);
    if (next.kind !== 'next') return { requests, end: next.kind };
    request = { offset: next.offset, limit: next.limit };
  }
}

describe('CKAN datastore_search', () => {
  const endpoint =
    'https://ckan.example.org/api/3/action/datastore_search?resource_id=abc&filters=%7B%22site%22%3A1%7D';

  it('sets limit and offset and keeps the filters of the URL', () => {
    expect(query(CKAN_PORTAL.pageUrl(endpoint, 2000, 1000))).toEqual({
      resource_id: 'abc',
      filters: '{"site":1}',
      limit: '1000',
      offset: '2000',
    });
  });

  it('reads records and total, and the error of a refused request', () => {
    const page = { success: true, result: { records: [{ _id: 1 }], total: 2501 } };
    expect(CKAN_PORTAL.parsePage(page)).toEqual({ ok: true, page: { records: [{ _id: 1 }], total: 2501 } });
    const refused = {
      success: false,
      error: { message: 'Not found: Resource "abc" was not found.', __type: 'Not Found Error' },
    };
    expect(CKAN_PORTAL.parsePage(refused)).toEqual({
      ok: false,
      problem: {
        code: 'FEED_ERR_PORTAL',
        message: 'CKAN refused the request: Not found: Resource "abc" was not found.',
      },
    });
    expect(CKAN_PORTAL.parsePage({ success: true, result: {} }).ok).toBe(false);
    expect(CKAN_PORTAL.parsePage([]).ok).toBe(false);
  });

  it('pages until the total is reached', () => {
    expect(pageThrough(CKAN_PORTAL, 1000, 2500, true)).toEqual({
      requests: [
        { offset: 0, limit: 1000 },
        { offset: 1000, limit: 1000 },
        { offset: 2000, limit: 1000 },
      ],
      end: 'done',
    });
    // Exactly a multiple of the page: the total avoids a last, empty request.
    expect(pageThrough(CKAN_PORTAL, 1000, 2000, true).requests).toHaveLength(2);
  });
});

describe('Socrata SODA', () => {
  it('sets $limit and $offset, and orders by :id unless the URL orders', () => {
    const plain = new URL(
      SOCRATA_PORTAL.pageUrl(
        'https://data.seattle.gov/resource/65db-xm6k.json?$where=date>%272017%27',
        0,
        500,
      ),
    );
    expect(Object.fromEntries(plain.searchParams)).toEqual({
      $where: "date>'2017'",
      $order: ':id',
      $limit: '500',
      $offset: '0',
    });
    const ordered = SOCRATA_PORTAL.pageUrl('https://data.seattle.gov/resource/x.json?$order=date', 500, 500);
    expect(query(ordered)).toEqual({ $order: 'date', $limit: '500', $offset: '500' });
  });

  it('reads a bare array, and the message of an error object', () => {
    expect(SOCRATA_PORTAL.parsePage([{ a: '1' }])).toEqual({
      ok: true,
      page: { records: [{ a: '1' }], total: null },
    });
    expect(
      SOCRATA_PORTAL.parsePage({
        code: 'query.soql.no-such-column',
        error: true,
        message: 'No such column: foo',
      }),
    ).toEqual({
      ok: false,
      problem: { code: 'FEED_ERR_PORTAL', message: 'Socrata refused the request: No such column: foo' },
    });
  });

  it('pages without a total until a short page', () => {
    expect(pageThrough(SOCRATA_PORTAL, 1000, 2000, false)).toEqual({
      requests: [
        { offset: 0, limit: 1000 },
        { offset: 1000, limit: 1000 },
        { offset: 2000, limit: 1000 },
      ],
      end: 'done',
    });
  });
});

describe('OpenDataSoft Explore v2.1 records', () => {
  const endpoint = 'https://data.example.fr/api/explore/v2.1/catalog/datasets/air/records?where=year%3D2026';

  it('sets limit and offset, keeping the query', () => {
    expect(query(OPENDATASOFT_PORTAL.pageUrl(endpoint, 100, 100))).toEqual({
      where: 'year=2026',
      limit: '100',
      offset: '100',
    });
  });

  it('reads results and total_count, and the message of an error', () => {
    expect(OPENDATASOFT_PORTAL.parsePage({ total_count: 3, results: [{}, {}, {}] })).toEqual({
      ok: true,
      page: { records: [{}, {}, {}], total: 3 },
    });
    expect(
      OPENDATASOFT_PORTAL.parsePage({ error_code: 'ODSQLError', message: 'Unknown field: foo' }),
    ).toEqual({
      ok: false,
      problem: { code: 'FEED_ERR_PORTAL', message: 'OpenDataSoft refused the request: Unknown field: foo' },
    });
  });

  it('caps the page size at 100 and stops at the 10,000-record window', () => {
    expect(portalPageSize(OPENDATASOFT_PORTAL, 500)).toBe(100);
    expect(portalPageSize(OPENDATASOFT_PORTAL, undefined)).toBe(100);
    expect(portalPageSize(CKAN_PORTAL, 250)).toBe(250);
    const { requests, end } = pageThrough(OPENDATASOFT_PORTAL, 100, 25_000, true);
    expect(requests).toHaveLength(100);
    expect(requests.at(-1)).toEqual({ offset: 9_900, limit: 100 });
    expect(end).toBe('capped');
  });

  it('shrinks the last page to stay inside the window', () => {
    const next = nextPortalPage(OPENDATASOFT_PORTAL, 9_870, 100, {
      records: new Array(100).fill({}),
      total: null,
    });
    expect(next).toEqual({ kind: 'next', offset: 9_970, limit: 30 });
  });

  it('reads a dataset that fits the window to the end', () => {
    expect(pageThrough(OPENDATASOFT_PORTAL, 100, 250, true)).toMatchObject({ end: 'done' });
  });
});
