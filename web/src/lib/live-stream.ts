import type { DeadLetter, KpiSnapshot, SensorState } from '@ssc-monitor/core';
import { STREAM_RECONNECT } from '../config/app-config';
import { isDeadLetter, isKpiSnapshot, isSensorState } from './domain-guards';
import type { Guard } from './guards';

/** Payloads by SSE event name, as documented for GET /api/stream. */
export interface LiveEventMap {
  kpi: KpiSnapshot;
  sensor: SensorState;
  'dead-letter': DeadLetter;
}
export type LiveEventType = keyof LiveEventMap;
/** Event types whose newest payload per id is kept: the server sends all of them on every (re)connect. */
export type LiveStateType = 'kpi' | 'sensor';

export type LiveConnection = 'connecting' | 'live' | 'reconnecting';

export interface LiveStatus {
  readonly connection: LiveConnection;
  /** Epoch ms of the last event received, any type. */
  readonly lastEventAt: number | null;
  /** Events dropped because their data did not parse; non-zero means client and server disagree. */
  readonly malformed: number;
}

/** The part of EventSource this module uses, so tests can drive it. */
export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onerror: ((event: Event) => void) | null;
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void;
  close(): void;
}

export interface LiveStreamOptions {
  readonly createEventSource?: (url: string) => EventSourceLike;
  readonly now?: () => number;
  /**
   * Schedules one delivery of the events received since the last. Events are coalesced per id
   * until then, so a burst of updates costs one render, not one per event.
   * @defaultValue the next animation frame at least {@link MIN_DELIVERY_GAP_MS} after the last
   * delivery (a timer when the page is hidden or has no frames)
   */
  readonly coalesce?: (flush: () => void) => void;
}

/** A hidden tab gets no animation frames; its events are still delivered, a few times a second. */
const HIDDEN_FLUSH_MS = 250;

function nextFrame(flush: () => void): void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    flush();
  };
  if (typeof requestAnimationFrame === 'function') requestAnimationFrame(once);
  setTimeout(once, HIDDEN_FLUSH_MS);
}

/**
 * Least time between two deliveries. The server sends each change as soon as it happens, so events
 * arrive spread out rather than in bursts; delivering on every frame would re-render the wall screen
 * 60 times a second for a few tiles each. Five times a second shows every change without flicker.
 */
export const MIN_DELIVERY_GAP_MS = 200;

/** Delivers on the first animation frame at least `gapMs` after the previous delivery. */
export function frameAfterGap(gapMs: number, now: () => number = () => performance.now()) {
  let lastAt = -Infinity;
  return (flush: () => void): void => {
    const deliver = () =>
      nextFrame(() => {
        lastAt = now();
        flush();
      });
    const wait = lastAt + gapMs - now();
    if (wait > 0) setTimeout(deliver, wait);
    else deliver();
  };
}

const EVENT_SOURCE_CLOSED = 2;

const GUARDS: { readonly [K in LiveEventType]: Guard<LiveEventMap[K]> } = {
  kpi: isKpiSnapshot,
  sensor: isSensorState,
  'dead-letter': isDeadLetter,
};

/** A copy of `base` with `changes` set over it; copies Map to Map, without an array of every entry. */
function merged<V>(base: ReadonlyMap<string, V>, changes: ReadonlyMap<string, V>): Map<string, V> {
  const next = new Map(base);
  for (const [id, value] of changes) next.set(id, value);
  return next;
}

type Listener<K extends LiveEventType> = (data: LiveEventMap[K]) => void;

/**
 * One connection to the live stream, shared by every panel. EventSource reconnects by itself after a
 * dropped connection (the server sends `retry: 2000`); when the browser gives up instead (an HTTP error
 * answer closes the source for good) this class reopens it with a bounded backoff.
 */
