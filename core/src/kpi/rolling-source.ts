import type { Reading } from '../readings/reading.js';
import { formulaQuantities, type Formula, type RollingWindow } from './definition.js';
import { evaluateFormula, formulaThreshold } from './formula.js';
import type { CurrentValue, KpiValueSource } from './value-source.js';
import { WindowAccumulator } from './window-accumulator.js';

const DAY = 86_400_000;

/** A reading-level formula over a rolling window ending at the newest reading (the live view). */
export class RollingSource implements KpiValueSource {
  readonly staleAfterMs: number;
  readonly #accumulator: WindowAccumulator;

  constructor(
    private readonly formula: Formula,
    window: RollingWindow,
    private readonly population: number,
  ) {
    const threshold = formulaThreshold(formula);
    this.staleAfterMs = window.ms;
    this.#accumulator = new WindowAccumulator({
      windowMs: window.ms,
      quantities: formulaQuantities(formula),
      ...(threshold === undefined ? {} : { threshold }),
    });
  }

  add(reading: Reading): boolean {
    return this.#accumulator.add(reading);
  }

  current(): CurrentValue {
    const accumulator = this.#accumulator;
    const value = evaluateFormula(this.formula, (q) => accumulator.totals(q), {
      population: this.population,
      days: this.staleAfterMs / DAY,
    });
    const readings = formulaQuantities(this.formula).reduce((n, q) => n + accumulator.totals(q).count, 0);
    const at = Number.isFinite(accumulator.watermark) ? accumulator.watermark : null;
    return { value, at, readings, coverage: null, period: null };
  }
}
