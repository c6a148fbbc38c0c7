import { SYSTEM_CLOCK, type Clock } from '@ssc-monitor/core';
import type { Logger } from 'pino';
import { NO_FAULTS } from '../faults/fault-config.js';
import { FaultLayer, type FaultCounts } from '../faults/fault-layer.js';
import { MqttPublisher } from '../publish/mqtt-publisher.js';
import type { Publisher } from '../publish/publisher.js';
import { createCity, type SimCity } from '../scenarios/city.js';
import { sensorBatches } from '../scenarios/messages.js';
import type { Scenario } from '../scenarios/scenario.js';
import { SimulationLoop, type MessageSource } from '../simulation.js';
import { BoundedSender } from './bounded-sender.js';
import type { TimePlan } from './time-plan.js';
import { runTimeline, type TimelineProgress } from './timeline.js';

export interface ScenarioRunOptions {
  /** Broker URL, e.g. `mqtt://localhost:1883`; unused when `publisher` is given. */
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  /** @defaultValue `''` */
  readonly prefix?: string;
  /** @defaultValue 0 */
  readonly qos?: 0 | 1;
  readonly scenario: Scenario;
  /** @defaultValue the scenario's seed */
  readonly seed?: number;
  readonly time: TimePlan;
  /** Inject the scenario's faults. @defaultValue true */
  readonly faults?: boolean;
  /** Messages published but not yet acknowledged, at most. @defaultValue 1000 */
  readonly maxInFlight?: number;
  readonly logger: Logger;
  /** @defaultValue the system clock */
  readonly clock?: Clock;
  /** Called after each interval of a fast mode. */
  readonly onProgress?: (progress: TimelineProgress) => void;
  /** @defaultValue an MqttPublisher for `url` */
  readonly publisher?: Publisher;
}

export interface ScenarioSummary {
  readonly mode: TimePlan['kind'];
  readonly published: number;
  readonly failed: number;
  readonly intervals: number;
  /** Simulated time reached, epoch ms. */
  readonly simulated: number;
  readonly wallMs: number;
  readonly faults: FaultCounts;
  /** The fault layer's input: messages of the clean city. */
  readonly cleanMessages: number;
}

export interface ScenarioRun {
  readonly city: SimCity;
  /** Fast modes: resolves when the period is published. Real time: when stopped. */
  readonly done: Promise<ScenarioSummary>;
  /** Ends the run early and disconnects. Safe to call twice. */
  stop(): Promise<void>;
}

export const DEFAULT_MAX_IN_FLIGHT = 1000;

function publisherFor(o: ScenarioRunOptions): Publisher {
  return (
    o.publisher ??
    new MqttPublisher({
      url: o.url,
      username: o.username,
      password: o.password,
      prefix: o.prefix ?? '',
      qos: o.qos ?? 0,
      logger: o.logger,
    })
  );
}

/**
 * Runs a scenario against a broker in the plan's time mode: the city's clean messages, seen through
 * the scenario's fault layer, published through a bounded window. Rejects with SIM_ERR_CONNECT when
 * the broker cannot be reached.
 */
export async function runScenario(o: ScenarioRunOptions): Promise<ScenarioRun> {
  const seed = o.seed ?? o.scenario.seed;
  const city = createCity(o.scenario, seed);
  const layer = new FaultLayer(o.faults === false ? NO_FAULTS : o.scenario.faults, seed);
  const publisher = publisherFor(o);
  await publisher.start();
  const parts: Parts = {
    city,
    layer,
    source: (t, dtMs) => layer.apply(sensorBatches(city, t, dtMs)),
    sender: new BoundedSender(publisher, o.maxInFlight ?? DEFAULT_MAX_IN_FLIGHT),
    publisher,
    clock: o.clock ?? SYSTEM_CLOCK,
    summaryOf: (p) => ({
      mode: o.time.kind,
      published: p.published,
      failed: p.failed,
      intervals: p.intervals,
      simulated: p.simulated,
      wallMs: p.wallMs,
      faults: { ...layer.counts },
      cleanMessages: layer.cleanMessages,
    }),
  };
  return o.time.kind === 'realtime' ? realtime(o, o.time, parts) : fast(o, o.time, parts);
}

interface Parts {
  readonly city: SimCity;
  readonly layer: FaultLayer;
  readonly source: MessageSource;
  readonly sender: BoundedSender;
  readonly publisher: Publisher;
  readonly clock: Clock;
  readonly summaryOf: (p: Omit<TimelineProgress, 'from' | 'to'>) => ScenarioSummary;
}

type FastPlan = Exclude<TimePlan, { kind: 'realtime' }>;

/** Accelerated and backfill: one timeline run, then disconnect. */
function fast(o: ScenarioRunOptions, time: FastPlan, parts: Parts): ScenarioRun {
  const abort = new AbortController();
  const done = runTimeline({
    from: time.from,
    to: time.to,
    stepMs: time.stepMs,
    speed: time.kind === 'accelerated' ? time.speed : undefined,
    source: parts.source,
    flush: () => parts.layer.flush(),
    sender: parts.sender,
    clock: parts.clock,
    signal: abort.signal,
    onProgress: o.onProgress,
  })
    .then(parts.summaryOf)
    .finally(() => parts.publisher.stop());
  let stopping: Promise<void> | undefined;
  return {
    city: parts.city,
    done,
    stop: () => (stopping ??= (abort.abort(), done.then(() => undefined))),
  };
}

/** Real time: the demo's loop, fed by the fault layer; counts come from the bounded sender. */
function realtime(
  o: ScenarioRunOptions,
  time: Extract<TimePlan, { kind: 'realtime' }>,
  parts: Parts,
): ScenarioRun {
  const { city, source, sender, publisher, clock, summaryOf } = parts;
  const started = clock.now();
  let intervals = 0;
  const counted: Publisher = {
    start: () => Promise.resolve(),
    stop: () => Promise.resolve(),
    publish: async (messages) => {
      intervals += 1;
      await sender.send(messages);
      await sender.drain();
    },
  };
  const loop = new SimulationLoop({
    city,
    source,
    publisher: counted,
    intervalMs: time.stepMs,
    backfillMs: time.backfillMs,
    clock,
    logger: o.logger,
  });
  void loop.start();
  let requestStop: () => void = () => {};
  const done = new Promise<void>((resolve) => (requestStop = resolve)).then(async () => {
    await loop.stop();
    await sender.drain();
    await publisher.stop();
    const now = clock.now();
    const { published, failed } = sender;
    return summaryOf({ published, failed, intervals, simulated: now, wallMs: now - started });
  });
  return { city, done, stop: () => (requestStop(), done.then(() => undefined)) };
}
