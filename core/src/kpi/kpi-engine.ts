import type { Clock } from '../ports/clock.js';
import type { Plan, PlanKpi } from '../plan/plan.js';
import type { Reading } from '../readings/reading.js';
import type { QuantityId } from '../vocabulary/quantities.js';
import { findKpiDefinition } from './catalogue.js';
import { formulaQuantities, type KpiDefinition } from './definition.js';
import { evaluateFormula, formulaThreshold } from './formula.js';
import { expectedValue, nextTarget, progressToward, statusOf } from './progress.js';
import type { KpiSnapshot } from './snapshot.js';
import { WindowAccumulator } from './window-accumulator.js';

interface KpiState {
  readonly definition: KpiDefinition;
  readonly planKpi: PlanKpi;
  readonly accumulator: WindowAccumulator;
}

/**
 * Keeps every plan KPI's current value up to date as readings arrive, without re-querying the
 * store: each reading touches only the KPIs whose formula reads its quantity.
 */
export class KpiEngine {
  readonly #states = new Map<string, KpiState>();
  readonly #byQuantity = new Map<QuantityId, KpiState[]>();

  constructor(
    private readonly plan: Plan,
    private readonly clock: Clock,
  ) {
    for (const planKpi of plan.kpis) {
      const definition = findKpiDefinition(planKpi.id);
      if (definition === undefined) continue; // validatePlan refuses unknown ids; nothing to compute here.
      const quantities = formulaQuantities(definition.formula);
      const threshold = formulaThreshold(definition.formula);
      const accumulator = new WindowAccumulator({
        windowMs: definition.window.ms,
        quantities,
        ...(threshold === undefined ? {} : { threshold }),
      });
      const state: KpiState = { definition, planKpi, accumulator };
      this.#states.set(planKpi.id, state);
      for (const quantity of quantities) {
        const list = this.#byQuantity.get(quantity) ?? [];
        list.push(state);
        this.#byQuantity.set(quantity, list);
      }
    }
  }

  /** Quantities any plan KPI reads: what a restart must replay to rebuild state. */
  get quantities(): QuantityId[] {
    return [...this.#byQuantity.keys()];
  }

  /** Longest KPI window, ms: how far back a restart must replay. */
  get longestWindowMs(): number {
    return Math.max(0, ...[...this.#states.values()].map((s) => s.definition.window.ms));
  }

  /** Applies readings; returns the ids of KPIs whose value may have changed. */
  ingest(readings: Iterable<Reading>): Set<string> {
    const changed = new Set<string>();
    for (const reading of readings) {
      const states = this.#byQuantity.get(reading.quantity);
      if (states === undefined) continue;
      for (const state of states) {
        if (state.accumulator.add(reading)) changed.add(state.planKpi.id);
      }
    }
    return changed;
  }

  has(id: string): boolean {
    return this.#states.has(id);
  }

  definition(id: string): KpiDefinition | undefined {
    return this.#states.get(id)?.definition;
  }

  snapshots(): KpiSnapshot[] {
    return [...this.#states.keys()].map((id) => this.snapshot(id)).filter((s) => s !== undefined);
  }

  snapshot(id: string): KpiSnapshot | undefined {
    const state = this.#states.get(id);
    if (state === undefined) return undefined;
    const { definition, planKpi, accumulator } = state;
    const now = this.clock.now();
    const value = evaluateFormula(definition.formula, (q) => accumulator.totals(q), {
      population: this.plan.city.population,
    });
    const readings = formulaQuantities(definition.formula).reduce(
      (n, q) => n + accumulator.totals(q).count,
      0,
    );
    const at = Number.isFinite(accumulator.watermark) ? accumulator.watermark : null;
    // A value whose newest reading is older than its window says nothing about today.
    const fresh = value !== null && at !== null && now - at <= definition.window.ms;
    const target = nextTarget(planKpi.targets, now);
    const expected = target === null ? null : expectedValue(planKpi.baseline, target, now);
    return {
      id: planKpi.id,
      name: definition.name,
      dimension: definition.dimension,
      subDimension: definition.subDimension,
      unit: definition.unit,
      direction: definition.direction,
      baseline: planKpi.baseline,
      targets: planKpi.targets,
      current: { value, at, readings },
      nextTarget: target,
      progress:
        target === null || value === null
          ? null
          : progressToward(planKpi.baseline.value, target.value, value),
      expected,
      status:
        !fresh || target === null || expected === null
          ? 'no_data'
          : statusOf({
              baseline: planKpi.baseline.value,
              target: target.value,
              expected,
              current: value,
              tolerance: this.plan.tolerance,
              direction: definition.direction,
            }),
    };
  }
}
