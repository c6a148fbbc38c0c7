import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import { parseTrustProxy } from '@ssc-monitor/api';

const Port = { minimum: 0, maximum: 65535 };
const Positive = { minimum: 1 };

/**
 * Every environment variable the platform reads, with its default. Parsed once at start-up; nothing
 * else reads process.env. docker-compose.yml and .env.example use the same names.
 */
export const ConfigSchema = Type.Object({
  PORT: Type.Integer({ ...Port, default: 8080, description: 'HTTP port of the API and dashboard' }),
  HOST: Type.String({ default: '127.0.0.1', description: 'HTTP listen address (0.0.0.0 in containers)' }),
  MQTT_URL: Type.Optional(
    Type.String({
      pattern: '^(mqtts?|wss?|tcp|ssl)://',
      description: 'External broker; no embedded broker starts when set',
    }),
  ),
  MQTT_PORT: Type.Integer({ ...Port, default: 1883, description: 'Port of the embedded broker' }),
  MQTT_CREDENTIALS_FILE: Type.Optional(
    Type.String({
      minLength: 1,
      description:
        'Sensor credentials of the embedded broker (npm run sensors); DATA_DIR/mqtt-credentials.yaml',
    }),
  ),
  MQTT_CREDENTIALS_POLL_MS: Type.Integer({
    minimum: 100,
    maximum: 60_000,
    default: 30_000,
    description: 'How often the embedded broker re-reads the credentials file (revocation bound)',
  }),
  MQTT_TLS_PORT: Type.Optional(
    Type.Integer({
      ...Port,
      description: 'MQTT-over-TLS port of the embedded broker (with the cert and key)',
    }),
  ),
  MQTT_TLS_CERT_FILE: Type.Optional(Type.String({ description: 'PEM certificate of the embedded broker' })),
  MQTT_TLS_KEY_FILE: Type.Optional(Type.String({ description: 'PEM private key of the embedded broker' })),
  MQTT_USERNAME: Type.Optional(Type.String()),
  MQTT_PASSWORD: Type.Optional(Type.String()),
  MQTT_CLIENT_ID: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9._-]{1,64}$',
      description: 'Fixed client id: a persistent session (readings queued while down)',
    }),
  ),
  MQTT_SHARED_GROUP: Type.Optional(
    Type.String({
      pattern: '^[A-Za-z0-9_-]{1,64}$',
      description: 'Share the sensor subscription among workers ($share/<group>/…)',
    }),
  ),
  MQTT_INGEST_CONNECTIONS: Type.Integer({
    minimum: 1,
    maximum: 64,
    default: 4,
    description:
      'Connections taking sensor messages from an external broker (a shared subscription): more messages per spool commit',
  }),
  MQTT_CA_FILE: Type.Optional(Type.String({ description: 'CA certificate (PEM) for mqtts://' })),
  MQTT_CERT_FILE: Type.Optional(Type.String({ description: 'Client certificate (PEM)' })),
  MQTT_KEY_FILE: Type.Optional(Type.String({ description: 'Client key (PEM)' })),
  MQTT_TLS_REJECT_UNAUTHORIZED: Type.Boolean({ default: true, description: 'Verify the broker certificate' }),
  ROLE: Type.Union([Type.Literal('all'), Type.Literal('worker'), Type.Literal('monitor')], {
    default: 'all',
    description:
      'all = one process; worker = ingest only, forwarding to the monitor; monitor = KPIs, API, dashboard',
  }),
  MQTT_TOPIC_PREFIX: Type.String({
    default: '',
    pattern: '^([^#+]*/)?$',
    description: "Prefix before 'sensors/…', ending with '/'",
  }),
  STORE: Type.Union([Type.Literal('embedded'), Type.Literal('influx')], {
    default: 'embedded',
    description: 'Time-series store: embedded DuckDB under DATA_DIR, or InfluxDB',
  }),
  INFLUX_URL: Type.Optional(
    Type.String({ pattern: '^https?://', description: 'InfluxDB base URL (STORE=influx)' }),
  ),
  INFLUX_TOKEN: Type.Optional(Type.String({ description: 'InfluxDB 2.x/3.x API token' })),
  INFLUX_USERNAME: Type.Optional(Type.String({ description: 'InfluxDB 1.x user' })),
  INFLUX_PASSWORD: Type.Optional(Type.String()),
  INFLUX_ORG: Type.Optional(Type.String({ description: 'InfluxDB 2.x organisation' })),
  INFLUX_BUCKET: Type.String({
    default: 'ssc',
    minLength: 1,
    description: 'Bucket (2.x/3.x) or database (1.x)',
  }),
  INFLUX_VERSION: Type.Optional(
    Type.String({ pattern: '^v?\\d+(\\.\\d+)*$', description: 'Server version when /ping does not tell' }),
  ),
  REDIS_URL: Type.Optional(
    Type.String({
      pattern: '^rediss?://',
      description: 'Redis for BullMQ feed and report jobs; in-process schedulers when unset',
    }),
  ),
  FEEDS_ALLOW_PRIVATE_NETWORKS: Type.Boolean({
    default: false,
    description: 'Let feeds reach loopback, link-local and private addresses (intranet portals)',
  }),
  RAW_RETENTION: Type.Optional(
    Type.String({
      pattern: '^\\d+(\\.\\d+)?(ms|s|m|h|d|w|y)$',
      description:
        'Keep raw readings this long (e.g. 90d); hourly and daily roll-ups are kept for ever. Unset: keep all',
    }),
  ),
  DATA_DIR: Type.String({ default: './data', minLength: 1, description: 'Folder of the embedded store' }),
  PLAN_FILE: Type.Optional(
    Type.String({ minLength: 1, description: 'Master plan YAML; the demo plan when absent' }),
  ),
  DEMO: Type.Union([Type.Literal('auto'), Type.Literal('on'), Type.Literal('off')], {
    default: 'auto',
    description: 'Run the demo simulators: auto = on unless PLAN_FILE is set',
  }),
  DEMO_SCALE: Type.Union([Type.Literal('normal'), Type.Literal('large')], {
    default: 'normal',
    description:
      'large = the plan enlarged to 1,000 sensors and 50 KPIs (district instances), for the benchmark',
  }),
  DEMO_BACKFILL: Type.String({
    default: '48h',
    pattern: '^\\d+(ms|s|m|h|d)$',
    description: 'Past period the demo fills on first start',
  }),
  LOG_LEVEL: Type.Union(
    ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)),
    { default: 'info' },
  ),
  PUBLIC_DASHBOARD: Type.Boolean({
    default: false,
    description: 'Let anyone read the GET routes the API policy marks public (a citizen dashboard)',
  }),
  API_POLICY_FILE: Type.Optional(
    Type.String({ minLength: 1, description: 'Access policy YAML; api/policy.yaml when unset' }),
  ),
  CORS_ORIGINS: Type.String({
    default: '',
    pattern: '^(https?://[^,\\s/]+(,https?://[^,\\s/]+)*)?$',
    description: 'Comma-separated origins allowed to call the API cross-site; none when empty',
  }),
  API_RATE_LIMIT: Type.Integer({
    ...Positive,
    default: 1200,
    description: 'Requests per client IP per minute; more get 429 with Retry-After',
  }),
  TRUST_PROXY: Type.String({
    default: 'false',
    description:
      'Proxies trusted to name the client in X-Forwarded-For (rate limits, logs): true, false, or IP addresses and CIDR ranges, comma-separated',
  }),
  API_BODY_LIMIT: Type.Integer({
    minimum: 1024,
    default: 1_048_576,
    description: 'Largest request body in bytes; larger ones get 413',
  }),
  INGEST_BATCH_SIZE: Type.Integer({ ...Positive, default: 5000, description: 'Readings per store write' }),
  INGEST_BACKLOG_HIGH: Type.Integer({
    ...Positive,
    default: 20_000,
    description:
      'Readings taken in but not yet stored at which intake pauses (external broker: socket paused; embedded: QoS 1 PUBACKs held, QoS 0 dropped)',
  }),
  INGEST_BACKLOG_LOW: Type.Integer({
    minimum: 0,
    default: 10_000,
    description: 'Backlog at which paused intake resumes; below INGEST_BACKLOG_HIGH',
  }),
  SPOOL_MAX_BYTES: Type.Optional(
    Type.Integer({
      minimum: 1024,
      description:
        'Most bytes the ingest spool (DATA_DIR/spool) may hold; when full, QoS 1 is not acknowledged. Default: 25 % of free disk',
    }),
  ),
});

