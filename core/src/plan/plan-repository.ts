import type { Plan } from './plan.js';

/** Who changed the plan, when and why: plan changes are never silent. */
export interface PlanChange {
  readonly version: number;
  readonly author: string;
  /** Epoch ms. */
  readonly at: number;
  readonly note: string;
}

export interface PlanVersion extends PlanChange {
  readonly plan: Plan;
}

/**
 * Versioned storage of the master plan. Every save is a new version; earlier versions are kept and
 * can be read back, so no edit ever loses the previous plan.
 */
export interface PlanRepository {
  /** The newest version, or undefined when nothing was saved yet. */
  latest(): Promise<PlanVersion | undefined>;
  get(version: number): Promise<PlanVersion | undefined>;
  /** Newest first. */
  history(): Promise<PlanChange[]>;
  save(plan: Plan, change: { readonly author: string; readonly note: string }): Promise<PlanVersion>;
}
