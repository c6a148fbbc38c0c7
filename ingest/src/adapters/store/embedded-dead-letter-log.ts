import { BIGINT, LIST, VARCHAR, listValue, type DuckDBValue } from '@duckdb/node-api';
import {
  REJECTION_CODES,
  type DeadLetter,
  type DeadLetterLog,
  type DeadLetterQuery,
  type RejectionCode,
} from '@ssc-monitor/core';
import type { DuckDbDatabase } from './duckdb-database.js';
import { SqlParams } from './bound-sql.js';
import { Lifecycle } from './lifecycle.js';
import { ResultColumns } from './result-columns.js';

const CREATE_DEAD_LETTERS = [
  'CREATE SEQUENCE IF NOT EXISTS dead_letters_id',
  `CREATE TABLE IF NOT EXISTS dead_letters (
  id BIGINT NOT NULL DEFAULT nextval('dead_letters_id'),
  received_at BIGINT NOT NULL,
  topic VARCHAR NOT NULL,
  sensor_id VARCHAR,
  code VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,
  payload_excerpt VARCHAR NOT NULL,
  payload_bytes BIGINT NOT NULL
)`,
];

/**
 * One statement per batch, with each column bound as a list: the appender cannot fill a column
 * whose default calls a sequence, and unnest zips same-length lists row by row.
 */
const INSERT_DEAD_LETTERS = `INSERT INTO dead_letters
  (received_at, topic, sensor_id, code, reason, payload_excerpt, payload_bytes)
SELECT unnest($received_at), unnest($topic), unnest($sensor_id), unnest($code), unnest($reason),
  unnest($payload_excerpt), unnest($payload_bytes)`;

const LIST_COLUMNS =
  'received_at::DOUBLE, topic, sensor_id, code, reason, payload_excerpt, payload_bytes::DOUBLE';

const REJECTION_CODE_SET: ReadonlySet<string> = new Set(REJECTION_CODES);
const isRejectionCode = (code: string): code is RejectionCode => REJECTION_CODE_SET.has(code);

/** The dead-letter log on a table of the embedded database, kept for as long as the database. */
export class EmbeddedDeadLetterLog implements DeadLetterLog {
  readonly #database: DuckDbDatabase;
  readonly #lifecycle = new Lifecycle('dead-letter log');

  constructor(database: DuckDbDatabase) {
    this.#database = database;
  }

  start(): Promise<void> {
    return this.#lifecycle.start(() => this.#database.startWith(CREATE_DEAD_LETTERS));
  }

  /** Releases the database; writes already queued are still stored. Idempotent. */
  close(): Promise<void> {
    return this.#lifecycle.close(() => this.#database.close());
  }

  async add(letters: readonly DeadLetter[]): Promise<void> {
    this.#assertOpen();
    if (letters.length === 0) return;
    await this.#database.write((connection) => {
      const params = bindLetters(letters);
      return connection.run(INSERT_DEAD_LETTERS, params.values, params.types);
    });
  }

  async list(query: DeadLetterQuery): Promise<DeadLetter[]> {
    this.#assertOpen();
    const params = new SqlParams();
    const where =
      query.sensorId === undefined
        ? ''
        : `WHERE sensor_id = ${params.add('sensor', query.sensorId, VARCHAR)}`;
    const limit = params.add('limit', Math.max(0, Math.floor(query.limit)), BIGINT);
    const sql = `SELECT ${LIST_COLUMNS} FROM dead_letters ${where} ORDER BY received_at DESC, id DESC LIMIT ${limit}`;
    const columns = await this.#select(sql, params.values, params.types);
    return toDeadLetters(columns);
  }

  async countsBySensor(): Promise<Map<string, number>> {
    this.#assertOpen();
    const columns = await this.#select(
      'SELECT sensor_id, count(*)::DOUBLE FROM dead_letters WHERE sensor_id IS NOT NULL GROUP BY sensor_id',
    );
    const [sensorIds, counts] = [columns.strings(0), columns.numbers(1)];
    return new Map(sensorIds.map((sensorId, i) => [sensorId, counts[i]!]));
  }

  #select(
    sql: string,
    values: Record<string, DuckDBValue> = {},
    types: SqlParams['types'] = {},
  ): Promise<ResultColumns> {
    return this.#database.read(
      async (connection) => new ResultColumns(await connection.runAndReadAll(sql, values, types)),
    );
  }

  #assertOpen(): void {
    const closed = this.#lifecycle.closedError();
    if (closed !== undefined) throw closed;
  }
}

function bindLetters(letters: readonly DeadLetter[]): SqlParams {
  const params = new SqlParams();
  const text = (name: string, pick: (letter: DeadLetter) => string | null): void => {
    params.add(name, listValue(letters.map(pick)), LIST(VARCHAR));
  };
  const whole = (name: string, pick: (letter: DeadLetter) => number): void => {
    params.add(name, listValue(letters.map((letter) => BigInt(Math.round(pick(letter))))), LIST(BIGINT));
  };
  whole('received_at', (l) => l.receivedAt);
  text('topic', (l) => l.topic);
  text('sensor_id', (l) => l.sensorId);
  text('code', (l) => l.code);
  text('reason', (l) => l.reason);
  text('payload_excerpt', (l) => l.payloadExcerpt);
  whole('payload_bytes', (l) => l.payloadBytes);
  return params;
}

function toDeadLetters(columns: ResultColumns): DeadLetter[] {
  const [receivedAt, topics, sensorIds, codes, reasons, excerpts, bytes] = [
    columns.numbers(0),
    columns.strings(1),
    columns.nullableStrings(2),
    columns.strings(3),
    columns.strings(4),
    columns.strings(5),
    columns.numbers(6),
  ];
  const letters: DeadLetter[] = [];
  for (let i = 0; i < columns.rowCount; i += 1) {
    const code = codes[i]!;
    // A code retired from the catalogue since the letter was stored cannot be typed; leave it out.
    if (!isRejectionCode(code)) continue;
    letters.push({
      topic: topics[i]!,
      sensorId: sensorIds[i] ?? null,
      code,
      reason: reasons[i]!,
      payloadExcerpt: excerpts[i]!,
      payloadBytes: bytes[i]!,
      receivedAt: receivedAt[i]!,
    });
  }
  return letters;
}
