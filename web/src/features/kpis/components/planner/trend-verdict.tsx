import type { KpiTrend } from '../../../../lib/plan/plan-types';

/** The trend in one sentence, beside the status; why there is none when there is none. */
export function TrendVerdict({ trend, rolling }: { trend: KpiTrend | null; rolling: boolean }) {
  if (trend === null)
    return (
      <p className="trend-verdict muted" data-testid="trend-verdict" data-meets-target="">
        {rolling
          ? 'No trend yet: it needs daily values from the last 90 days.'
          : 'No trend: this KPI accumulates over its calendar period.'}
      </p>
    );
  return (
    <p
      className={`trend-verdict trend-verdict--${trend.meetsTarget ? 'meets' : 'misses'}`}
      data-testid="trend-verdict"
      data-meets-target={trend.meetsTarget}
      data-miss-percent={trend.missByPercent ?? ''}
    >
      {trend.verdict}
    </p>
  );
}
