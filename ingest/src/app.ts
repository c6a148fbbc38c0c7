import { basename, join } from 'node:path';
import {
  DEFAULT_MAX_PAYLOAD_BYTES,
  KpiEngine,
  LiveBus,
  SYSTEM_CLOCK,
  type PlatformView,
} from '@ssc-monitor/core';
import { enlargePlan } from '@ssc-monitor/simulators';
import type { Logger } from 'pino';
import type { AdminKeyState } from '@ssc-monitor/api';
import type { MqttSource } from './adapters/mqtt/mqtt-source.js';
import { LocalMonitor } from './pipeline/local-monitor.js';
import { ForwardConsumer } from './scale-out/forward-consumer.js';
import { IngestForwarder } from './scale-out/ingest-forwarder.js';
import type { Config } from './config.js';
import { startDemo, type RunningDemo } from './demo.js';
import { IngestPipeline } from './pipeline/ingest-pipeline.js';
import { LiveCoalescer } from './pipeline/live-coalescer.js';
import { SensorRegistry } from './pipeline/sensor-registry.js';
import { DEMO_PLAN_FILE, loadPlanFile } from './plan-loader.js';
import { PlanService } from './plan-service.js';
import { FilePlanRepository } from './adapters/plan/file-plan-repository.js';
import { startFeeds, type Closer } from './start-feeds.js';
import { createReports } from './start-reports.js';
import { connectSource, startHttp, WEB_DIST_DIR } from './start-network.js';
import { startBroker } from './start-broker.js';
import { refusalRejection } from './adapters/broker/refused-publish.js';
import type { ServiceCredential } from './adapters/broker/broker-auth.js';
import { createPlatformView } from './platform-view.js';
import { openPlatformStorage, type PlatformStorage } from './storage.js';
import { createIngestMetrics } from './metrics/ingest-metrics.js';
import { resolveSpoolMaxBytes } from './spool/spool-limit.js';
import { sensorIntake } from './sensor-intake.js';

export { WEB_DIST_DIR };

export interface RunningPlatform {
  readonly httpUrl: string;
  readonly mqttUrl: string;
  /** What this process's own MQTT clients use on the embedded broker (may publish on any topic). */
  readonly mqttService: ServiceCredential | undefined;
  readonly view: PlatformView;
  readonly pipeline: IngestPipeline;
  /** The generated admin key, to print at start; see ensureAdminKey. */
  readonly admin: AdminKeyState;
  /** Stops intake, flushes the store, then closes the broker and the HTTP server. */
  stop(): Promise<void>;
}

/**
 * The composition root: one process running the broker (unless external), ingest, KPI engine, API,
 * dashboard and, for the demo, the simulators.
 */
export async function startPlatform(config: Config, logger: Logger): Promise<RunningPlatform> {
  const closers: Closer[] = [];
  const stop = async () => {
    for (const close of closers.reverse()) await close();
    closers.length = 0;
  };
  try {
    const running = await startParts(config, logger, closers);
    return { ...running, stop };
  } catch (error) {
    await stop().catch((cause: unknown) =>
      logger.error({ err: cause }, 'cleanup after a failed start failed'),
    );
    throw error;
  }
}