export class LiveStream {
  readonly #url: string;
  readonly #createEventSource: (url: string) => EventSourceLike;
  readonly #now: () => number;
  #source: EventSourceLike | null = null;
  #reopenTimer: ReturnType<typeof setTimeout> | undefined;
  #reopenDelay: number = STREAM_RECONNECT.initialMs;
  #status: LiveStatus = { connection: 'connecting', lastEventAt: null, malformed: 0 };
  readonly #statusListeners = new Set<() => void>();
  readonly #listeners: { [K in LiveEventType]: Set<Listener<K>> } = {
    kpi: new Set(),
    sensor: new Set(),
    'dead-letter': new Set(),
  };
  readonly #latestListeners: { [K in LiveStateType]: Set<() => void> } = {
    kpi: new Set(),
    sensor: new Set(),
  };
  #latest: { [K in LiveStateType]: ReadonlyMap<string, LiveEventMap[K]> } = {
    kpi: new Map(),
    sensor: new Map(),
  };
  readonly #coalesce: (flush: () => void) => void;
  /** Received and not yet delivered: the newest state per id, and every dead letter in order. */
  #pending = {
    kpi: new Map<string, KpiSnapshot>(),
    sensor: new Map<string, SensorState>(),
    letters: [] as DeadLetter[],
  };
  #flushScheduled = false;

  constructor(url: string, options: LiveStreamOptions = {}) {
    this.#url = url;
    this.#createEventSource = options.createEventSource ?? ((u) => new EventSource(u));
    this.#now = options.now ?? Date.now;
    this.#coalesce = options.coalesce ?? frameAfterGap(MIN_DELIVERY_GAP_MS);
  }

  start(): void {
    if (this.#source !== null) return;
    const source = this.#createEventSource(this.#url);
    this.#source = source;
    source.onopen = () => {
      this.#reopenDelay = STREAM_RECONNECT.initialMs;
      this.#setStatus({ connection: 'live' });
    };
    source.onerror = () => {
      this.#setStatus({ connection: 'reconnecting' });
      if (source.readyState === EVENT_SOURCE_CLOSED) this.#scheduleReopen();
    };
    for (const type of Object.keys(GUARDS) as LiveEventType[]) {
      source.addEventListener(type, (event) => this.#receive(type, event.data));
    }
  }

  stop(): void {
    clearTimeout(this.#reopenTimer);
    this.#source?.close();
    this.#source = null;
  }

  get status(): LiveStatus {
    return this.#status;
  }

  /** Newest payload per id. A new Map on every change, so React can compare by identity. */
  latest<K extends LiveStateType>(type: K): ReadonlyMap<string, LiveEventMap[K]> {
    return this.#latest[type];
  }

  /**
   * Calls `listener` once per delivery that changed `latest(type)`, however many ids it changed: what
   * a view of the whole map needs, where `on` would call it once per changed id.
   */
  onLatest(type: LiveStateType, listener: () => void): () => void {
    const listeners = this.#latestListeners[type];
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  on<K extends LiveEventType>(type: K, listener: Listener<K>): () => void {
    const listeners: Set<Listener<K>> = this.#listeners[type];
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  onStatus(listener: () => void): () => void {
    this.#statusListeners.add(listener);
    return () => {
      this.#statusListeners.delete(listener);
    };
  }

  #scheduleReopen(): void {
    this.stop();
    const delay = this.#reopenDelay;
    this.#reopenDelay = Math.min(delay * 2, STREAM_RECONNECT.maxMs);
    this.#reopenTimer = setTimeout(() => this.start(), delay);
  }

  #receive<K extends LiveEventType>(type: K, raw: string): void {
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      data = undefined;
    }
    // A malformed event is counted and dropped: one bad message must not stop the wall screen.
    const guard: Guard<LiveEventMap[K]> = GUARDS[type];
    if (!guard(data)) {
      this.#setStatus({ malformed: this.#status.malformed + 1 });
      return;
    }
    if (type === 'kpi') this.#pending.kpi.set((data as KpiSnapshot).id, data as KpiSnapshot);
    else if (type === 'sensor') this.#pending.sensor.set((data as SensorState).id, data as SensorState);
    else this.#pending.letters.push(data as DeadLetter);
    if (this.#flushScheduled) return;
    this.#flushScheduled = true;
    this.#coalesce(() => this.#flush());
  }

  /** Delivers what arrived since the last flush: one new map per state type, one status change. */
  #flush(): void {
    this.#flushScheduled = false;
    const { kpi, sensor, letters } = this.#pending;
    this.#pending = { kpi: new Map(), sensor: new Map(), letters: [] };
    if (kpi.size > 0) this.#latest = { ...this.#latest, kpi: merged(this.#latest.kpi, kpi) };
    if (sensor.size > 0) this.#latest = { ...this.#latest, sensor: merged(this.#latest.sensor, sensor) };
    if (kpi.size > 0) for (const listener of this.#latestListeners.kpi) listener();
    if (sensor.size > 0) for (const listener of this.#latestListeners.sensor) listener();
    for (const data of kpi.values()) for (const listener of this.#listeners.kpi) listener(data);
    for (const data of sensor.values()) for (const listener of this.#listeners.sensor) listener(data);
    for (const data of letters) for (const listener of this.#listeners['dead-letter']) listener(data);
    this.#setStatus({ lastEventAt: this.#now(), connection: 'live' });
  }

  #setStatus(change: Partial<LiveStatus>): void {
    this.#status = { ...this.#status, ...change };
    for (const listener of this.#statusListeners) listener();
  }
}
