import { PassThrough } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryView, type MemoryPlatformView } from '../testing/memory-platform-view.js';
import { LIVE_EVENT_ROUTES, type LiveEventType } from './live-event-access.js';
import { DEFAULT_LIVE_STREAM_OPTIONS, SseConnection, type LiveStreamOptions } from './sse-connection.js';

const ALL_EVENTS = new Set(Object.keys(LIVE_EVENT_ROUTES) as LiveEventType[]);

/** A sink nobody reads: what is written stays queued, as on a socket to a stalled client. */
function stalledSink(): PassThrough & { text(): string } {
  const sink = new PassThrough({ highWaterMark: 16 });
  const chunks: string[] = [];
  const originalWrite = sink.write.bind(sink);
  sink.write = ((chunk: string) => {
    chunks.push(chunk);
    return originalWrite(chunk);
  }) as typeof sink.write;
  return Object.assign(sink, { text: () => chunks.join('') });
}

function eventsIn(text: string): Array<{ event: string; data: unknown }> {
  return [...text.matchAll(/^event: (.+)\ndata: (.+)\n\n/gm)].map((m) => ({
    event: m[1] ?? '',
    data: JSON.parse(m[2] ?? 'null') as unknown,
  }));
}

let view: MemoryPlatformView;

beforeEach(() => {
  vi.useFakeTimers();
  view = createMemoryView();
});

afterEach(() => {
  vi.useRealTimers();
});

function open(
  options: Partial<LiveStreamOptions> = {},
  onOverflow = vi.fn(),
  readable: ReadonlySet<LiveEventType> = ALL_EVENTS,
) {
  const sink = stalledSink();
  const connection = new SseConnection(
    sink,
    { ...DEFAULT_LIVE_STREAM_OPTIONS, ...options },
    readable,
    onOverflow,
  );
  connection.start(view);
  return { sink, connection, onOverflow };
}

describe('SseConnection', () => {
  it('starts with retry, then every KPI, then every sensor', () => {
    const { sink } = open({ retryMs: 2000 });
    expect(sink.text().startsWith('retry: 2000\n\n')).toBe(true);
    expect(eventsIn(sink.text())).toEqual([
      ...view.kpiList.map((data) => ({ event: 'kpi', data })),
      ...view.sensorList.map((data) => ({ event: 'sensor', data })),
    ]);
  });

  it('forwards live events under their type until stopped, then unsubscribes', () => {
    const { sink, connection } = open();
    const before = eventsIn(sink.text()).length;
    const sensor = view.sensorList[0];
    if (sensor === undefined) throw new Error('fixture has sensors');
    view.live.publish({ type: 'sensor', data: { ...sensor, messages: 99 } });
    expect(eventsIn(sink.text()).slice(before)).toEqual([
      { event: 'sensor', data: { ...sensor, messages: 99 } },
    ]);
    expect(view.live.size).toBe(1);
    connection.stop();
    expect(view.live.size).toBe(0);
    expect(sink.writableEnded).toBe(true);
  });

  it('sends only the event types it was told the client may read, in the snapshot and live', () => {
    const { sink } = open({}, vi.fn(), new Set<LiveEventType>(['sensor']));
    const sensor = view.sensorList[0];
    const kpi = view.kpiList[0];
    if (sensor === undefined || kpi === undefined) throw new Error('fixture has sensors and KPIs');
    view.live.publish({ type: 'kpi', data: kpi });
    view.live.publish({ type: 'sensor', data: sensor });
    const events = eventsIn(sink.text()).map((e) => e.event);
    expect(events).toEqual([...view.sensorList.map(() => 'sensor'), 'sensor']);
  });

  it('writes a comment heartbeat every heartbeatMs', () => {
    const { sink, connection } = open({ heartbeatMs: 15_000 });
    vi.advanceTimersByTime(14_999);
    expect(sink.text()).not.toContain(': heartbeat');
    vi.advanceTimersByTime(1);
    expect(sink.text().endsWith(': heartbeat\n\n')).toBe(true);
    vi.advanceTimersByTime(30_000);
    expect(sink.text().match(/: heartbeat\n\n/g)).toHaveLength(3);
    connection.stop();
    vi.advanceTimersByTime(60_000);
    expect(sink.text().match(/: heartbeat\n\n/g)).toHaveLength(3);
  });

  it('disconnects a client that falls more than maxBufferedBytes behind the snapshot', () => {
    const { sink, connection, onOverflow } = open({ maxBufferedBytes: 16_384 });
    const kpi = view.kpiList[0];
    if (kpi === undefined) throw new Error('fixture has KPIs');
    // Each event is several hundred bytes; the snapshot itself never counts against the limit.
    for (let i = 0; i < 5 && !sink.destroyed; i += 1) view.live.publish({ type: 'kpi', data: kpi });
    expect(sink.destroyed).toBe(false);
    for (let i = 0; i < 50 && !sink.destroyed; i += 1) view.live.publish({ type: 'kpi', data: kpi });
    expect(sink.destroyed).toBe(true);
    expect(onOverflow).toHaveBeenCalledOnce();
    expect(onOverflow.mock.calls[0]?.[0]).toBeGreaterThan(16_384);
    expect(connection.stopped).toBe(true);
    expect(view.live.size).toBe(0);
  });

  it('releases the subscription and the timer when the client goes away', async () => {
    const { sink, connection } = open({ heartbeatMs: 1000 });
    sink.destroy();
    await vi.runOnlyPendingTimersAsync();
    expect(connection.stopped).toBe(true);
    expect(view.live.size).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });
});