export type Config = Readonly<Static<typeof ConfigSchema>>;

export type ConfigResult = { ok: true; config: Config } | { ok: false; errors: string[] };

/** Parses the environment into a frozen config, listing every bad variable at once. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>): ConfigResult {
  const known = Object.keys(ConfigSchema.properties);
  const picked = Object.fromEntries(
    known.filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]),
  );
  const converted = Value.Convert(ConfigSchema, Value.Default(ConfigSchema, picked));
  const errors = [...Value.Errors(ConfigSchema, converted)].map((e) => {
    const name = e.path.replace(/^\//, '');
    const choices = (e.schema.anyOf as Array<{ const?: unknown }> | undefined)
      ?.map((s) => s.const)
      .join(', ');
    return `${name}=${JSON.stringify(env[name] ?? '')}: ${choices ? `expected one of ${choices}` : e.message}`;
  });
  const candidate = converted as Partial<Config>;
  if (candidate.STORE === 'influx' && !candidate.INFLUX_URL)
    errors.push('INFLUX_URL: required when STORE=influx (e.g. http://localhost:8086)');
  const tlsParts = [candidate.MQTT_TLS_PORT, candidate.MQTT_TLS_CERT_FILE, candidate.MQTT_TLS_KEY_FILE];
  if (tlsParts.some((v) => v !== undefined) && tlsParts.some((v) => v === undefined))
    errors.push('MQTT_TLS_PORT, MQTT_TLS_CERT_FILE, MQTT_TLS_KEY_FILE: set all three for the TLS listener');
  const trustProxy = parseTrustProxy(candidate.TRUST_PROXY ?? '');
  if (!trustProxy.ok)
    errors.push(`TRUST_PROXY=${JSON.stringify(env.TRUST_PROXY ?? '')}: ${trustProxy.reason}`);
  const { INGEST_BACKLOG_HIGH: high, INGEST_BACKLOG_LOW: low } = candidate;
  if (high !== undefined && low !== undefined && low >= high)
    errors.push(`INGEST_BACKLOG_LOW=${low}: must be below INGEST_BACKLOG_HIGH=${high}`);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, config: Object.freeze(converted as Config) };
}
