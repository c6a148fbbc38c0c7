import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { feedListIssues, validateFeed } from './feed-validate.js';
import type { Feed } from './feed.js';

/** The example of FeedSchema's documentation, kept here so that it stays valid. */
const EXAMPLE = `
feeds:
  - id: fremont-bridge
    url: https://data.seattle.gov/resource/65db-xm6k.csv
    format: csv
    schedule: 1h
    time: { column: Date, format: 'MM/dd/yyyy hh:mm:ss a', timeZone: America/Los_Angeles }
    readings:
      - { quantity: cycling_count, column: Fremont Bridge West Sidewalk, sensor: fremont-west }
      - { quantity: cycling_count, column: Fremont Bridge East Sidewalk, sensor: fremont-east }
  - id: city-air
    url: https://portal.example.org/api/3/action/datastore_search?resource_id=1f2e
    format: ckan
    schedule: '0,30 * * * *'
    sensor: { column: station, prefix: 'air-' }
    time: { column: measured_at }
    readings:
      - { quantity: no2, column: no2_ppb, unit: ppb }
`;

const base = {
  id: 'f',
  url: 'https://example.org/data.csv',
  format: 'csv',
  schedule: '1h',
  time: { column: 't' },
  readings: [{ quantity: 'pm25', column: 'v', sensor: 's-1' }],
};

function issuesOf(input: unknown) {
  const result = validateFeed(input);
  return result.ok ? [] : result.issues;
}

describe('validateFeed', () => {
  it('accepts the documented example and fills defaults', () => {
    const { feeds } = parse(EXAMPLE) as { feeds: unknown[] };
    const validated = feeds.map(validateFeed);
    expect(validated.map((v) => (v.ok ? 'ok' : v.issues))).toEqual(['ok', 'ok']);
    const first = validated[0];
    expect(first?.ok && first.feed).toMatchObject({
      timeout: '30s',
      time: { format: 'MM/dd/yyyy hh:mm:ss a' },
    });
    const second = validated[1];
    expect(second?.ok && second.feed.time.format).toBe('iso8601');
  });

  it.each([
    [{ url: 'ftp://example.org/x.csv' }, '/url'],
    [{ url: 'file:///etc/passwd' }, '/url'],
    [{ format: 'xml' }, '/format'],
    [{ id: '-bad' }, '/id'],
    [{ readings: [] }, '/readings'],
    [{ readings: [{ quantity: 'pm25', column: 'v', sensor: 'bad id' }] }, '/readings/0/sensor'],
    [{ extra: true }, '/extra'],
  ])('refuses %j by the schema at %s', (change, path) => {
    expect(issuesOf({ ...base, ...change }).map((i) => i.path)).toContain(path);
  });

  it.each([
    [{ schedule: 'hourly' }, '/schedule', /neither a duration/],
    [{ schedule: '0 25 * * *' }, '/schedule', /hour '25'/],
    [{ timeout: 'soon' }, '/timeout', /not a duration/],
    [{ csv: { delimiter: ';' }, format: 'json' }, '/csv', /format: csv only/],
    [{ json: { records: 'items' } }, '/json', /format: json only/],
    [{ pageSize: 50 }, '/pageSize', /ckan, socrata and opendatasoft only/],
    [{ pageSize: 500, format: 'opendatasoft' }, '/pageSize', /at most 100/],
    [{ time: { column: 't', format: 'dd/MM/yyyy' } }, '/time', /needs a timeZone/],
    [{ time: { column: 't', timeZone: 'Europe/Atlantis' } }, '/time', /not an IANA time zone/],
    [
      { readings: [{ quantity: 'bikes_per_hour', column: 'v', sensor: 's' }] },
      '/readings/0/quantity',
      /unknown quantity/,
    ],
    [
      { readings: [{ quantity: 'pm25', column: 'v', unit: 'ppb', sensor: 's' }] },
      '/readings/0/unit',
      /not known for pm25/,
    ],
    [{ readings: [{ quantity: 'pm25', column: 'v' }] }, '/readings/0/sensor', /no sensor/],
  ])('refuses %j at %s', (change, path, message) => {
    const issues = issuesOf({ ...base, ...change });
    expect(issues).toContainEqual({ path, message: expect.stringMatching(message) });
  });

  it('takes quantity aliases and the feed-level sensor', () => {
    const result = validateFeed({
      ...base,
      sensor: { column: 'id' },
      readings: [{ quantity: 'PM2.5', column: 'v' }],
    });
    expect(result.ok).toBe(true);
  });
});

describe('feedListIssues', () => {
  it('reports duplicate ids and per-feed issues under the list path', () => {
    const feed = (id: string, schedule: string) =>
      ({ ...base, id, schedule, timeout: '30s', time: { column: 't', format: 'iso8601' } }) as Feed;
    expect(feedListIssues([feed('a', '1h'), feed('b', 'never'), feed('a', '1h')])).toEqual([
      { path: '/feeds/1/schedule', message: expect.stringContaining('neither a duration') },
      { path: '/feeds/2/id', message: "feed 'a' is listed twice" },
    ]);
  });
});
