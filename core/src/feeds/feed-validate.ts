import { Value } from '@sinclair/typebox/value';
import { parseDurationMs } from '../time/duration.js';
import { compileFeedMapping, type FeedIssue } from './feed-mapping.js';
import { parseFeedSchedule } from './feed-schedule.js';
import { FeedSchema, isPortalFormat, type Feed } from './feed.js';
import { PORTALS } from './portals.js';

/** Cross-field rules of one feed that the schema cannot say; paths are relative to the feed. */
export function feedIssues(feed: Feed): FeedIssue[] {
  const issues: FeedIssue[] = [];
  const schedule = parseFeedSchedule(feed.schedule);
  if (!schedule.ok) issues.push({ path: '/schedule', message: schedule.reason });
  const timeout = parseDurationMs(feed.timeout);
  if (timeout === undefined || timeout <= 0)
    issues.push({ path: '/timeout', message: `timeout '${feed.timeout}' is not a duration such as 30s` });
  if (feed.csv !== undefined && feed.format !== 'csv')
    issues.push({ path: '/csv', message: 'csv options apply to format: csv only' });
  if (feed.json !== undefined && feed.format !== 'json')
    issues.push({ path: '/json', message: 'json options apply to format: json only' });
  if (feed.pageSize !== undefined) {
    if (!isPortalFormat(feed.format))
      issues.push({ path: '/pageSize', message: 'pageSize applies to ckan, socrata and opendatasoft only' });
    else if (feed.pageSize > PORTALS[feed.format].maxPageSize)
      issues.push({
        path: '/pageSize',
        message: `${feed.format} serves at most ${PORTALS[feed.format].maxPageSize} records a request`,
      });
  }
  const mapping = compileFeedMapping(feed);
  if (!mapping.ok) issues.push(...mapping.issues);
  return issues;
}

/** Rules over a plan's `feeds` list, with paths under `basePath` (e.g. /feeds/2/time). */
export function feedListIssues(feeds: readonly Feed[], basePath = '/feeds'): FeedIssue[] {
  const issues: FeedIssue[] = [];
  const seen = new Set<string>();
  feeds.forEach((feed, i) => {
    if (seen.has(feed.id))
      issues.push({ path: `${basePath}/${i}/id`, message: `feed '${feed.id}' is listed twice` });
    seen.add(feed.id);
    for (const issue of feedIssues(feed)) issues.push({ ...issue, path: `${basePath}/${i}${issue.path}` });
  });
  return issues;
}

export type FeedValidation = { ok: true; feed: Feed } | { ok: false; issues: FeedIssue[] };

/** Validates one feed object (defaults applied), schema first, then the cross-field rules. */
export function validateFeed(input: unknown): FeedValidation {
  const withDefaults: unknown = Value.Default(FeedSchema, Value.Clone(input));
  const schemaIssues = [...Value.Errors(FeedSchema, withDefaults)].map((e) => ({
    path: e.path,
    message: e.message,
  }));
  if (schemaIssues.length > 0) return { ok: false, issues: schemaIssues };
  const feed = withDefaults as Feed;
  const issues = feedIssues(feed);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, feed };
}
