import { createHash } from 'node:crypto';
import type {
  KpiEngine,
  LiveBus,
  Plan,
  PlanChange,
  PlanRepository,
  PlanVersion,
  Store,
} from '@ssc-monitor/core';
import type { Logger } from 'pino';
import type { SensorRegistry } from './pipeline/sensor-registry.js';

const FILE_AUTHOR = 'plan file';

function fingerprint(plan: Plan): string {
  return createHash('sha256').update(JSON.stringify(plan)).digest('hex').slice(0, 16);
}

/**
 * The master plan in force, its versions, and applying a new version to the running platform:
 * the KPI engine is rebuilt and refilled from the store, sensors take their new districts, and every
 * KPI is pushed to live clients.
 */
export class PlanService {
  #current!: PlanVersion;

  constructor(
    private readonly repository: PlanRepository,
    private readonly logger: Logger,
  ) {}

  get plan(): Plan {
    return this.#current.plan;
  }

  get version(): number {
    return this.#current.version;
  }

  /**
   * Opens the plan history. The plan file seeds it; when the file has changed since it was last
   * imported, it is recorded as a new version (edits made through the API stay in the history).
   */
  async open(filePlan: Plan, fileName: string): Promise<Plan> {
    const note = `imported from ${fileName} (${fingerprint(filePlan)})`;
    const history = await this.repository.history();
    const lastImport = history.find((c) => c.author === FILE_AUTHOR);
    const latest = await this.repository.latest();
    if (latest !== undefined && lastImport?.note === note) {
      this.#current = latest;
    } else {
      this.#current = await this.repository.save(filePlan, { author: FILE_AUTHOR, note });
      if (latest !== undefined)
        this.logger.warn(
          { file: fileName, version: this.#current.version },
          'the plan file changed: recorded as a new plan version',
        );
    }
    return this.#current.plan;
  }

  history(): Promise<PlanChange[]> {
    return this.repository.history();
  }

  get(version: number): Promise<PlanVersion | undefined> {
    return this.repository.get(version);
  }

  /** Saves a validated plan as a new version and applies it to the running parts. */
  async update(
    plan: Plan,
    change: { author: string; note: string },
    running: { engine: KpiEngine; sensors: SensorRegistry; store: Store; live: LiveBus },
  ): Promise<PlanVersion> {
    const saved = await this.repository.save(plan, change);
    this.#current = saved;
    running.engine.replacePlan(plan);
    running.sensors.replacePlanSensors(plan.sensors);
    await running.engine.restore(running.store);
    for (const snapshot of running.engine.snapshots()) running.live.publish({ type: 'kpi', data: snapshot });
    this.logger.info({ version: saved.version, author: saved.author, note: saved.note }, 'plan updated');
    return saved;
  }
}
