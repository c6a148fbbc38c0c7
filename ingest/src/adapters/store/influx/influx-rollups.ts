import { isQuantityId, type AggregateQuery, type QuantityId } from '@ssc-monitor/core';
import type { Logger } from 'pino';
import { retentionCutoff, type ResolvedRollupOptions } from '../rollup-options.js';
import {
  DAY_MS,
  HOUR_MS,
  ceilTo,
  floorTo,
  planAggregate,
  spansOf,
  splitAt,
  wholeMs,
  type AggregatePlan,
  type Span,
} from '../rollup-plan.js';
import { StoreError } from '../store-error.js';
import type { InfluxHttp } from './influx-http.js';
import { toRollupPoints } from './influx-rows.js';
import { ChunkSize } from './rollup-chunks.js';
import {
  decodeTagValue,
  rollupLine,
  TAG_QUANTITY,
  type RollupPoint,
  type RollupResolution,
} from './line-protocol.js';
import type { QuerySeries } from './query-results.js';
import {
  deleteRawBeforeStatement,
  deleteRawStatement,
  districtStatement,
  fromHourlyStatement,
  hourlyFromRawStatement,
  rawExtentStatements,
} from './rollup-influxql.js';
import type { MarkedHour, RollupJournal } from './rollup-journal.js';
import type { ServerVersion } from './server-version.js';

const YEAR_MS = 366 * DAY_MS;

export interface InfluxRollupsDeps {
  readonly http: InfluxHttp;
  readonly journal: RollupJournal;
  /** Writes line protocol straight to InfluxDB (roll-ups bypass the spool: a failed step is redone). */
  readonly send: (body: string) => Promise<void>;
  readonly version: () => Promise<ServerVersion>;
  /** Returns a check that resolves true once every batch spooled so far is acknowledged. */
  readonly spoolMark: () => () => Promise<boolean>;
  readonly options: ResolvedRollupOptions & { readonly batchSize: number };
  readonly logger: Logger;
}

/**
 * Maintenance of the roll-ups in InfluxDB: recomputes the hours the journal marks from raw
 * readings (overwriting their roll-up points, so a rewritten reading counts once), their days from
 * the hourly roll-ups, and applies the raw retention on 1.x. Also plans aggregates from what the
 * journal knows.
 */
export class InfluxRollups {
  readonly #deps: InfluxRollupsDeps;
  readonly #hours = new ChunkSize(HOUR_MS, 7 * DAY_MS, YEAR_MS);
  readonly #days = new ChunkSize(DAY_MS, 92 * DAY_MS, 10 * YEAR_MS);
  /** District answers hold far fewer rows than per-sensor ones, so their spans adapt apart. */
  readonly #districtHours = new ChunkSize(HOUR_MS, 30 * DAY_MS, YEAR_MS);
  #ready = false;
  #warnedVersion = false;

  constructor(deps: InfluxRollupsDeps) {
    this.#deps = deps;
  }

  /** False until every hour of the bucket is accounted for; aggregates read raw readings until then. */
  get ready(): boolean {
    return this.#ready;
  }

  async open(): Promise<void> {
    this.#ready = await this.#deps.journal.open();
  }

  /**
   * The sources of an aggregate. The current and the previous hour are always read raw: other
   * processes writing the same bucket mark their hours in their own journals only.
   */
  plan(query: AggregateQuery, resolution: 'hour' | 'day'): AggregatePlan {
    const span = { from: floorTo(wholeMs(query.from), HOUR_MS), to: ceilTo(wholeMs(query.to), HOUR_MS) };
    const { journal, options } = this.#deps;
    return planAggregate(query, resolution, {
      dirtyHours: journal.laggingHours(query.quantity, span),
      sealedBefore: journal.sealedBefore,
      rawFrom: floorTo(options.clock.now(), HOUR_MS) - HOUR_MS,
    });
  }

  /** One maintenance step; true when hours are left to settle. */
  async step(): Promise<boolean> {
    const { journal } = this.#deps;
    // Taken before the snapshot: every hour in it belongs to a batch spooled by then.
    const caughtUp = this.#deps.spoolMark();
    if (!this.#ready) {
      await this.#waitFor(caughtUp);
      await this.#markEverything();
    }
    const snapshot = journal.snapshot();
    if (snapshot.length > 0) {
      await this.#waitFor(caughtUp);
      await this.#rollUp(snapshot);
      journal.settle(snapshot, this.#deps.options.clock.now() - DAY_MS);
    }
    if (snapshot.length > 0 || !this.#ready) await journal.compact();
    this.#ready = true;
    await this.#applyRetention();
    return journal.size > 0;
  }

  async #waitFor(caughtUp: () => Promise<boolean>): Promise<void> {
    if (await caughtUp()) return;
    throw new StoreError(
      'STORE_ERR_WRITE',
      'InfluxDB has not acknowledged every spooled batch; roll-ups wait',
    );
  }

  /**
   * A bucket without a journal (new, from before roll-ups or from before district roll-ups): every
   * hour from the first raw reading or hourly roll-up to the last is marked.
   */
  async #markEverything(): Promise<void> {
    const extents = new Map<QuantityId, { first?: number; last?: number }>();
    for (const part of await this.#query(rawExtentStatements())) {
      const quantity = decodeTagValue(part.tags[TAG_QUANTITY] ?? '');
      const time = part.values[0]?.[0];
      if (!isQuantityId(quantity) || typeof time !== 'number') continue;
      const extent = extents.get(quantity) ?? {};
      if (part.columns.includes('first')) extent.first = Math.min(time, extent.first ?? time);
      else extent.last = Math.max(time, extent.last ?? time);
      extents.set(quantity, extent);
    }
    for (const [quantity, { first, last }] of extents) {
      if (first === undefined || last === undefined) continue;
      const hours: { quantity: QuantityId; hour: number }[] = [];
      for (let hour = floorTo(first, HOUR_MS); hour <= last; hour += HOUR_MS) hours.push({ quantity, hour });
      this.#deps.journal.touch(hours);
    }
  }

