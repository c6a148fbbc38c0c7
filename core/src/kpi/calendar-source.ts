import type { Reading } from '../readings/reading.js';
import type { QuantityId } from '../vocabulary/quantities.js';
import { localDateHour } from '../time/local-time.js';
import { formulaQuantities, type CalendarWindow, type KpiDefinition } from './definition.js';
import { formulaThreshold } from './formula.js';
import { DayTable } from './period/day-table.js';
import { datesBetween, previousPeriod } from './period/measure.js';
import { changeRate, evaluatePeriod } from './period/period-evaluation.js';
import type { SpatialContext } from './period/spatial.js';
import type { CurrentValue, KpiValueSource } from './value-source.js';

const HOUR = 3_600_000;
export const DEFAULT_CALENDAR_DEDUP_MS = HOUR;

export interface CalendarSourceOptions {
  readonly definition: KpiDefinition;
  readonly timeZone: string;
  readonly population: number;
  readonly spatial: SpatialContext;
  /** How long point keys are kept to absorb redeliveries exactly. @defaultValue 1 h */
  readonly dedupHorizonMs?: number;
}

/** First local date of the calendar period that contains `date`. */
export function periodStart(date: string, unit: CalendarWindow['unit']): string {
  if (unit === 'year') return `${date.slice(0, 4)}-01-01`;
  return unit === 'month' ? `${date.slice(0, 7)}-01` : date;
}

/** First local date of the period after the one starting at `start`. */
export function nextPeriodStart(start: string, unit: CalendarWindow['unit']): string {
  const d = new Date(`${start}T00:00:00Z`);
  if (unit === 'year') d.setUTCFullYear(d.getUTCFullYear() + 1);
  else if (unit === 'month') d.setUTCMonth(d.getUTCMonth() + 1);
  else d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/**
 * A KPI over the current calendar period (year, month or day in the city's time zone), kept as a day
 * table updated reading by reading. When a reading opens a new period, the previous period's value is
 * kept (for change_rate) and the table starts afresh.
 */
export class CalendarSource implements KpiValueSource {
  readonly staleAfterMs: number;
  #table = new DayTable();
  #start: string | null = null;
  #watermark = -Infinity;
  /** The whole previous period, kept so that late readings for it still count (change_rate). */
  #previousTable = new DayTable();
  /** Recent point keys → their value and time, to absorb redeliveries and apply corrections. */
  readonly #recent = new Map<string, { value: number; ts: number }>();
  readonly #unit: CalendarWindow['unit'];
  readonly #threshold: number | undefined;
  readonly #quantities: ReadonlySet<QuantityId>;

  constructor(private readonly options: CalendarSourceOptions) {
    const window = options.definition.window as CalendarWindow;
    this.#unit = window.unit;
    this.staleAfterMs = window.unit === 'year' ? 40 * 24 * HOUR : 2 * 24 * HOUR;
    const formula = options.definition.formula;
    this.#threshold = formulaThreshold(formula.kind === 'change_rate' ? formula.of : formula);
    this.#quantities = new Set(formulaQuantities(formula));
  }

  /** Replaces the state with day tables rebuilt from the store: the period starting at `start` and the one before. */
  seed(table: DayTable, start: string, previousTable: DayTable, newestTs: number): void {
    this.#table = table;
    this.#start = start;
    this.#previousTable = previousTable;
    this.#watermark = Math.max(this.#watermark, newestTs);
  }

  add(reading: Reading): boolean {
    if (!this.#quantities.has(reading.quantity)) return false;
    const { date, hour } = localDateHour(reading.ts, this.options.timeZone);
    const start = periodStart(date, this.#unit);
    if (this.#start !== null && start > this.#start) this.#rollOver(start);
    this.#start ??= start;
    const table =
      start === this.#start ? this.#table : start === this.#previousStart() ? this.#previousTable : null;
    if (table === null) return false;
    const key = `${reading.sensorId}|${reading.quantity}|${reading.ts}`;
    const seen = this.#recent.get(key);
    if (seen !== undefined) {
      if (seen.value === reading.value) return false;
      table.replaceReading(
        reading.quantity,
        reading.sensorId,
        date,
        seen.value,
        reading.value,
        this.#threshold,
      );
      seen.value = reading.value;
      return true;
    }
    this.#remember(key, reading.value, reading.ts);
    const above = this.#threshold !== undefined && reading.value > this.#threshold;
    table.addReading(reading.quantity, reading.sensorId, date, hour, reading.value, above);
    return table === this.#table || this.options.definition.formula.kind === 'change_rate';
  }

  current(now: number): CurrentValue {
    if (this.#start === null) return { value: null, at: null, readings: 0, coverage: null, period: null };
    const today = localDateHour(Math.max(now, this.#watermark), this.options.timeZone).date;
    const to = this.#periodEnd(this.#start) < today ? this.#periodEnd(this.#start) : today;
    const result = this.#evaluate(this.#table, this.#start, to);
    const value =
      this.options.definition.formula.kind === 'change_rate'
        ? changeRate(
            this.#evaluate(this.#previousTable, this.#previousStart(), this.#periodEnd(this.#previousStart()))
              .value,
            result.value,
          )
        : result.value;
    const at = Number.isFinite(this.#watermark) ? this.#watermark : null;
    return {
      value,
      at,
      readings: result.readings,
      coverage: result.coverage,
      period: { from: this.#start, to },
    };
  }

  #evaluate(table: DayTable, from: string, to: string) {
    const definition = this.options.definition;
    const formula = definition.formula;
    const inner = formula.kind === 'change_rate' ? { ...definition, formula: formula.of } : definition;
    return evaluatePeriod(inner, table, {
      ...this.options.spatial,
      population: this.options.population,
      dates: datesBetween(from, to),
    });
  }

  #rollOver(start: string): void {
    // The current period becomes the previous one only if the new period follows it directly.
    const follows = this.#start !== null && nextPeriodStart(this.#start, this.#unit) === start;
    this.#previousTable = follows ? this.#table : new DayTable();
    this.#table = new DayTable();
    this.#start = start;
  }

  #previousStart(): string {
    return previousPeriod(this.#start ?? '1970-01-01', this.#unit).from;
  }

  #periodEnd(start: string): string {
    const next = nextPeriodStart(start, this.#unit);
    return new Date(Date.parse(`${next}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  }

  #remember(key: string, value: number, ts: number): void {
    const crossesHour = Math.floor(ts / HOUR) > Math.floor(this.#watermark / HOUR);
    if (ts > this.#watermark) this.#watermark = ts;
    this.#recent.set(key, { value, ts });
    if (!crossesHour) return;
    const oldest = this.#watermark - (this.options.dedupHorizonMs ?? DEFAULT_CALENDAR_DEDUP_MS);
    for (const [k, seen] of this.#recent) if (seen.ts < oldest) this.#recent.delete(k);
  }
}
