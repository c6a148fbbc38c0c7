/**
 * The SSE latency probe in a worker thread of its own, so that reading and parsing events never
 * waits behind the load generator's publishing on the main thread (which would add its own delay
 * to every latency measured). Same process, same clock as the publisher's `ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { SseLatencyProbe } from './sse-latency.js';

export type ProbeRequest =
  | { readonly type: 'record'; readonly since: number }
  | { readonly type: 'summary' }
  | { readonly type: 'close' };

const port = parentPort;
if (port !== null) {
  const probe = new SseLatencyProbe();
  try {
    await probe.open((workerData as { httpUrl: string }).httpUrl);
    port.postMessage({ type: 'open' });
  } catch (error) {
    port.postMessage({ type: 'error', message: (error as Error).message });
  }
  port.on('message', (request: ProbeRequest) => {
    if (request.type === 'record') probe.record(request.since);
    else if (request.type === 'summary')
      port.postMessage({ type: 'summary', count: probe.histogram.count, latency: probe.histogram.summary() });
    else void probe.close().then(() => port.close());
  });
}
