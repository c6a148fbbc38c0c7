import { Type, type Static } from '@sinclair/typebox';
import { FeedSchema, parseYamlFile, type Feed, type YamlResult } from '@ssc-monitor/core';

/**
 * How a historical file maps to readings: the same mapping as an open-data feed (format, CSV options,
 * sensor, time column(s) with format and zone, quantity per column), without the URL and schedule.
 *
 * ```yaml
 * format: csv
 * sensor: fremont-bridge
 * time: { column: Date, format: 'MM/dd/yyyy hh:mm:ss a', timeZone: America/Los_Angeles }
 * readings:
 *   - { quantity: cycling_count, column: Fremont Bridge West Sidewalk, sensor: fremont-west }
 *   - { quantity: cycling_count, column: Fremont Bridge East Sidewalk, sensor: fremont-east }
 * ```
 */
export const ImportMappingSchema = Type.Omit(FeedSchema, ['id', 'url', 'schedule', 'timeout', 'pageSize']);

export type ImportMapping = Static<typeof ImportMappingSchema>;

export function parseImportMapping(text: string): YamlResult<ImportMapping> {
  return parseYamlFile(text, ImportMappingSchema);
}

/** The mapping as a feed, so that import and feeds share one parser and one row mapper. */
export function asFeed(mapping: ImportMapping, name: string): Feed {
  return {
    id: 'import',
    url: `http://import.invalid/${encodeURIComponent(name)}`,
    schedule: '1d',
    timeout: '30s',
    ...mapping,
  };
}
