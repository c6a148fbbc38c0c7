import type { Clock } from '../ports/clock.js';
import type { Store } from '../ports/store.js';
import { catalogueIdOf, type Plan, type PlanKpi } from '../plan/plan.js';
import type { Reading } from '../readings/reading.js';
import { localDateHour } from '../time/local-time.js';
import type { QuantityId } from '../vocabulary/quantities.js';
import { CalendarSource, periodStart } from './calendar-source.js';
import { CATALOGUE_VERSION, findKpiDefinition } from './catalogue.js';
import { DEFAULT_COVERAGE, formulaQuantities, type KpiDefinition } from './definition.js';
import { maturityLevel, verificationWarnings } from './verification.js';
import { DayTable } from './period/day-table.js';
import { loadDayTable, previousPeriod, type MeasureOptions } from './period/measure.js';
import type { SpatialContext } from './period/spatial.js';
import { expectedValue, nextTarget, progressToward, statusOf } from './progress.js';
import { RollingSource } from './rolling-source.js';
import type { KpiSnapshot } from './snapshot.js';
import type { KpiValueSource } from './value-source.js';

interface KpiState {
  readonly definition: KpiDefinition;
  readonly planKpi: PlanKpi;
  readonly source: KpiValueSource;
  /** Sensors the KPI is restricted to (plan scope), or null for the whole city. */
  readonly sensors: ReadonlySet<string> | null;
}

/**
 * Keeps every plan KPI's current value up to date as readings arrive, without re-querying the
 * store: each reading touches only the KPIs whose formula reads its quantity.
 */
export class KpiEngine {
  readonly #states = new Map<string, KpiState>();
  readonly #byQuantity = new Map<QuantityId, KpiState[]>();
  #spatial!: SpatialContext;
  private plan!: Plan;

  constructor(
    plan: Plan,
    private readonly clock: Clock,
  ) {
    this.replacePlan(plan);
  }

