import { round } from './stats.js';
import type { ScenarioResult } from '../scenario.js';

/** Keys the quick run's last line always holds (null when the scenario giving it was skipped or failed). */
export const SUMMARY_KEYS = [
  'raw_qos0_per_s',
  'ingest_qos0_per_s',
  'ingest_qos0_ratio',
  'raw_qos1_per_s',
  'ingest_qos1_per_s',
  'ingest_qos1_ratio',
  'latency_p50_ms',
  'latency_p99_ms',
  'query_year_hourly_ms',
  'rss_mb',
] as const;

export type Summary = Record<string, number | null>;

const finite = (v: number | undefined): number | null => (v === undefined || !Number.isFinite(v) ? null : v);

function ratioOf(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a == null || b == null || b === 0) return null;
  return Math.round((a / b) * 100) / 100;
}

/** One object of every scenario's headline figures, with the ratios computed in this same run. */
export function buildSummary(results: readonly ScenarioResult[]): Summary {
  const merged: Summary = {};
  for (const key of SUMMARY_KEYS) merged[key] = null;
  for (const result of results)
    for (const [key, value] of Object.entries(result.summary)) merged[key] = finite(value);
  merged.ingest_qos0_ratio = ratioOf(merged.ingest_qos0_per_s, merged.raw_qos0_per_s);
  merged.ingest_qos1_ratio = ratioOf(merged.ingest_qos1_per_s, merged.raw_qos1_per_s);
  return merged;
}

/** A target of the issue, judged against the summary: met, missed (and by how much), or not measured. */
export interface TargetVerdict {
  readonly target: string;
  readonly measured: string;
  readonly verdict: string;
}

interface Target {
  readonly text: string;
  readonly key: string;
  readonly limit: number;
  readonly atMost: boolean;
  readonly unit: string;
  /** Judged only when the run measured it (e.g. the quick run's own duration). */
  readonly optional?: boolean;
}

export const TARGETS: readonly Target[] = [
  {
    text: 'ingest QoS 0 ≥ 60 % of raw QoS 0',
    key: 'ingest_qos0_ratio',
    limit: 0.6,
    atMost: false,
    unit: '×',
  },
  {
    text: 'ingest QoS 1 ≥ 60 % of raw QoS 1',
    key: 'ingest_qos1_ratio',
    limit: 0.6,
    atMost: false,
    unit: '×',
  },
  {
    text: '≥ 3× the batched Node-RED flow (InfluxDB)',
    key: 'influx_vs_nodered_batched_ratio',
    limit: 3,
    atMost: false,
    unit: '×',
  },
  {
    text: 'publish → SSE p99 ≤ 100 ms at 10k/s',
    key: 'latency_p99_ms',
    limit: 100,
    atMost: true,
    unit: 'ms',
  },
  {
    text: 'year of hourly city-KPI series ≤ 50 ms',
    key: 'query_year_hourly_ms',
    limit: 50,
    atMost: true,
    unit: 'ms',
  },
  { text: 'ingest RSS ≤ 250 MB at the rated load', key: 'rss_mb', limit: 250, atMost: true, unit: 'MB' },
  { text: 'quick run < 60 s', key: 'quick_run_s', limit: 60, atMost: true, unit: 's', optional: true },
];

export function judgeTargets(summary: Summary): TargetVerdict[] {
  return TARGETS.filter((t) => !t.optional || summary[t.key] != null).map((t) => {
    const value = summary[t.key];
    if (value == null) return { target: t.text, measured: 'not measured', verdict: '–' };
    const met = t.atMost ? value <= t.limit : value >= t.limit;
    const off = Math.round((Math.abs(value - t.limit) / t.limit) * 100);
    return {
      target: t.text,
      measured: `${round(value)} ${t.unit}`,
      verdict: met ? 'met' : `missed by ${off} %`,
    };
  });
}
