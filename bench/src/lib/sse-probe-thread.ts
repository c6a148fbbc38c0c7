import { once } from 'node:events';
import { Worker } from 'node:worker_threads';
import type { LatencySummary } from '@ssc-monitor/simulators';
import { bundlePath } from './bundles.js';
import type { ProbeRequest } from './sse-probe-worker.js';

export interface ProbeSummary {
  readonly count: number;
  readonly latency: LatencySummary | undefined;
}

/** The main thread's handle on the SSE latency probe running in a worker (see sse-probe-worker.ts). */
export class SseProbeThread {
  readonly #worker: Worker;

  private constructor(worker: Worker) {
    this.#worker = worker;
  }

  /** Starts the worker and resolves once it is connected to `/api/stream`. */
  static async open(httpUrl: string): Promise<SseProbeThread> {
    const worker = new Worker(bundlePath('sse-probe-worker'), { workerData: { httpUrl } });
    const [first] = (await once(worker, 'message')) as [{ type: string; message?: string }];
    if (first.type !== 'open') {
      await worker.terminate();
      throw new Error(`SSE probe: ${first.message ?? first.type}`);
    }
    return new SseProbeThread(worker);
  }

  /** Records from now on, for readings published from `since` (epoch ms) on. */
  record(since: number): void {
    this.#send({ type: 'record', since });
  }

  async summary(): Promise<ProbeSummary> {
    const reply = once(this.#worker, 'message') as Promise<[ProbeSummary]>;
    this.#send({ type: 'summary' });
    return (await reply)[0];
  }

  async close(): Promise<void> {
    const exited = once(this.#worker, 'exit');
    this.#send({ type: 'close' });
    const timer = setTimeout(() => void this.#worker.terminate(), 5_000);
    await exited;
    clearTimeout(timer);
  }

  #send(request: ProbeRequest): void {
    this.#worker.postMessage(request);
  }
}
