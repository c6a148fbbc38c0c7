import {
  parseSensorMessage,
  type DeadLetter,
  type DeadLetterLog,
  type IngestCounters,
  type PlatformAlert,
  type Rejection,
  type Store,
} from '@ssc-monitor/core';
import type { Logger } from 'pino';
import { DiskSpool } from '../spool/disk-spool.js';
import { GroupCommitSpool } from '../spool/group-commit-spool.js';
import { SpoolDrain } from '../spool/spool-drain.js';
import {
  columnsOfItems,
  encodeLetter,
  encodeReading,
  type SegmentColumns,
  type SpoolItem,
} from '../spool/spool-records.js';
import type { IngestObserver } from './ingest-observer.js';
import { IngestStats } from './ingest-stats.js';
import { DEFAULT_INTAKE_GATE_OPTIONS, IntakeGate, type IntakeFlow } from './intake-gate.js';
import { deadLetterOf } from './dead-letter-of.js';
import { RecentIdentities } from './recent-identities.js';

export interface IngestPipelineDeps {
  readonly store: Store;
  readonly deadLetters: DeadLetterLog;
  readonly districtOf: (sensorId: string) => string;
  readonly observer: IngestObserver;
  readonly logger: Logger;
  /** Told when the spool fills up and when it has room again (the live stream's `alert` event). */
  readonly alert?: (alert: PlatformAlert) => void;
}

export interface IngestPipelineOptions {
  readonly topicPrefix: string;
  readonly maxPayloadBytes: number;
  /** Readings per store write. */
  readonly batchSize: number;
  /** Folder of the spool segments. */
  readonly spoolDir: string;
  /** Most bytes the spool may hold; beyond it QoS 1 waits unacknowledged and QoS 0 is dropped. */
  readonly spoolMaxBytes: number;
  /** Longest wait at start for a previous run's spool to reach the store, ms. @defaultValue 30_000 */
  readonly backlogTimeoutMs?: number;
  /**
   * Records taken in and not yet stored at which intake pauses (see {@link IntakeGate}).
   * @defaultValue DEFAULT_INTAKE_GATE_OPTIONS.highWater
   */
  readonly backlogHighWater?: number;
  /** Backlog at which paused intake resumes. @defaultValue DEFAULT_INTAKE_GATE_OPTIONS.lowWater */
  readonly backlogLowWater?: number;
}

/** One MQTT message as the source hands it over. */
export interface IncomingMessage {
  readonly topic: string;
  readonly payload: Uint8Array;
  /** Epoch ms. */
  readonly receivedAt: number;
  readonly qos: 0 | 1 | 2;
  /** The broker's duplicate flag: it sent this message before. */
  readonly dup: boolean;
}

export interface SpoolState {
  /** Bytes on disk not yet stored. */
  readonly bytes: number;
  readonly segments: number;
  /** True while acknowledgements are withheld for lack of room. */
  readonly full: boolean;
  /** Group commits so far (one fsync each). */
  readonly commits: number;
  /** Records taken in and not yet stored (spooled, or being committed). */
  readonly backlog: number;
  /** True while intake is paused for the store to catch up. */
  readonly paused: boolean;
  /** Times intake paused so far. */
  readonly pauses: number;
}

/** Segments fsynced at once: on a busy disk four concurrent commits cost about what one does. */
const CONCURRENT_COMMITS = 4;

/**
 * Records kept in memory beside their spool segment until stored, so that the drain does not read
 * and parse what it has just written; intake pauses at a backlog well below it, so in practice every
 * segment of this run is forwarded from memory, and the rest (a previous run's) from disk.
 */
const MEMO_RECORDS = 100_000;

/** One settled promise for every message dropped on overload: the hot path allocates none. */
const NOT_TAKEN: Promise<boolean> = Promise.resolve(false);

/**
 * One MQTT message in: validate, tell the observer (KPI state reflects a reading at once), and make
 * its readings, or its dead letter, durable in the spool. `handle` resolves true once durable, the
 * moment to acknowledge the message; it never throws. The spool is forwarded to the store behind.
 */
export class IngestPipeline {
  readonly stats = new IngestStats();
  readonly #spool: DiskSpool<SegmentColumns>;
  readonly #intake: GroupCommitSpool<SpoolItem, SegmentColumns>;
  readonly #drain: SpoolDrain;
  readonly #recent = new RecentIdentities();
  readonly #gate: IntakeGate;

