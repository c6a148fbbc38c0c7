import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSensorMessage, sensorTopicFilter } from '@ssc-monitor/core';
import {
  loadMapping,
  MqttPublisher,
  readCsvFile,
  runLoad,
  runReplay,
  type LoadSecond,
} from '@ssc-monitor/simulators';
import { connectAsync, type MqttClient } from 'mqtt';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '../helpers/wait-for.js';

/** The Mosquitto broker that runs on the test machine. */
const BROKER = 'mqtt://127.0.0.1:1883';
const FREMONT = fileURLToPath(
  new URL('../../../shared/data/seattle-fremont-bridge-bikes/FremontBridge.csv', import.meta.url),
);
const MAPPING = fileURLToPath(new URL('../../simulators/mappings/fremont-bridge.yaml', import.meta.url));
const logger = pino({ level: 'silent' });

const haveFremont = existsSync(FREMONT);
if (!haveFremont)
  console.log('Fremont Bridge file not found (../shared/data absent): skipping the replay test');

/** Local calendar day in Seattle of an instant, YYYY-MM-DD. */
const seattleDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Los_Angeles' });

/** Daily totals of both sidewalks straight from the CSV text, by the date written in each row. */
function csvDailyTotals(from: string, to: string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of readFileSync(FREMONT, 'utf8').split(/\r?\n/).slice(1)) {
    const [date, west, east] = line.split(',');
    const [month, day, year] = (date ?? '').slice(0, 10).split('/');
    const iso = `${year}-${month}-${day}`;
    if (iso < from || iso >= to) continue;
    totals.set(iso, (totals.get(iso) ?? 0) + Number(west || 0) + Number(east || 0));
  }
  return totals;
}

describe('simulators against Mosquitto', () => {
  let subscriber: MqttClient | undefined;
  afterEach(async () => {
    await subscriber?.endAsync();
    subscriber = undefined;
  });

  it.runIf(haveFremont)(
    'replays the week of 2014-05-12 of the Fremont Bridge: same daily totals as the CSV, 32,427 in all',
    async () => {
      const prefix = `test-${randomUUID().slice(0, 8)}/`;
      const received: Array<{ topic: string; payload: Buffer }> = [];
      subscriber = await connectAsync(BROKER, { reconnectPeriod: 0 });
      subscriber.on('message', (topic, payload) => received.push({ topic, payload }));
      await subscriber.subscribeAsync(sensorTopicFilter(prefix), { qos: 1 });

      const publisher = new MqttPublisher({ url: BROKER, prefix, qos: 1, logger });
      await publisher.start();
      const summary = await runReplay({
        rows: readCsvFile(FREMONT),
        mapping: await loadMapping(MAPPING),
        publisher,
        from: Date.parse('2014-05-12T00:00:00-07:00'),
        to: Date.parse('2014-05-19T00:00:00-07:00'),
      }).finally(() => publisher.stop());
      expect(summary).toMatchObject({ rows: 168, published: 336, failed: 0 });
      await waitFor('every replayed message', () => received.length >= summary.published);

      const daily = new Map<string, number>();
      for (const { topic, payload } of received) {
        const parsed = parseSensorMessage(
          { topic, payload, receivedAt: Date.now() },
          { topicPrefix: prefix, maxPayloadBytes: 65_536 },
        );
        expect(parsed.ok).toBe(true);
        if (!parsed.ok) continue;
        for (const r of parsed.readings) {
          const day = seattleDay.format(r.ts);
          daily.set(day, (daily.get(day) ?? 0) + r.value);
        }
      }
      expect(daily).toEqual(csvDailyTotals('2014-05-12', '2014-05-19'));
      expect([...daily.values()].reduce((a, b) => a + b, 0)).toBe(32_427);
    },
  );

  it('load-generates a short run at the target rate with no errors', async () => {
    const seconds: LoadSecond[] = [];
    const summary = await runLoad({
      url: BROKER,
      prefix: `test-${randomUUID().slice(0, 8)}/`,
      rate: 2000,
      sensors: 100,
      clients: 2,
      qos: 1,
      durationMs: 1500,
      onSecond: (s) => seconds.push(s),
    });
    expect(summary.errors).toBe(0);
    expect(summary.completed).toBe(summary.sent);
    expect(summary.achievedRate).toBeGreaterThan(0.8 * 2000);
    expect(summary.achievedRate).toBeLessThan(1.1 * 2000);
    expect(summary.latency?.p50).toBeGreaterThan(0);
    expect(summary.latency?.p99).toBeGreaterThanOrEqual(summary.latency?.p50 ?? Infinity);
    expect(seconds.length).toBeGreaterThanOrEqual(2);
    expect(seconds.reduce((s, r) => s + r.completed, 0)).toBe(summary.completed);
  });
});
