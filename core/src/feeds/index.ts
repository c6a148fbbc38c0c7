/**
 * Open-data feeds: declaration in the master plan, payload parsing, mapping rows to readings,
 * portal paging and the status model. Pure: fetching and scheduling live in ingest.
 */
export {
  DEFAULT_FEED_CSV_OPTIONS,
  FEED_FORMATS,
  FeedCsvSchema,
  FeedReadingSchema,
  FeedSchema,
  FeedTimeSchema,
  PORTAL_FORMATS,
  SensorRefSchema,
  isPortalFormat,
  type Feed,
  type FeedCsvOptions,
  type FeedFormat,
  type FeedReading,
  type FeedTime,
  type PortalFormat,
  type SensorRef,
} from './feed.js';
export { FEED_ERROR_CODES, FeedError, type FeedErrorCode, type FeedProblem } from './feed-errors.js';
export {
  nextScheduledRun,
  parseFeedSchedule,
  type FeedSchedule,
  type FeedScheduleResult,
} from './feed-schedule.js';
export { feedIssues, feedListIssues, validateFeed, type FeedValidation } from './feed-validate.js';
export {
  compileFeedMapping,
  feedCell,
  mapFeedRow,
  newRowMappingContext,
  type FeedIssue,
  type FeedMapping,
  type RowError,
  type RowMappingContext,
  type SourceRow,
} from './feed-mapping.js';
export {
  MAX_ROW_ERRORS,
  mapFeedRows,
  parseCsvRows,
  parseFileRows,
  parseJsonDocument,
  parseJsonRows,
  recordRows,
  type FeedBatch,
  type RowsResult,
} from './feed-rows.js';
export {
  EMPTY_FEED_RUN_SUMMARY,
  MAX_FEED_HISTORY,
  MAX_RUN_ROW_ERRORS,
  feedStatusOf,
  redactFeedUrl,
  summariseRun,
  type FeedRunRecord,
  type FeedRunSummary,
  type FeedStatus,
  type FeedStatusSource,
} from './feed-status.js';
export {
  CKAN_PORTAL,
  OPENDATASOFT_PORTAL,
  PORTALS,
  SOCRATA_PORTAL,
  nextPortalPage,
  portalPageSize,
  type NextPage,
  type PortalAdapter,
  type PortalPage,
  type PortalPageResult,
} from './portals.js';
export { parseCsv, type CsvParseResult, type CsvRecord } from './csv.js';
export { compileTimeFormat, type TimeFormatSpec, type TimeParser } from './time-format.js';
