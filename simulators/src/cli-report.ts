import type { LoadSecond, LoadSummary } from './load/load-generator.js';
import type { LatencySummary } from './load/latency-histogram.js';
import { clockTime, grouped, type ProgressEvent } from './run/progress.js';
import type { ScenarioSummary } from './run/run-scenario.js';
import type { TimelineProgress } from './run/timeline.js';

/** A report for the progress line (text) and for JSON lines (event). */
export interface Report {
  readonly event: ProgressEvent;
  readonly line: string;
}

const iso = (t: number) => new Date(t).toISOString().replace(/:\d{2}\.\d{3}Z$/, 'Z');
const ms = (v: number | undefined) => (v === undefined ? '–' : v < 10 ? v.toFixed(2) : v.toFixed(0));

export function timelineReport(p: TimelineProgress): Report {
  const rate = p.wallMs > 0 ? (p.published * 1000) / p.wallMs : 0;
  const share = p.to === undefined ? undefined : (p.simulated - p.from) / (p.to - p.from);
  const eta = share !== undefined && share > 0 ? ((1 - share) * p.wallMs) / share / 1000 : undefined;
  const event: ProgressEvent = {
    type: 'progress',
    simulated: new Date(p.simulated).toISOString(),
    done: share === undefined ? null : Math.round(share * 10_000) / 10_000,
    intervals: p.intervals,
    published: p.published,
    failed: p.failed,
    ratePerS: Math.round(rate),
    wallS: Math.round(p.wallMs / 100) / 10,
  };
  const parts = [
    `simulate ${iso(p.simulated)}`,
    share === undefined ? '' : `${(share * 100).toFixed(1)} %`,
    `${grouped(p.published)} msgs`,
    `${grouped(rate)} msg/s`,
    `${grouped(p.failed)} failed`,
    eta === undefined ? '' : `ETA ${clockTime(eta)}`,
  ];
  return { event, line: parts.filter(Boolean).join('  ') };
}

export function scenarioSummaryReport(s: ScenarioSummary): Report {
  const faults = Object.entries(s.faults).filter(([, n]) => n > 0);
  const event: ProgressEvent = { type: 'summary', ...s, simulated: new Date(s.simulated).toISOString() };
  const faultText =
    faults.length === 0 ? 'no faults' : `faults: ${faults.map(([f, n]) => `${f} ${grouped(n)}`).join(', ')}`;
  const line =
    `simulate: ${s.mode} done: ${grouped(s.published)} messages published, ${grouped(s.failed)} failed, ` +
    `${grouped(s.intervals)} intervals up to ${iso(s.simulated)} in ${clockTime(s.wallMs / 1000)}; ${faultText}`;
  return { event, line };
}

function latencyText(latency: LatencySummary | undefined): string {
  return latency === undefined ? 'latency –' : `p50 ${ms(latency.p50)} ms  p99 ${ms(latency.p99)} ms`;
}

export function loadSecondReport(s: LoadSecond, targetRate: number): Report {
  return {
    event: { type: 'second', ...s },
    line: `load  ${s.second} s  ${grouped(s.completed)}/${grouped(targetRate)} msg/s  ${grouped(s.errors)} errors  ${grouped(s.inFlight)} in flight  ${latencyText(s.latency)}`,
  };
}

export function loadSummaryReport(s: LoadSummary): Report {
  return {
    event: { type: 'summary', ...s },
    line:
      `load: ${grouped(s.completed)} of ${grouped(s.sent)} messages in ${(s.durationMs / 1000).toFixed(1)} s = ` +
      `${grouped(s.achievedRate)} msg/s (target ${grouped(s.targetRate)}), ${grouped(s.errors)} errors, ` +
      `${grouped(s.behind)} behind; QoS ${s.qos}, ${s.clients} clients, ${s.sensors} sensors; ` +
      `${latencyText(s.latency)}, max ${ms(s.latency?.max)} ms`,
  };
}