  /**
   * Rebuilds every KPI for a new version of the plan (targets, baselines, KPIs added or removed).
   * The new state is empty until `restore` refills it from the store.
   */
  replacePlan(plan: Plan): void {
    this.plan = plan;
    this.#states.clear();
    this.#byQuantity.clear();
    const districtOf = new Map(plan.sensors.map((s) => [s.id, s.district]));
    const population = new Map(plan.city.districts.map((d) => [d.id, d.population]));
    this.#spatial = {
      districtOf: (sensorId) => districtOf.get(sensorId) ?? 'unassigned',
      districtPopulation: (id) => population.get(id),
    };
    for (const planKpi of plan.kpis) {
      const definition = findKpiDefinition(catalogueIdOf(planKpi));
      if (definition !== undefined) this.#add(planKpi, definition);
    }
  }

  #add(planKpi: PlanKpi, definition: KpiDefinition): void {
    const population = this.plan.city.population;
    const source =
      definition.window.kind === 'rolling'
        ? new RollingSource(definition.formula, definition.window, population)
        : new CalendarSource({
            definition,
            timeZone: this.plan.city.timezone,
            population,
            spatial: this.#spatial,
          });
    const state: KpiState = { definition, planKpi, source, sensors: this.#scopeSensors(planKpi) };
    this.#states.set(planKpi.id, state);
    for (const quantity of formulaQuantities(
      definition.formula.kind === 'change_rate' ? definition.formula.of : definition.formula,
    )) {
      this.#byQuantity.set(quantity, [...(this.#byQuantity.get(quantity) ?? []), state]);
    }
  }

  #scopeSensors(planKpi: PlanKpi): Set<string> | null {
    const scope = planKpi.scope;
    if (scope === undefined) return null;
    const districts = new Set(scope.districts ?? []);
    const inDistricts = this.plan.sensors.filter((s) => districts.has(s.district)).map((s) => s.id);
    return new Set([...(scope.sensors ?? []), ...inDistricts]);
  }

  /** Rebuilds every KPI's state from the store (after a restart): raw readings for rolling windows, hourly aggregates for calendar ones. */
  async restore(store: Store): Promise<number> {
    const now = this.clock.now();
    let readings = 0;
    for (const state of this.#states.values()) {
      if (state.source instanceof CalendarSource)
        await this.#restoreCalendar(state, state.source, store, now);
      else readings += await this.#restoreRolling(state, store, now);
    }
    return readings;
  }

  async #restoreRolling(state: KpiState, store: Store, now: number): Promise<number> {
    let n = 0;
    for (const quantity of formulaQuantities(state.definition.formula)) {
      const readings = await store.readings({
        quantity,
        from: now - state.source.staleAfterMs - 3_600_000,
        to: now + 3_600_000,
        ...this.#filter(state),
      });
      for (const reading of readings) state.source.add(reading);
      n += readings.length;
    }
    return n;
  }

  async #restoreCalendar(state: KpiState, source: CalendarSource, store: Store, now: number): Promise<void> {
    const { definition } = state;
    if (definition.window.kind !== 'calendar') return;
    const timeZone = this.plan.city.timezone;
    const today = localDateHour(now, timeZone).date;
    const start = periodStart(today, definition.window.unit);
    const options = {
      ...this.#spatial,
      timeZone,
      population: this.plan.city.population,
      ...this.#filter(state),
    };
    const formula = definition.formula;
    const inner = formula.kind === 'change_rate' ? { ...definition, formula: formula.of } : definition;
    const table = await loadDayTable(store, inner.formula, { ...options, from: start, to: today });
    const previous =
      formula.kind === 'change_rate'
        ? await loadDayTable(store, inner.formula, {
            ...options,
            ...previousPeriod(start, definition.window.unit),
          })
        : new DayTable();
    source.seed(table, start, previous, now);
  }

  #filter(state: KpiState): { sensorIds?: string[]; districts?: string[] } {
    const scope = state.planKpi.scope;
    if (scope === undefined) return {};
    return {
      ...(scope.sensors ? { sensorIds: scope.sensors } : {}),
      ...(scope.districts ? { districts: scope.districts } : {}),
    };
  }

  /** Quantities any plan KPI reads. */
  get quantities(): QuantityId[] {
    return [...this.#byQuantity.keys()];
  }

  /** Applies readings; returns the ids of KPIs whose value may have changed. */
  ingest(readings: Iterable<Reading>): Set<string> {
    const changed = new Set<string>();
    this.apply(readings, (id) => changed.add(id));
    return changed;
  }

  /**
   * Applies readings and tells `changed` the id of each KPI whose value may have changed (once per
   * reading that changed it): the per-message path, which allocates nothing.
   */
  apply(readings: Iterable<Reading>, changed: (id: string) => void): void {
    for (const reading of readings) {
      const states = this.#byQuantity.get(reading.quantity);
      if (states === undefined) continue;
      for (const state of states) {
        if (state.sensors !== null && !state.sensors.has(reading.sensorId)) continue;
        if (state.source.add(reading)) changed(state.planKpi.id);
      }
    }
  }

  /** What measuring or charting this KPI from the store needs: zone, population, districts, scope. */
  measureContext(id: string): Omit<MeasureOptions, 'from' | 'to'> | undefined {
    const state = this.#states.get(id);
    if (state === undefined) return undefined;
    return {
      ...this.#spatial,
      timeZone: this.plan.city.timezone,
      population: this.plan.city.population,
      ...this.#filter(state),
    };
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
    const { definition, planKpi, source } = state;
    const now = this.clock.now();
    const current = source.current(now);
    const { value, at } = current;
    // A value whose newest reading is older than its window says nothing about today.
    const fresh = value !== null && at !== null && now - at <= source.staleAfterMs;
    const target = nextTarget(planKpi.targets, now);
    const expected =
      target === null ? null : expectedValue(planKpi.baseline, target, now, planKpi.trajectory);
    return {
      id: planKpi.id,
      name: planKpi.name ?? definition.name,
      dimension: definition.dimension,
      subDimension: definition.subDimension,
      unit: definition.unit,
      direction: definition.direction,
      baseline: planKpi.baseline,
      targets: planKpi.targets,
      current: { value, at, readings: current.readings, coverage: current.coverage, period: current.period },
      catalogueVersion: CATALOGUE_VERSION,
      dataQuality: current.readings > 0 ? 'accurate_measurement' : 'unknown',
      targetsProgress: [...planKpi.targets]
        .sort((a, b) => a.date.localeCompare(b.date))
        .map((t) => ({
          ...t,
          progress: value === null ? null : progressToward(planKpi.baseline.value, t.value, value),
        })),
      maturityLevel: maturityLevel(planKpi, value, definition.direction),
      warnings: verificationWarnings(
        {
          id: planKpi.id,
          unit: definition.unit,
          current: { ...current, readings: current.readings },
          catalogueVersion: CATALOGUE_VERSION,
        },
        planKpi,
        (other) => (other === id ? null : (this.#states.get(other)?.source.current(now).value ?? null)),
        (definition.coverage ?? DEFAULT_COVERAGE).minShare,
      ),
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
