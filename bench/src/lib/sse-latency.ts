import { LatencyHistogram } from '@ssc-monitor/simulators';

/** The part of a `sensor` SSE event the bench reads: the newest PM2.5 reading and its event time. */
interface SensorEvent {
  readonly id?: unknown;
  readonly latest?: { readonly pm25?: { readonly ts?: unknown } };
}

/** Splits an SSE text stream into (event, data) pairs; keeps an incomplete tail for the next chunk. */
export function parseSseChunk(buffer: string): { events: { event: string; data: string }[]; rest: string } {
  const blocks = buffer.split('\n\n');
  const rest = blocks.pop() ?? '';
  const events = blocks.flatMap((block) => {
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith('event: ')) event = line.slice(7);
      else if (line.startsWith('data: ')) data.push(line.slice(6));
    }
    return data.length > 0 ? [{ event, data: data.join('\n') }] : [];
  });
  return { events, rest };
}

/**
 * Listens to `/api/stream` and records, for every `sensor` event whose newest reading was published
 * after `since` (epoch ms), how long ago that reading was published: the age of the freshest value a
 * dashboard shows. Readings carry `ts` = publish time from this process's clock, so no clock skew.
 */
export class SseLatencyProbe {
  readonly histogram = new LatencyHistogram();
  readonly #controller = new AbortController();
  #since = Number.POSITIVE_INFINITY;
  #done: Promise<void> = Promise.resolve();

  async open(httpUrl: string): Promise<void> {
    const response = await fetch(`${httpUrl}/api/stream`, { signal: this.#controller.signal });
    if (!response.ok || response.body === null)
      throw new Error(`GET /api/stream answered ${response.status}`);
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    this.#done = this.#read(reader).catch(() => undefined);
  }

  /** Records from now on, for readings published from `since` on. */
  record(since: number): void {
    this.histogram.reset();
    this.#since = since;
  }

  async close(): Promise<void> {
    this.#controller.abort();
    await this.#done;
  }

  async #read(reader: ReadableStreamDefaultReader<string>): Promise<void> {
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      const now = Date.now();
      const parsed = parseSseChunk(buffer + value);
      buffer = parsed.rest;
      for (const e of parsed.events) if (e.event === 'sensor') this.#take(e.data, now);
    }
  }

  #take(data: string, now: number): void {
    const ts = (JSON.parse(data) as SensorEvent).latest?.pm25?.ts;
    if (typeof ts === 'number' && ts >= this.#since) this.histogram.record(now - ts);
  }
}
