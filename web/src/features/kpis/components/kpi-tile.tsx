import { memo, type CSSProperties } from 'react';
import type { KpiSnapshot } from '@ssc-monitor/core';
import { ErrorBoundary } from '../../../components/ui/error-boundary';
import { formatNumber, formatValue, planYear } from '../../../lib/format';
import { kpiHref } from '../../../lib/hash-route';
import { periodYears, kpiTileSummary } from '../utils/kpi-labels';
import { STATUS_META } from '../../../lib/kpi-status';
import { KpiFreshness } from './kpi-freshness';
import { KpiSparkline } from './kpi-sparkline';
import { ProgressBar } from './progress-bar';
import { StatusBadge } from '../../../components/ui/status-badge';

/**
 * Plan values without their unit, which the value above already shows: "52,000 vehicles/day" twice
 * more would not fit a tile on a 1920 px screen. Percentages keep their sign, which is part of the number.
 */
const planValue = (value: number, unit: string): string =>
  formatValue(value, unit === '%' ? '%' : '', { trim: true });

/**
 * One KPI on the wall screen, and the link to its page. Memoised on the snapshot object: a live update
 * of another KPI leaves this tile alone, and an update of this one changes its text in place.
 */
export const KpiTile = memo(function KpiTile({ kpi }: { kpi: KpiSnapshot }) {
  const meta = STATUS_META[kpi.status];
  const { nextTarget, unit } = kpi;
  return (
    <a
      href={kpiHref(kpi.id)}
      className="kpi-tile"
      style={{ '--status-color': meta.color } as CSSProperties}
      aria-label={kpiTileSummary(kpi)}
      data-testid="kpi-tile"
      data-kpi-id={kpi.id}
      data-status={kpi.status}
    >
      <h3 className="kpi-tile__name" title={kpi.name}>
        {kpi.name}
      </h3>
      <div className="kpi-tile__reading">
        <p className="kpi-tile__value" data-testid="kpi-value" data-value={kpi.current.value ?? ''}>
          <span className="kpi-tile__number">{formatNumber(kpi.current.value)}</span>
          {kpi.current.value !== null && (
            <span className={unit === '%' ? 'kpi-tile__unit kpi-tile__unit--tight' : 'kpi-tile__unit'}>
              {unit === '%' ? unit : ` ${unit}`}
            </span>
          )}
        </p>
        <StatusBadge status={kpi.status} />
      </div>
      <dl className="kpi-tile__plan">
        <div>
          <dt>Baseline {periodYears(kpi.baseline.period)}</dt>
          <dd>{planValue(kpi.baseline.value, unit)}</dd>
        </div>
        {nextTarget !== null && (
          <div>
            <dt>Target {planYear(nextTarget.date)}</dt>
            <dd>{planValue(nextTarget.value, unit)}</dd>
          </div>
        )}
      </dl>
      <ProgressBar
        progress={kpi.progress}
        color={meta.color}
        label={nextTarget === null ? 'Progress' : `Progress to the ${planYear(nextTarget.date)} target`}
      />
      <ErrorBoundary label="Trend" compact>
        <KpiSparkline kpiId={kpi.id} name={kpi.name} color={meta.color} />
      </ErrorBoundary>
      <KpiFreshness at={kpi.current.at} />
    </a>
  );
});