  constructor(
    private readonly deps: IngestPipelineDeps,
    private readonly options: IngestPipelineOptions,
  ) {
    this.#spool = new DiskSpool(options.spoolDir, {
      extension: 'jsonl',
      concurrency: CONCURRENT_COMMITS,
      memoRecords: MEMO_RECORDS,
    });
    this.#intake = new GroupCommitSpool({
      spool: this.#spool,
      memoOf: columnsOfItems,
      concurrentCommits: CONCURRENT_COMMITS,
      maxBytes: options.spoolMaxBytes,
      logger: deps.logger,
      onFullChange: (full) => this.#fullChanged(full),
    });
    this.#drain = new SpoolDrain({
      spool: this.#spool,
      store: deps.store,
      deadLetters: deps.deadLetters,
      logger: deps.logger,
      batchSize: options.batchSize,
      onForwarded: (readings) => {
        this.stats.stored += readings;
        this.#intake.released();
        this.#gate.update(this.#backlog());
      },
    });
    this.#gate = new IntakeGate({
      highWater: options.backlogHighWater ?? DEFAULT_INTAKE_GATE_OPTIONS.highWater,
      lowWater: options.backlogLowWater ?? DEFAULT_INTAKE_GATE_OPTIONS.lowWater,
      onChange: (open) => {
        if (deps.logger.isLevelEnabled('debug'))
          deps.logger.debug({ backlog: this.#backlog() }, open ? 'intake resumed' : 'intake paused');
      },
    });
  }

  /** Whether sources should read on; they pause (TCP back-pressure) while it is closed. */
  get flow(): IntakeFlow {
    return this.#gate;
  }

  #backlog(): number {
    return this.#spool.pending() + this.#intake.unspooled;
  }

  /** Opens the spool and forwards what a previous run left in it before anything new. */
  async start(): Promise<void> {
    await this.#spool.open();
    this.#drain.start();
    const backlog = this.#spool.pending();
    if (backlog === 0) return;
    this.deps.logger.info({ records: backlog }, 'forwarding the spool of the previous run');
    const drained = await this.#drain.drain(this.options.backlogTimeoutMs ?? 30_000);
    if (!drained)
      this.deps.logger.warn({ records: this.#spool.pending() }, 'spool backlog not yet stored; continuing');
  }

  /**
   * While intake is paused, a QoS 0 message is dropped (and counted) before any work is spent on
   * it, and a QoS 1 message waits, unacknowledged, until the store has caught up.
   */
  handle(message: IncomingMessage): Promise<boolean> {
    if (!this.#gate.open) {
      if (message.qos !== 0) return this.#gate.whenOpen().then(() => this.handle(message));
      this.stats.received += 1;
      this.stats.droppedBy.overload += 1;
      return NOT_TAKEN;
    }
    const { topic, payload, receivedAt } = message;
    this.stats.received += 1;
    const { observer } = this.deps;
    const result = parseSensorMessage({ topic, payload, receivedAt }, this.options);
    if (result.sensorId !== null) observer.message(result.sensorId, receivedAt);
    if (!result.ok) {
      const letter = this.#reject(topic, payload, receivedAt, result.sensorId, result.rejection);
      if (message.dup) this.stats.redelivered += 1;
      return this.#spoolRecords(encodeLetter(letter), 1, message, { letter });
    }
    const seen = this.#recent.remember(result.readings);
    if (seen || message.dup) this.stats.redelivered += 1;
    const district = this.deps.districtOf(result.sensorId);
    let body = '';
    for (const reading of result.readings) body += encodeReading(reading, district);
    this.stats.accepted += result.readings.length;
    observer.accepted(result.sensorId, result.readings);
    return this.#spoolRecords(body, result.readings.length, message, {
      readings: result.readings,
      district,
    });
  }

  async #spoolRecords(
    body: string,
    records: number,
    message: IncomingMessage,
    item: SpoolItem,
  ): Promise<boolean> {
    if (records === 0) return true;
    const appended = this.#intake.append(body, records, message.qos === 0 ? 'drop' : 'wait', item);
    this.#gate.update(this.#backlog());
    const durable = await appended;
    if (durable) {
      this.stats.spooled += records;
      this.#drain.notify();
    } else if (message.qos === 0) this.stats.droppedBy.spool_full += 1;
    return durable;
  }

  /** A message refused before it reached ingest (by the broker's access rules): dead-lettered the same way. */
  refuse(
    topic: string,
    payload: Uint8Array,
    receivedAt: number,
    sensorId: string,
    rejection: Rejection,
  ): void {
    this.stats.received += 1;
    const letter = this.#reject(topic, payload, receivedAt, sensorId, rejection);
    const message = { topic, payload, receivedAt, qos: 1, dup: false } as const;
    void this.#spoolRecords(encodeLetter(letter), 1, message, { letter });
  }

  #reject(
    topic: string,
    payload: Uint8Array,
    receivedAt: number,
    sensorId: string | null,
    rejection: Rejection,
  ): DeadLetter {
    this.stats.reject(rejection.code);
    const letter = deadLetterOf(topic, payload, receivedAt, sensorId, rejection);
    this.deps.observer.rejected(letter);
    if (this.deps.logger.isLevelEnabled('debug'))
      this.deps.logger.debug({ topic, code: rejection.code }, rejection.reason);
    return letter;
  }

  #fullChanged(full: boolean): void {
    const spool = { bytes: this.#spool.bytes(), maxBytes: this.options.spoolMaxBytes };
    const message = full
      ? `Ingest spool full (${spool.maxBytes} bytes, SPOOL_MAX_BYTES): QoS 1 readings are not acknowledged and QoS 0 readings are dropped until the store catches up`
      : 'Ingest spool has room again: readings are acknowledged';
    if (full) this.deps.logger.error(spool, message);
    else this.deps.logger.info(spool, message);
    this.deps.alert?.({ code: 'INGEST_ALERT_SPOOL_FULL', active: full, message, at: Date.now() });
  }

  counters(): IngestCounters {
    return this.stats.counters(this.#spool.pending());
  }

  /** The spool on disk, for metrics and health. */
  spoolState(): SpoolState {
    return {
      bytes: this.#spool.bytes(),
      segments: this.#spool.batches(),
      full: this.#intake.full,
      commits: this.#intake.commits,
      backlog: this.#backlog(),
      paused: !this.#gate.open,
      pauses: this.#gate.pauses,
    };
  }

  get lastStoreError(): string | null {
    return this.#drain.lastError;
  }

  /** Commits what is batched and waits until the store has everything spooled (or `timeoutMs`). */
  async flush(timeoutMs = 30_000): Promise<boolean> {
    await this.#intake.idle();
    return this.#drain.drain(timeoutMs);
  }

  /** Stops intake, forwards what it can; what is left stays in the spool for the next start. */
  async stop(): Promise<void> {
    await this.#intake.stop();
    // Messages held at the gate are spooled no more: they resolve false, so stay unacknowledged.
    this.#gate.release();
    await this.#drain.drain(10_000);
    await this.#drain.stop();
  }
}
