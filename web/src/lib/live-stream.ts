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
}

const EVENT_SOURCE_CLOSED = 2;

const GUARDS: { readonly [K in LiveEventType]: Guard<LiveEventMap[K]> } = {
  kpi: isKpiSnapshot,
  sensor: isSensorState,
  'dead-letter': isDeadLetter,
};

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
  #latest: { [K in LiveStateType]: ReadonlyMap<string, LiveEventMap[K]> } = {
    kpi: new Map(),
    sensor: new Map(),
  };

  constructor(url: string, options: LiveStreamOptions = {}) {
    this.#url = url;
    this.#createEventSource = options.createEventSource ?? ((u) => new EventSource(u));
    this.#now = options.now ?? Date.now;
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
    if (type === 'kpi' || type === 'sensor') this.#remember(type, data as LiveEventMap[LiveStateType]);
    const listeners: Set<Listener<K>> = this.#listeners[type];
    for (const listener of listeners) listener(data);
    this.#setStatus({ lastEventAt: this.#now(), connection: 'live' });
  }

  #remember(type: LiveStateType, data: LiveEventMap[LiveStateType]): void {
    const next = new Map<string, LiveEventMap[LiveStateType]>(this.#latest[type]);
    next.set(data.id, data);
    this.#latest = { ...this.#latest, [type]: next };
  }

  #setStatus(change: Partial<LiveStatus>): void {
    this.#status = { ...this.#status, ...change };
    for (const listener of this.#statusListeners) listener();
  }
}