  async #rollUp(marked: readonly MarkedHour[]): Promise<void> {
    const sealedBefore = this.#deps.journal.sealedBefore;
    const byQuantity = new Map<QuantityId, number[]>();
    for (const { quantity, hour } of marked) {
      let hours = byQuantity.get(quantity);
      if (hours === undefined) byQuantity.set(quantity, (hours = []));
      hours.push(hour);
    }
    for (const [quantity, hours] of byQuantity) {
      const [sealed, open] = splitAt(spansOf(hours, HOUR_MS), sealedBefore);
      await this.#hours.each(open, (span) => this.#recomputeHours(quantity, span));
      await this.#hours.each(sealed, (span) => this.#mergeSealedHours(quantity, span));
      await this.#districtHours.each([...sealed, ...open], (span) =>
        this.#rollUpDistricts(quantity, span, 'hour', HOUR_MS, 'districtHour'),
      );
      const days = spansOf([...new Set(hours.map((hour) => floorTo(hour, DAY_MS)))], DAY_MS);
      await this.#days.each(days, async (span) => {
        const answer = await this.#query(fromHourlyStatement(quantity, span, DAY_MS));
        const written = await this.#write(toRollupPoints(answer, quantity), 'day');
        await this.#rollUpDistricts(quantity, span, 'districtHour', DAY_MS, 'districtDay');
        return written;
      });
    }
  }

  /**
   * Recomputes the district roll-ups of `span` from `source` (sensor hours, or district hours for
   * days), overwriting their points, so that a rewrite counts once. Resolves with the points written.
   */
  async #rollUpDistricts(
    quantity: QuantityId,
    span: Span,
    source: 'hour' | 'districtHour',
    every: number,
    target: 'districtHour' | 'districtDay',
  ): Promise<number> {
    const answer = await this.#query(districtStatement(quantity, span, source, every));
    return this.#write(toRollupPoints(answer, quantity), target);
  }

  /** Resolves with the number of roll-up points written. */
  async #recomputeHours(quantity: QuantityId, span: Span): Promise<number> {
    const points = toRollupPoints(await this.#query(hourlyFromRawStatement(quantity, span)), quantity);
    return this.#write(points, 'hour');
  }

  /**
   * Hours whose raw readings were deleted keep their roll-ups; readings written there since are
   * added to them, then deleted like the others. Resolves with the number of late buckets.
   */
  async #mergeSealedHours(quantity: QuantityId, span: Span): Promise<number> {
    const late = toRollupPoints(await this.#query(hourlyFromRawStatement(quantity, span)), quantity);
    if (late.length === 0) return 0;
    const keyOf = (point: RollupPoint): string =>
      `${point.sensor}\u0000${point.district}\u0000${point.bucket}`;
    const kept = new Map<string, RollupPoint>();
    for (const point of toRollupPoints(
      await this.#query(fromHourlyStatement(quantity, span, HOUR_MS)),
      quantity,
    )) {
      kept.set(keyOf(point), point);
    }
    const merged = late.map((point) => {
      const seen = kept.get(keyOf(point));
      if (seen === undefined) return point;
      const { count, sum, min, max } = seen;
      return {
        ...point,
        count: count + point.count,
        sum: sum + point.sum,
        min: Math.min(min, point.min),
        max: Math.max(max, point.max),
      };
    });
    await this.#write(merged, 'hour');
    await this.#query(deleteRawStatement(quantity, span));
    return merged.length;
  }

  /**
   * Deletes raw readings before the cutoff once no hour there awaits roll-up, then moves the seal.
   * In that order: a seal that failed to move leaves sealed hours treated as open, where a recompute
   * finds no raw readings and leaves their roll-ups as they are; a seal moved before a failed delete
   * would have later readings added to roll-ups that already count them. On 2.x and 3.x no
   * statement deletes only the points without a resolution tag, so raw readings are kept there.
   */
  async #applyRetention(): Promise<void> {
    const cutoff = retentionCutoff(this.#deps.options);
    const { journal, logger } = this.#deps;
    if (cutoff === undefined || cutoff <= journal.sealedBefore || journal.hasLaggingBefore(cutoff)) return;
    if ((await this.#deps.version()).major !== 1) {
      if (!this.#warnedVersion) logger.warn('raw retention needs InfluxDB 1.x; raw readings are kept');
      this.#warnedVersion = true;
      return;
    }
    await this.#query(deleteRawBeforeStatement(cutoff));
    await journal.seal(cutoff);
  }

  /** Resolves with the number of points written. */
  async #write(points: readonly RollupPoint[], resolution: RollupResolution): Promise<number> {
    const { batchSize } = this.#deps.options;
    for (let start = 0; start < points.length; start += batchSize) {
      const lines = points.slice(start, start + batchSize).map((point) => rollupLine(point, resolution));
      await this.#deps.send(lines.join('\n'));
    }
    return points.length;
  }

  #query(statement: string): Promise<QuerySeries[]> {
    return this.#deps.http.query(statement);
  }
}
