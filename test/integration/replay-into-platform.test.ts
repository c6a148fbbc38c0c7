import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadMapping, MqttPublisher, readCsvFile, runReplay } from '@ssc-monitor/simulators';
import { pino } from 'pino';
import { afterAll, describe, expect, it } from 'vitest';
import { productionDeliverySettings } from '../../bench/src/lib/bench-mosquitto-config.js';
import { mosquittoMissing, startMosquitto, type MosquittoServer } from '../helpers/mosquitto.js';
import { REPO_ROOT } from '../helpers/spawn-platform.js';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';
import { waitFor } from '../helpers/wait-for.js';

/** The real Fremont Bridge file replayed through a Mosquitto into the platform. */
const FREMONT = join(REPO_ROOT, '..', 'shared', 'data', 'seattle-fremont-bridge-bikes', 'FremontBridge.csv');
const available = existsSync(FREMONT) && mosquittoMissing() === undefined;
if (!available)
  console.log(
    'Fremont Bridge file not found (../shared/data absent): skipping the replay-into-platform test',
  );

let broker: MosquittoServer | undefined;
let platform: TestPlatform | undefined;
let dir: string | undefined;
afterAll(async () => {
  await platform?.close();
  await broker?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.runIf(available)('replaying a real dataset into the platform', () => {
  it('yields the published 2013 Fremont Bridge total, 928,279, as a KPI value', async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssc-replay-'));
    const plan = join(dir, 'seattle.plan.yaml');
    await writeFile(
      plan,
      JSON.stringify({
        version: 1,
        city: {
          name: 'Seattle (Fremont)',
          population: 737_015,
          timezone: 'America/Los_Angeles',
          districts: [{ id: 'fremont', name: 'Fremont' }],
        },
        sensors: [
          { id: 'fremont-bridge-west', district: 'fremont', kind: 'cycling' },
          { id: 'fremont-bridge-east', district: 'fremont', kind: 'cycling' },
        ],
        kpis: [
          {
            id: 'eco.mobility.cycling.annual',
            baseline: { value: 900_000, period: { from: '2013-01-01', to: '2013-12-31' } },
            targets: [{ horizon: 'short', date: '2030-12-31', value: 1_200_000 }],
          },
        ],
      }),
    );
    // A broker of its own with the shipped delivery settings: Debian's defaults (1,000 queued
    // messages per subscriber) drop QoS 1 readings whenever a busy machine slows the platform down.
    broker = await startMosquitto({ settings: productionDeliverySettings() });
    const prefix = `replay-${randomUUID().slice(0, 8)}/`;
    platform = await startTestPlatform({
      MQTT_URL: broker.url,
      MQTT_TOPIC_PREFIX: prefix,
      PLAN_FILE: plan,
      DEMO: 'off',
    });
    const publisher = new MqttPublisher({
      url: broker.url,
      prefix,
      qos: 1,
      logger: pino({ level: 'silent' }),
    });
    await publisher.start();
    const summary = await runReplay({
      rows: readCsvFile(FREMONT),
      mapping: await loadMapping(join(REPO_ROOT, 'simulators', 'mappings', 'fremont-bridge.yaml')),
      publisher,
      // Paced (a year in about 12 s, ~1,500 messages/s), as a replay is run against a live platform.
      speed: 2.6e6,
      from: Date.parse('2013-01-01T00:00:00-08:00'),
      to: Date.parse('2014-01-01T00:00:00-08:00'),
    }).finally(() => publisher.stop());
    expect(summary.failed).toBe(0);
    // The file's row for each spring hour clocks skip (2013–2016; zeros in 2013) is refused, not
    // stored over the hour after; rows are read before the period filter, so all four count.
    expect(summary.badRows).toBe(4);
    await waitFor(
      'every replayed reading stored',
      () => platform!.pipeline.counters().stored >= summary.published,
      { timeoutMs: 60_000 },
    );
    // Measured over the plan's baseline period, 2013 in Seattle's calendar.
    const measured = await platform.get<{ value: number; sensors: string[] }>(
      '/api/kpis/eco.mobility.cycling.annual/measure',
    );
    expect(measured.body.value).toBe(928_279);
    expect(measured.body.sensors).toEqual(['fremont-bridge-east', 'fremont-bridge-west']);
  }, 120_000);
});
