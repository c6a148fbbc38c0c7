import { performance } from 'node:perf_hooks';
import { percentile } from './stats.js';

export interface Timing {
  readonly runs: number;
  readonly p50_ms: number;
  readonly p99_ms: number;
  readonly max_ms: number;
}

const ms = (v: number | undefined) => Math.round((v ?? Number.NaN) * 10) / 10;

/** Slow queries stop repeating after this long (but run at least MIN_RUNS times). */
const BUDGET_MS = 30_000;
const MIN_RUNS = 5;

/** Runs `work` once to warm caches, then up to `runs` times in sequence; wall times in ms. */
export async function timeRuns(runs: number, work: () => Promise<unknown>): Promise<Timing> {
  await work();
  const samples: number[] = [];
  const deadline = performance.now() + BUDGET_MS;
  for (let i = 0; i < runs && (i < MIN_RUNS || performance.now() < deadline); i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return {
    runs: samples.length,
    p50_ms: ms(percentile(samples, 0.5)),
    p99_ms: ms(percentile(samples, 0.99)),
    max_ms: ms(Math.max(...samples)),
  };
}