async function startParts(
  config: Config,
  logger: Logger,
  closers: Closer[],
): Promise<Omit<RunningPlatform, 'stop'>> {
  const planFile = config.PLAN_FILE ?? DEMO_PLAN_FILE;
  const plans = new PlanService(
    new FilePlanRepository(join(config.DATA_DIR, 'plans')),
    logger.child({ module: 'plan' }),
  );
  const filePlan = await loadPlanFile(planFile);
  const plan = await plans.open(
    config.DEMO_SCALE === 'large' ? enlargePlan(filePlan) : filePlan,
    basename(planFile),
  );
  const demoOn = config.DEMO === 'on' || (config.DEMO === 'auto' && config.PLAN_FILE === undefined);
  const storage = await openPlatformStorage(config, logger);
  closers.push(() => storage.close());
  const live = new LiveBus();
  const engine = new KpiEngine(plan, SYSTEM_CLOCK);
  const sensors = new SensorRegistry(plan.sensors);
  const coalescer = new LiveCoalescer(live, engine, sensors);
  const monitor = new LocalMonitor(engine, sensors, coalescer, live);
  const workerId = config.MQTT_CLIENT_ID ?? `worker-${process.pid}`;
  // The forwarder publishes on the connection made below, once it exists.
  const sourceRef: { current?: MqttSource } = {};
  const forwarder = new IngestForwarder(
    () => sourceRef.current?.client,
    config.MQTT_TOPIC_PREFIX,
    workerId,
    logger.child({ module: 'forward' }),
  );
  const spoolDir = join(config.DATA_DIR, 'spool');
  const pipeline = new IngestPipeline(
    {
      store: storage.store,
      deadLetters: storage.deadLetters,
      districtOf: (id) => sensors.districtOf(id),
      observer: config.ROLE === 'worker' ? forwarder : monitor,
      logger: logger.child({ module: 'ingest' }),
      alert: (data) => live.publish({ type: 'alert', data }),
    },
    {
      topicPrefix: config.MQTT_TOPIC_PREFIX,
      maxPayloadBytes: DEFAULT_MAX_PAYLOAD_BYTES,
      batchSize: config.INGEST_BATCH_SIZE,
      spoolDir,
      spoolMaxBytes: await resolveSpoolMaxBytes(spoolDir, config.SPOOL_MAX_BYTES),
      backlogHighWater: config.INGEST_BACKLOG_HIGH,
      backlogLowWater: config.INGEST_BACKLOG_LOW,
    },
  );
  // What a previous run spooled reaches the store before the KPI state is rebuilt from it.
  await pipeline.start();
  // Shutdown order is the reverse of this list: stop intake, flush, close the store last.
  closers.push(() => pipeline.stop());
  // A worker keeps no KPI state: the monitor process does, from what workers forward.
  if (config.ROLE !== 'worker') await restoreState(storage, engine, sensors, logger);
  coalescer.start();
  closers.push(() => coalescer.stop());
  const feedScheduler = await startFeeds(
    config,
    plan,
    { storage, sensors, engine, coalescer, logger },
    closers,
  );
  const intake = sensorIntake(config, pipeline);
  const broker = await startBroker(
    config,
    demoOn,
    (refused) =>
      pipeline.refuse(
        refused.topic,
        refused.payload,
        Date.now(),
        refused.sensorId,
        refusalRejection(refused),
      ),
    logger,
    closers,
    intake.intercept,
  );
  const mqttUrl = broker.url;
  const source = await connectSource(
    config,
    mqttUrl,
    logger,
    (message) => pipeline.handle(message),
    intake.subscribeSensors,
    broker.service,
    pipeline.flow,
  );
  sourceRef.current = source;
  const connected = source;
  closers.push(() => connected.stop());
  if (config.ROLE === 'worker') {
    forwarder.start();
    closers.push(() => forwarder.stop());
  }
  if (config.ROLE === 'monitor' && source.client)
    new ForwardConsumer(monitor, storage.deadLetters, logger.child({ module: 'forward' })).attach(
      source.client,
      config.MQTT_TOPIC_PREFIX,
    );
  const reports = createReports(config, plan, () => plans.version, logger, closers);
  const view = createPlatformView({
    feeds: { feeds: () => feedScheduler.status() },
    reports: reports.service,
    plans,
    live,
    store: storage.store,
    storeKind: storage.kind,
    deadLetters: storage.deadLetters,
    engine,
    sensors,
    pipeline,
    source: connected,
    broker: { mode: config.MQTT_URL ? 'external' : 'embedded', url: mqttUrl },
    startedAt: Date.now(),
    metrics: createIngestMetrics(pipeline),
  });
  const { url: httpUrl, admin, reportKey } = await startHttp(view, config, logger, closers);
  await reports.start(httpUrl, reportKey);
  if (demoOn && config.ROLE !== 'worker') {
    const demo: RunningDemo = await startDemo({
      plan,
      store: storage.store,
      mqttUrl,
      service: broker.service,
      config,
      logger,
    });
    closers.push(() => demo.stop());
  }
  return { httpUrl, mqttUrl, mqttService: broker.service, view, pipeline, admin };
}

/** Rebuilds KPI windows and sensor state from the store, so a restart shows the same values. */
async function restoreState(
  storage: PlatformStorage,
  engine: KpiEngine,
  sensors: SensorRegistry,
  logger: Logger,
): Promise<void> {
  const replayed = await engine.restore(storage.store);
  sensors.restore(await storage.store.latest(), await storage.deadLetters.countsBySensor());
  logger.info({ replayed }, 'KPI state restored from the store');
}
