import { performance } from 'node:perf_hooks';
import { connectAsync } from 'mqtt';
import { runLoad, type LoadSummary } from '@ssc-monitor/simulators';
import { sleep } from './processes.js';

/**
 * How the load is offered, the same for the raw broker rate and the ingest rate so that their ratio
 * compares like with like: the load generator's readings (~35-byte JSON), `clients` connections with
 * `inFlight` publishes outstanding each, as fast as the broker acknowledges (QoS 1) or the socket
 * takes them (QoS 0).
 */
export interface OfferedLoad {
  readonly url: string;
  readonly prefix: string;
  readonly qos: 0 | 1;
  readonly sensors: number;
  readonly durationMs: number;
  /** @defaultValue 2 */
  readonly clients?: number;
  /** Per client. @defaultValue 500 */
  readonly inFlight?: number;
  /** Messages per second offered; far above any broker here when absent (a closed loop on the window). */
  readonly rate?: number;
  readonly onSecond?: (completed: number) => void;
  /** Longest wait for publishes still in flight at the end. @defaultValue 10000 */
  readonly ackDrainMs?: number;
}

/** Far above what any broker here sustains: the in-flight window is then what paces the publisher. */
export const UNBOUNDED_RATE = 400_000;

export function offer(o: OfferedLoad): Promise<LoadSummary> {
  return runLoad({
    url: o.url,
    prefix: o.prefix,
    qos: o.qos,
    rate: o.rate ?? UNBOUNDED_RATE,
    sensors: o.sensors,
    clients: o.clients ?? 2,
    maxInFlightPerClient: o.inFlight ?? 500,
    durationMs: o.durationMs,
    drainTimeoutMs: o.ackDrainMs ?? 10_000,
    onSecond: (s) => o.onSecond?.(s.completed),
  });
}

export interface RawRate {
  readonly sent: number;
  readonly received: number;
  /** Messages the subscriber received per second, sustained after the warm-up. */
  readonly perSecond: number;
  readonly lost: number;
}

/**
 * An `mqtt` publisher → subscriber pair through one broker: what the MQTT hop alone sustains here.
 * Counted as the ingest rate is: messages received between the end of the warm-up and the end of the load.
 */
export async function measureRawRate(o: OfferedLoad & { readonly warmUpMs: number }): Promise<RawRate> {
  const subscriber = await connectAsync(o.url, { reconnectPeriod: 0, clean: true });
  let received = 0;
  subscriber.on('message', () => {
    received += 1;
  });
  subscriber.on('error', () => undefined);
  await subscriber.subscribeAsync(`${o.prefix}sensors/#`, { qos: o.qos });
  const loadDone = offer({ ...o, durationMs: o.warmUpMs + o.durationMs });
  await sleep(o.warmUpMs);
  const from = { at: performance.now(), received };
  await sleep(o.durationMs);
  const to = { at: performance.now(), received };
  const load = await loadDone;
  // Then what the broker still delivers (it counts as received, not as rate): until 300 ms pass
  // without a message, far longer than a loopback hop takes.
  for (let last = -1; received !== last && received < load.sent;) {
    last = received;
    await sleep(300);
  }
  await subscriber.endAsync(true);
  return {
    sent: load.sent,
    received,
    perSecond: Math.round(((to.received - from.received) * 1000) / (to.at - from.at)),
    lost: Math.max(0, load.sent - received),
  };
}
