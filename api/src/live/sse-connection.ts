import type { Writable } from 'node:stream';
import type { LiveEvent, PlatformView } from '@ssc-monitor/core';
import type { LiveEventType } from './live-event-access.js';
import { sseComment, sseEvent, sseRetry } from './sse-format.js';

export interface LiveStreamOptions {
  /**
   * Interval of comment heartbeats, ms; under the idle timeouts of common proxies (often 30–60 s).
   * @defaultValue 15000
   */
  readonly heartbeatMs: number;
  /**
   * Reconnection delay sent to the client, ms.
   * @defaultValue 2000
   */
  readonly retryMs: number;
  /**
   * Bytes a slow client may have queued beyond the initial snapshot before it is disconnected; it then
   * reconnects and resyncs from a fresh snapshot instead of the server buffering without bound.
   * @defaultValue 1048576
   */
  readonly maxBufferedBytes: number;
}

export const DEFAULT_LIVE_STREAM_OPTIONS: LiveStreamOptions = Object.freeze({
  heartbeatMs: 15_000,
  retryMs: 2_000,
  maxBufferedBytes: 1024 * 1024,
});

export type LiveSource = Pick<PlatformView, 'kpis' | 'sensors' | 'live'>;

/** One client of the live stream, writing SSE frames to `sink` (the raw HTTP response). */
export class SseConnection {
  readonly #sink: Writable;
  readonly #options: LiveStreamOptions;
  readonly #onOverflow: (queuedBytes: number) => void;
  readonly #readable: ReadonlySet<LiveEventType>;
  #snapshotBytes = 0;
  #timer: NodeJS.Timeout | undefined;
  #unsubscribe: (() => void) | undefined;
  #stopped = false;

  /** `readable`: the event types this client may receive (see readableLiveEvents); others are not sent. */
  constructor(
    sink: Writable,
    options: LiveStreamOptions,
    readable: ReadonlySet<LiveEventType>,
    onOverflow: (queuedBytes: number) => void,
  ) {
    this.#sink = sink;
    this.#options = options;
    this.#readable = readable;
    this.#onOverflow = onOverflow;
  }

  /** Sends the full current state, then follows the live bus until stop() or the sink closes. */
  start(source: LiveSource): void {
    this.#sink.once('close', () => this.#release());
    let snapshot = sseRetry(this.#options.retryMs);
    if (this.#readable.has('kpi')) for (const kpi of source.kpis()) snapshot += sseEvent('kpi', kpi);
    if (this.#readable.has('sensor')) {
      for (const sensor of source.sensors()) snapshot += sseEvent('sensor', sensor);
    }
    this.#snapshotBytes = Buffer.byteLength(snapshot);
    this.#sink.write(snapshot);
    // Subscribing in the same tick as reading the snapshot leaves no gap in which an event is lost.
    this.#unsubscribe = source.live.subscribe((event) => this.#onEvent(event));
    this.#timer = setInterval(() => this.#send(sseComment('heartbeat')), this.#options.heartbeatMs);
    this.#timer.unref();
  }

  /** Ends the response gracefully (server shutdown). */
  stop(): void {
    if (this.#stopped) return;
    this.#release();
    this.#sink.end();
  }

  get stopped(): boolean {
    return this.#stopped;
  }

  #onEvent(event: LiveEvent): void {
    if (!this.#readable.has(event.type)) return;
    this.#send(sseEvent(event.type, event.data));
  }

  #send(frame: string): void {
    if (this.#stopped) return;
    this.#sink.write(frame);
    const queued = this.#sink.writableLength;
    if (queued > this.#options.maxBufferedBytes + this.#snapshotBytes) {
      this.#release();
      this.#onOverflow(queued);
      this.#sink.destroy();
    }
  }

  #release(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#unsubscribe?.();
  }
}
