import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { kpiSnapshot, sensorState } from '../test-support/fixtures';
import { frameAfterGap, LiveStream, type EventSourceLike } from './live-stream';

class FakeEventSource implements EventSourceLike {
  readyState = 0;
  onopen: ((event: Event) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  closed = false;
  readonly #listeners = new Map<string, (event: MessageEvent<string>) => void>();

  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void {
    this.#listeners.set(type, listener);
  }
  close(): void {
    this.closed = true;
    this.readyState = 2;
  }
  open(): void {
    this.readyState = 1;
    this.onopen?.(new Event('open'));
  }
  emit(type: string, data: unknown): void {
    const raw = typeof data === 'string' ? data : JSON.stringify(data);
    this.#listeners.get(type)?.(new MessageEvent(type, { data: raw }));
  }
  fail(readyState: number): void {
    this.readyState = readyState;
    this.onerror?.(new Event('error'));
  }
}

describe('LiveStream', () => {
  let sources: FakeEventSource[];
  let stream: LiveStream;
  const now = 1_000_000;

  beforeEach(() => {
    vi.useFakeTimers();
    sources = [];
    stream = new LiveStream('/api/stream', {
      createEventSource: () => {
        const source = new FakeEventSource();
        sources.push(source);
        return source;
      },
      now: () => now,
      // Delivered at once here; coalescing has its own test below.
      coalesce: (flush) => flush(),
    });
    stream.start();
  });

  afterEach(() => {
    stream.stop();
    vi.useRealTimers();
  });

  it('goes live on open and dispatches typed events', () => {
    const received: string[] = [];
    stream.on('kpi', (kpi) => received.push(kpi.id));
    expect(stream.status.connection).toBe('connecting');
    sources[0]?.open();
    sources[0]?.emit('kpi', kpiSnapshot());
    expect(stream.status).toEqual({ connection: 'live', lastEventAt: now, malformed: 0 });
    expect(received).toEqual(['env.air.pm25']);
  });

  it('keeps the newest KPI and sensor per id in a new map on each change', () => {
    sources[0]?.open();
    const before = stream.latest('kpi');
    sources[0]?.emit('kpi', kpiSnapshot({ status: 'at_risk' }));
    sources[0]?.emit('kpi', kpiSnapshot({ status: 'off_track' }));
    sources[0]?.emit('sensor', sensorState());
    expect(stream.latest('kpi')).not.toBe(before);
    expect(stream.latest('kpi').get('env.air.pm25')?.status).toBe('off_track');
    expect(stream.latest('sensor').get('aq-centre-1')?.messages).toBe(1200);
  });

  it('counts and drops malformed events without calling listeners', () => {
    const listener = vi.fn();
    stream.on('kpi', listener);
    sources[0]?.emit('kpi', '{not json');
    sources[0]?.emit('kpi', { id: 'x' });
    expect(listener).not.toHaveBeenCalled();
    expect(stream.status.malformed).toBe(2);
  });

  it('stops calling a listener once unsubscribed', () => {
    const listener = vi.fn();
    const off = stream.on('sensor', listener);
    off();
    sources[0]?.emit('sensor', sensorState());
    expect(listener).not.toHaveBeenCalled();
  });

  it('shows reconnecting while the browser retries by itself', () => {
    sources[0]?.open();
    sources[0]?.fail(0);
    expect(stream.status.connection).toBe('reconnecting');
    vi.advanceTimersByTime(60_000);
    expect(sources).toHaveLength(1);
  });

  it('reopens with a growing delay when the browser gives up', () => {
    sources[0]?.fail(2);
    expect(sources[0]?.closed).toBe(true);
    vi.advanceTimersByTime(1999);
    expect(sources).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sources).toHaveLength(2);
    sources[1]?.fail(2);
    vi.advanceTimersByTime(3999);
    expect(sources).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sources).toHaveLength(3);
    sources[2]?.open();
    expect(stream.status.connection).toBe('live');
  });
});

describe('LiveStream coalescing', () => {
  it('delivers a burst once per flush: the newest state per id, every dead letter, one status change', () => {
    const flushes: Array<() => void> = [];
    let source: FakeEventSource | undefined;
    const stream = new LiveStream('/api/stream', {
      createEventSource: () => (source = new FakeEventSource()),
      coalesce: (flush) => flushes.push(flush),
    });
    stream.start();
    source?.open();
    const kpis: number[] = [];
    let statusChanges = 0;
    let sensorMaps = 0;
    stream.on('kpi', (kpi) => kpis.push(kpi.progress ?? -1));
    stream.onLatest('sensor', () => (sensorMaps += 1));
    stream.onStatus(() => (statusChanges += 1));
    for (let i = 0; i < 100; i += 1) source?.emit('sensor', sensorState({ id: `s-${i % 10}`, messages: i }));
    source?.emit('kpi', kpiSnapshot({ progress: 0.1 }));
    source?.emit('kpi', kpiSnapshot({ progress: 0.2 }));
    expect(flushes).toHaveLength(1);
    expect(stream.latest('sensor').size).toBe(0);
    expect(kpis).toEqual([]);

    flushes[0]?.();
    expect(kpis).toEqual([0.2]);
    expect(stream.latest('sensor').size).toBe(10);
    expect(stream.latest('sensor').get('s-3')?.messages).toBe(93);
    expect(statusChanges).toBe(1);
    // Ten sensors changed, one new map: its listeners are told once.
    expect(sensorMaps).toBe(1);

    source?.emit('kpi', kpiSnapshot({ id: 'other', progress: 0.5 }));
    expect(flushes).toHaveLength(2);
    flushes[1]?.();
    expect([...stream.latest('kpi').keys()].sort()).toEqual(['env.air.pm25', 'other']);
    expect(sensorMaps).toBe(1);
    stream.stop();
  });
});

describe('frameAfterGap', () => {
  afterEach(() => vi.useRealTimers());

  it('delivers at once after a quiet spell, then no sooner than the gap after the last delivery', () => {
    vi.useFakeTimers({ now: 0 });
    const coalesce = frameAfterGap(200, () => Date.now());
    const delivered: number[] = [];
    coalesce(() => delivered.push(Date.now()));
    // No animation frames here: the hidden-page timer delivers.
    vi.advanceTimersByTime(250);
    expect(delivered).toEqual([250]);
    coalesce(() => delivered.push(Date.now()));
    vi.advanceTimersByTime(449);
    expect(delivered).toEqual([250]);
    vi.advanceTimersByTime(1);
    expect(delivered).toEqual([250, 250 + 200 + 250]);
    vi.advanceTimersByTime(1000);
    coalesce(() => delivered.push(Date.now()));
    vi.advanceTimersByTime(250);
    expect(delivered).toHaveLength(3);
    expect(delivered[2]! - delivered[1]!).toBeGreaterThan(200);
  });
});
