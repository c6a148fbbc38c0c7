import { Type, type Static } from '@sinclair/typebox';
import { SENSOR_ID_PATTERN } from '../readings/topics.js';

/** Payload kinds: a plain file, or a portal API that is read page by page. */
export const FEED_FORMATS = ['csv', 'json', 'ckan', 'socrata', 'opendatasoft'] as const;
export type FeedFormat = (typeof FEED_FORMATS)[number];

export const PORTAL_FORMATS = ['ckan', 'socrata', 'opendatasoft'] as const;
export type PortalFormat = (typeof PORTAL_FORMATS)[number];

export function isPortalFormat(format: FeedFormat): format is PortalFormat {
  return (PORTAL_FORMATS as readonly string[]).includes(format);
}

const Column = Type.String({
  minLength: 1,
  description: 'Column name (CSV header) or field path (JSON: a.b)',
});

/** A fixed sensor id, or the column whose value is the sensor id (with an optional prefix). */
export const SensorRefSchema = Type.Union([
  Type.String({ pattern: SENSOR_ID_PATTERN.source, description: 'Fixed sensor id' }),
  Type.Object(
    {
      column: Column,
      prefix: Type.Optional(
        Type.String({ pattern: '^[A-Za-z0-9._:-]*$', description: 'Put before the value' }),
      ),
    },
    { additionalProperties: false },
  ),
]);

export const FeedReadingSchema = Type.Object(
  {
    /** A quantity id or alias of the vocabulary, e.g. cycling_count, pm25. */
    quantity: Type.String({ minLength: 1 }),
    column: Column,
    /** Unit of the column when not the quantity's canonical unit, e.g. ppb, Wh, degF. */
    unit: Type.Optional(Type.String({ minLength: 1 })),
    /** Overrides the feed's `sensor` for this reading. */
    sensor: Type.Optional(SensorRefSchema),
  },
  { additionalProperties: false },
);

export const FeedTimeSchema = Type.Object(
  {
    /** One column, or several joined with spaces (e.g. [year, month, day, hour] with format 'yyyy M d H'). */
    column: Type.Union([Column, Type.Array(Column, { minItems: 2, maxItems: 8 })]),
    /** `iso8601`, `epoch_ms`, `epoch_s`, or a pattern: yyyy MM M dd d HH H hh h mm ss SSS a, '…' literal. */
    format: Type.String({ minLength: 1, default: 'iso8601' }),
    /** IANA zone of local times (patterns, ISO text without offset), e.g. America/Los_Angeles. */
    timeZone: Type.Optional(Type.String({ minLength: 1 })),
  },
  { additionalProperties: false },
);

export const FeedCsvSchema = Type.Object(
  {
    delimiter: Type.String({
      minLength: 1,
      maxLength: 1,
      default: ',',
      description: 'One character; \\t for tab',
    }),
    /** When false, columns are named by position: '1', '2', … */
    header: Type.Boolean({ default: true }),
    /** Decimal separator of numbers; ',' for many European portals. */
    decimal: Type.Union([Type.Literal('.'), Type.Literal(',')], { default: '.' }),
  },
  { additionalProperties: false },
);

/**
 * An open-data feed declared in the master plan, pulled on a schedule and mapped to readings.
 *
 * ```yaml
 * feeds:
 *   - id: fremont-bridge
 *     url: https://data.seattle.gov/resource/65db-xm6k.csv
 *     format: csv                      # csv | json | ckan | socrata | opendatasoft
 *     schedule: 1h                     # a duration, or a 5-field cron pattern in UTC: '0 6 * * *'
 *     time: { column: Date, format: 'MM/dd/yyyy hh:mm:ss a', timeZone: America/Los_Angeles }
 *     readings:
 *       - { quantity: cycling_count, column: Fremont Bridge West Sidewalk, sensor: fremont-west }
 *       - { quantity: cycling_count, column: Fremont Bridge East Sidewalk, sensor: fremont-east }
 *   - id: city-air
 *     url: https://portal.example.org/api/3/action/datastore_search?resource_id=1f2e…
 *     format: ckan                     # paged with limit/offset; pageSize caps each request
 *     schedule: '0,30 * * * *'     # at :00 and :30 UTC
 *     sensor: { column: station, prefix: 'air-' }
 *     time: { column: measured_at }    # ISO 8601 with an offset
 *     readings:
 *       - { quantity: no2, column: no2_ppb, unit: ppb }
 * ```
 * For `format: json`, `json.records` is the dot path of the records array (`data.items`; the
 * payload itself when absent); columns of JSON records may be dot paths (`properties.value`).
 */
export const FeedSchema = Type.Object(
  {
    id: Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$', description: 'Letters, digits, . _ -' }),
    url: Type.String({ pattern: '^https?://[^\\s]+$', description: 'File or portal API endpoint' }),
    format: Type.Union(
      FEED_FORMATS.map((f) => Type.Literal(f)),
      { description: FEED_FORMATS.join(' | ') },
    ),
    schedule: Type.String({ minLength: 1, description: "A duration ('1h', '15m') or a cron pattern in UTC" }),
    /** Longest wait for one HTTP response. */
    timeout: Type.String({ default: '30s', description: 'A duration, e.g. 30s' }),
    /** Records per request for portal APIs; the portal's default when absent. */
    pageSize: Type.Optional(Type.Integer({ minimum: 1 })),
    csv: Type.Optional(FeedCsvSchema),
    json: Type.Optional(
      Type.Object(
        {
          records: Type.Optional(Type.String({ minLength: 1, description: 'Dot path of the records array' })),
        },
        { additionalProperties: false },
      ),
    ),
    /** Default sensor of every reading that names none. */
    sensor: Type.Optional(SensorRefSchema),
    time: FeedTimeSchema,
    readings: Type.Array(FeedReadingSchema, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type Feed = Static<typeof FeedSchema>;
export type FeedReading = Static<typeof FeedReadingSchema>;
export type FeedTime = Static<typeof FeedTimeSchema>;
export type FeedCsvOptions = Static<typeof FeedCsvSchema>;
export type SensorRef = Static<typeof SensorRefSchema>;

export const DEFAULT_FEED_CSV_OPTIONS: FeedCsvOptions = { delimiter: ',', header: true, decimal: '.' };
