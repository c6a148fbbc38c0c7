import { floorTo, type Span } from '../rollup-plan.js';

/** Rows one answer of a maintenance query should hold, so that memory stays bounded. */
const TARGET_ROWS = 20_000;

/**
 * The span one maintenance query covers, in whole `unit`s, adapted after each answer to the density
 * of the data: a year of two sensors is one query, a week of a thousand sensors several.
 */
export class ChunkSize {
  readonly #unit: number;
  readonly #max: number;
  #ms: number;

  constructor(unit: number, initial: number, max: number) {
    this.#unit = unit;
    this.#max = max;
    this.#ms = initial;
  }

  /** Runs `work` on pieces of `spans`; `work` resolves with the rows its answer held. */
  async each(spans: readonly Span[], work: (piece: Span) => Promise<number>): Promise<void> {
    for (const { from, to } of spans) {
      for (let at = from; at < to;) {
        const piece = { from: at, to: Math.min(to, at + this.#ms) };
        this.#adapt(await work(piece), piece.to - piece.from);
        at = piece.to;
      }
    }
  }

  #adapt(rows: number, ms: number): void {
    const ideal = rows === 0 ? this.#max : (TARGET_ROWS / rows) * ms;
    this.#ms = Math.min(this.#max, Math.max(this.#unit, floorTo(ideal, this.#unit)));
  }
}
