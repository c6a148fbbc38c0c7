import type { KpiSnapshot } from '@ssc-monitor/core';
import { formatPlanDate } from '../../lib/format';
import { computeEffect, effectKey, effectPeriods, type Effect } from '../../lib/plan/effect';
import type { Initiative } from '../../lib/plan/plan-types';
import type { MeasurementResult } from '../../lib/plan/use-measurements';
import './initiative-card.css';

export interface InitiativeCardProps {
  readonly initiative: Initiative;
  readonly kpis: ReadonlyMap<string, KpiSnapshot>;
  readonly measured: ReadonlyMap<string, MeasurementResult>;
  /** YYYY-MM-DD. */
  readonly today: string;
}

const valueOf = (result: MeasurementResult | undefined): number | null =>
  result?.ok === true ? result.value.value : null;

export function formatBudget(budget: Initiative['budget']): string {
  if (budget === undefined) return 'No budget stated';
  try {
    return new Intl.NumberFormat('en-GB', {
      style: 'currency',
      currency: budget.currency,
      maximumFractionDigits: 0,
    }).format(budget.amount);
  } catch {
    // Not an ISO 4217 code: show it as written rather than fail the card.
    return `${budget.amount.toLocaleString('en-GB')} ${budget.currency}`;
  }
}

function EffectLine({ effect, pending, started }: { effect: Effect; pending: boolean; started: boolean }) {
  if (!started)
    return <span className="muted">Not started yet; the 12 months before it are the reference.</span>;
  if (pending) return <span className="muted">Measuring…</span>;
  return <span className={`effect effect--${effect.tone}`}>{effect.text}</span>;
}

/**
 * An initiative (phase 3) with the KPIs it should move and, for each, the KPI over the 12 months before
 * it started against the KPI since: a before/after comparison, not a proof of cause.
 */
export function InitiativeCard({ initiative, kpis, measured, today }: InitiativeCardProps) {
  const started = effectPeriods(initiative.start, initiative.end, today).after !== null;
  return (
    <article className="initiative" data-testid="initiative" data-initiative-id={initiative.id}>
      <h3 className="initiative__name">{initiative.name}</h3>
      <dl className="initiative__facts">
        <dt>Owner</dt>
        <dd>{initiative.owner}</dd>
        <dt>Budget</dt>
        <dd>{formatBudget(initiative.budget)}</dd>
        <dt>Runs</dt>
        <dd>
          {formatPlanDate(initiative.start)} – {formatPlanDate(initiative.end)}
        </dd>
      </dl>
      {initiative.description !== undefined && <p className="initiative__text">{initiative.description}</p>}
      <ul className="initiative__kpis">
        {initiative.kpis.map((kpiId) => {
          const kpi = kpis.get(kpiId);
          const before = measured.get(effectKey(initiative.id, kpiId, 'before'));
          const after = measured.get(effectKey(initiative.id, kpiId, 'after'));
          const effect = computeEffect(
            valueOf(before),
            valueOf(after),
            kpi?.direction ?? 'lower_is_better',
            kpi?.unit ?? '',
          );
          const pending = before === undefined || after === undefined;
          return (
            <li
              key={kpiId}
              data-testid="initiative-effect"
              data-kpi-id={kpiId}
              data-tone={started && !pending ? effect.tone : ''}
              data-change={effect.change ?? ''}
            >
              <strong>{kpi?.name ?? kpiId}</strong>:{' '}
              <EffectLine effect={effect} pending={pending} started={started} />
            </li>
          );
        })}
      </ul>
    </article>
  );
}

export interface InitiativeListProps extends Omit<InitiativeCardProps, 'initiative'> {
  readonly initiatives: readonly Initiative[];
  readonly className: string;
  readonly emptyText: string;
}

/** The plan's initiatives as cards, or a sentence when there are none (master-plan view and report). */
export function InitiativeList({ initiatives, className, emptyText, ...card }: InitiativeListProps) {
  if (initiatives.length === 0) return <p className="muted">{emptyText}</p>;
  return (
    <div className={className}>
      {initiatives.map((initiative) => (
        <InitiativeCard key={initiative.id} initiative={initiative} {...card} />
      ))}
    </div>
  );
}
