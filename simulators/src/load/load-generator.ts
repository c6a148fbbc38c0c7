import { sensorTopic } from '@ssc-monitor/core';
import { LatencyHistogram, type LatencySummary } from './latency-histogram.js';
import { connectLoadClients, type LoadClient } from './load-clients.js';

export interface LoadOptions {
  /** Broker URL, e.g. `mqtt://localhost:1883`. */
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  /** @defaultValue `''` */
  readonly prefix?: string;
  /** @defaultValue 0 */
  readonly qos?: 0 | 1;
  /** Target messages per second over all clients. */
  readonly rate: number;
  /** Distinct sensor ids (`load-0001`, …) the messages are spread over. */
  readonly sensors: number;
  /** MQTT connections; sensors are shared out among them. */
  readonly clients: number;
  readonly durationMs: number;
  /** Per client; beyond it the generator waits rather than queueing. @defaultValue 2000 */
  readonly maxInFlightPerClient?: number;
  /** How long to wait for outstanding acknowledgements at the end. @defaultValue 5000 */
  readonly drainTimeoutMs?: number;
  /** Called once per second of the run. */
  readonly onSecond?: (report: LoadSecond) => void;
  readonly signal?: AbortSignal;
}

/** One second of a load run. */
export interface LoadSecond {
  /** 1-based. */
  readonly second: number;
  /** Messages completed (acked at QoS 1, written at QoS 0) during this second. */
  readonly completed: number;
  readonly errors: number;
  /** Messages issued but not yet completed, at the end of the second. */
  readonly inFlight: number;
  readonly latency: LatencySummary | undefined;
}

export interface LoadSummary {
  readonly durationMs: number;
  readonly targetRate: number;
  readonly sent: number;
  readonly completed: number;
  readonly errors: number;
  /** Messages the generator could not issue in time (in-flight limit reached or more than 1 s behind). */
  readonly behind: number;
  /** Completed messages per second over the run. */
  readonly achievedRate: number;
  readonly latency: LatencySummary | undefined;
  readonly qos: 0 | 1;
  readonly clients: number;
  readonly sensors: number;
}

/** Timer granularity of the pacing loop: Node timers resolve to about a millisecond. */
const TICK_MS = 5;

interface Counters {
  sent: number;
  completed: number;
  errors: number;
  behind: number;
  secondCompleted: number;
  secondErrors: number;
  readonly second: LatencyHistogram;
  readonly total: LatencyHistogram;
}

function sensorTopics(prefix: string, sensors: number): string[] {
  const width = String(sensors).length;
  return Array.from({ length: sensors }, (_, i) =>
    sensorTopic(prefix, `load-${String(i + 1).padStart(width, '0')}`),
  );
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Issues the messages due by `elapsedMs`; returns how many could not be issued now. */
function issue(
  due: number,
  clients: readonly LoadClient[],
  topics: readonly string[],
  c: Counters,
  maxInFlight: number,
) {
  for (let n = 0; n < due; n += 1) {
    const index = c.sent % topics.length;
    const client = clients[index % clients.length];
    if (client === undefined || client.inFlight >= maxInFlight) return due - n;
    // A small valid reading: a PM2.5 level in range, stamped now.
    const payload = `{"pm25":${5 + (c.sent % 200) / 10},"ts":${Date.now()}}`;
    c.sent += 1;
    client.publish(topics[index] ?? '', payload, (error, ms) => {
      if (error) {
        c.errors += 1;
        c.secondErrors += 1;
        return;
      }
      c.completed += 1;
      c.secondCompleted += 1;
      c.second.record(ms);
      c.total.record(ms);
    });
  }
  return 0;
}

function secondReport(second: number, clients: readonly LoadClient[], c: Counters): LoadSecond {
  const report: LoadSecond = {
    second,
    completed: c.secondCompleted,
    errors: c.secondErrors + clients.reduce((sum, cl) => sum + cl.errors, 0),
    inFlight: clients.reduce((sum, cl) => sum + cl.inFlight, 0),
    latency: c.second.summary(),
  };
  c.secondCompleted = 0;
  c.secondErrors = 0;
  for (const client of clients) {
    c.errors += client.errors;
    client.errors = 0;
  }
  c.second.reset();
  return report;
}

async function drain(clients: readonly LoadClient[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (clients.some((c) => c.inFlight > 0) && Date.now() < deadline) await sleep(TICK_MS);
}

/**
 * Issues messages on a schedule of `rate` per second until the duration ends, reporting each second;
 * returns the second the run ended in and its wall duration.
 */
async function pace(
  o: LoadOptions,
  clients: readonly LoadClient[],
  c: Counters,
): Promise<{ second: number; durationMs: number }> {
  const topics = sensorTopics(o.prefix ?? '', o.sensors);
  const maxInFlight = o.maxInFlightPerClient ?? 2_000;
  const started = Date.now();
  let second = 1;
  let issued = 0;
  for (let elapsed = 0; elapsed < o.durationMs && !o.signal?.aborted; elapsed = Date.now() - started) {
    const target = Math.floor((o.rate * elapsed) / 1000);
    // More than a second behind: give up on the backlog rather than burst to catch up.
    if (target - issued > o.rate) {
      c.behind += target - issued - o.rate;
      issued = target - o.rate;
    }
    issued = target - issue(target - issued, clients, topics, c, maxInFlight);
    if (elapsed >= second * 1000) o.onSecond?.(secondReport(second++, clients, c));
    await sleep(TICK_MS);
  }
  const durationMs = Date.now() - started;
  c.behind += Math.max(0, Math.floor((o.rate * durationMs) / 1000) - c.sent - c.behind);
  return { second, durationMs };
}

/**
 * Publishes small valid readings at a target rate across several connections and measures what the
 * broker sustains: completions per second, errors, and publish latency (publish → PUBACK at QoS 1,
 * publish → socket write at QoS 0). Rejects with SIM_ERR_CONNECT when a client cannot connect.
 */
export async function runLoad(o: LoadOptions): Promise<LoadSummary> {
  const qos = o.qos ?? 0;
  const clients = await connectLoadClients(
    { url: o.url, username: o.username, password: o.password, qos },
    o.clients,
  );
  const c: Counters = {
    sent: 0,
    completed: 0,
    errors: 0,
    behind: 0,
    secondCompleted: 0,
    secondErrors: 0,
    second: new LatencyHistogram(),
    total: new LatencyHistogram(),
  };
  const { second, durationMs } = await pace(o, clients, c);
  await drain(clients, o.drainTimeoutMs ?? 5_000);
  o.onSecond?.(secondReport(second, clients, c));
  await Promise.all(clients.map((client) => client.close()));
  return {
    durationMs,
    targetRate: o.rate,
    sent: c.sent,
    completed: c.completed,
    errors: c.errors,
    behind: c.behind,
    achievedRate: (c.completed * 1000) / durationMs,
    latency: c.total.summary(),
    qos,
    clients: o.clients,
    sensors: o.sensors,
  };
}
