import type { BenchContext } from '../scenario.js';

/** Sensors the load is spread over, in every scenario (the rated load of the issue: 1,000 sensors). */
export const SENSORS = 1000;

/** How long each part runs: the full bench as the issue asks, `--quick` reduced to stay under 60 s. */
export interface Durations {
  readonly rawMs: number;
  /** Warm-up of a raw broker pass: a bare publisher and subscriber settle within half a second. */
  readonly rawWarmUpMs: number;
  readonly warmUpMs: number;
  /** Sustained ingest after warm-up (issue: ≥ 30 s; quick: 10 s). */
  readonly ingestMs: number;
  readonly freshnessMs: number;
  /** Load before the freshness count starts: its first events carry the connection's start-up. */
  readonly freshnessWarmUpMs: number;
  /** Longest wait for a platform to store its backlog after a load. */
  readonly drainMs: number;
  /** Longest wait for the load generator's publishes still in flight when a load stops. */
  readonly ackDrainMs: number;
  /** The same at QoS 0, which has no acks to wait for: only the publisher's socket buffer drains. */
  readonly qos0AckDrainMs: number;
  /** Sustained part of the Node-RED side-by-side runs (the full run: `ingestMs`). */
  readonly sideBySideMs: number;
  /** Query repetitions for p50/p99. */
  readonly queryRuns: number;
}

export function durations(context: Pick<BenchContext, 'quick'>): Durations {
  return context.quick
    ? {
        rawMs: 700,
        rawWarmUpMs: 300,
        warmUpMs: 300,
        ingestMs: 10_000,
        freshnessMs: 1_500,
        freshnessWarmUpMs: 500,
        drainMs: 1_000,
        ackDrainMs: 2_000,
        qos0AckDrainMs: 500,
        sideBySideMs: 2_000,
        queryRuns: 5,
      }
    : {
        rawMs: 10_000,
        rawWarmUpMs: 5_000,
        warmUpMs: 5_000,
        ingestMs: 30_000,
        freshnessMs: 15_000,
        freshnessWarmUpMs: 1_000,
        drainMs: 120_000,
        ackDrainMs: 10_000,
        qos0AckDrainMs: 10_000,
        sideBySideMs: 30_000,
        queryRuns: 20,
      };
}
