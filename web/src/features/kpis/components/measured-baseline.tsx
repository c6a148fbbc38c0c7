import type { KpiDefinition, KpiSnapshot } from '@ssc-monitor/core';
import { ErrorState, LoadingState } from '../../../components/ui/async-state';
import { DEFAULT_COVERAGE_SHARE } from '../../../config/app-config';
import { formatCount, formatPercent, formatPlanDate, formatValue } from '../../../lib/format';
import { useApi } from '../../../lib/use-api';
import { fetchKpiMeasurement, type KpiMeasurement } from '../api/kpi-api';
import { CoverageBadge } from './coverage-badge';

/** "−0.9 µg/m³ (−5%) against the plan's baseline". */
function difference(measured: number, planned: number, unit: string): string {
  const delta = measured - planned;
  const sign = delta > 0 ? '+' : delta < 0 ? '−' : '±';
  const ratio = planned === 0 ? '' : ` (${sign}${formatPercent(Math.abs(delta / planned))})`;
  return `${sign}${formatValue(Math.abs(delta), unit)}${ratio}`;
}

function dataText(readings: number, sensors: readonly string[]): string {
  if (readings === 0) return 'No readings in the period';
  return `${formatCount(readings)} readings from ${sensorsText(sensors)}`;
}

function sensorsText(sensors: readonly string[]): string {
  if (sensors.length === 0) return 'no sensor';
  const shown = sensors.slice(0, 4).join(', ');
  const more = sensors.length > 4 ? ` and ${formatCount(sensors.length - 4)} more` : '';
  return `${formatCount(sensors.length)} ${sensors.length === 1 ? 'sensor' : 'sensors'} (${shown}${more})`;
}

function MeasurementFacts({
  kpi,
  measured,
  minShare,
}: {
  kpi: KpiSnapshot;
  measured: KpiMeasurement;
  minShare: number;
}) {
  const { baseline, unit } = kpi;
  const coverageBasis =
    measured.validDays === null
      ? 'of hours'
      : `of days (${formatCount(measured.validDays)} of ${formatCount(measured.days)})`;
  return (
    <dl
      className="facts"
      data-testid="measured-baseline"
      data-kpi-id={measured.kpiId}
      data-value={measured.value ?? ''}
      data-coverage={measured.coverage}
      data-sufficient={measured.sufficient ? 'true' : 'false'}
      data-readings={measured.readings}
      data-sensors={measured.sensors.length}
    >
      <dt>In the plan</dt>
      <dd>
        {formatValue(baseline.value, unit, { trim: true })}{' '}
        <span className="muted">({baseline.source ?? 'source not stated in the plan'})</span>
      </dd>
      <dt>Measured</dt>
      <dd className="measured__value">
        <strong data-testid="measured-value">{formatValue(measured.value, unit)}</strong>{' '}
        <CoverageBadge sufficient={measured.sufficient} />
      </dd>
      {measured.value !== null && (
        <>
          <dt>Difference</dt>
          <dd>{difference(measured.value, baseline.value, unit)} against the plan</dd>
        </>
      )}
      <dt>Coverage</dt>
      <dd data-testid="measured-coverage">
        {formatPercent(measured.coverage)} {coverageBasis}{' '}
        <span className="muted">(at least {formatPercent(minShare)} needed)</span>
      </dd>
      <dt>Data</dt>
      <dd>{dataText(measured.readings, measured.sensors)}</dd>
      <dt>Period</dt>
      <dd>
        {formatPlanDate(measured.from)} – {formatPlanDate(measured.to)}{' '}
        <span className="muted">({measured.timeZone})</span>
      </dd>
      <dt>Catalogue</dt>
      <dd>
        Version <code>{measured.catalogueVersion}</code>
      </dd>
    </dl>
  );
}

/**
 * The baseline as the platform measures it from stored readings of the baseline period, beside the
 * value the plan states: a planner can see whether the plan's starting point is borne out by data.
 */
export function MeasuredBaseline({ kpi, definition }: { kpi: KpiSnapshot; definition: KpiDefinition }) {
  const measure = useApi(`measure|${kpi.id}`, (signal) => fetchKpiMeasurement(kpi.id, null, signal));
  const minShare = definition.coverage?.minShare ?? DEFAULT_COVERAGE_SHARE;
  if (measure.data !== undefined) {
    return (
      <>
        <MeasurementFacts kpi={kpi} measured={measure.data} minShare={minShare} />
        <button
          type="button"
          className="button button--small measured__again"
          onClick={measure.reload}
          disabled={measure.loading}
        >
          {measure.loading ? 'Measuring…' : 'Measure again'}
        </button>
      </>
    );
  }
  if (measure.error !== undefined)
    return <ErrorState error={measure.error} retryAt={measure.retryAt} onRetry={measure.reload} />;
  return <LoadingState what="the measured baseline" />;
}
