import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../load-files.js';
import { MemoryPublisher } from '../publish/memory-publisher.js';
import { createCity } from '../scenarios/city.js';
import { demoMessages } from '../scenarios/messages.js';
import { runScenario } from './run-scenario.js';

const FAULTY = fileURLToPath(new URL('../../scenarios/faulty-city.yaml', import.meta.url));
const HOUR = 3_600_000;
const FROM = Date.UTC(2026, 2, 1);
const TO = FROM + 3 * 24 * HOUR;
const logger = pino({ level: 'silent' });

async function backfill(faults: boolean, seed = 7) {
  const scenario = await loadScenario(FAULTY);
  const publisher = new MemoryPublisher();
  const run = await runScenario({
    url: 'unused',
    scenario,
    seed,
    faults,
    time: { kind: 'backfill', from: FROM, to: TO, stepMs: HOUR },
    publisher,
    logger,
  });
  const summary = await run.done;
  return { scenario, summary, messages: publisher.messages };
}

const text = (payload: string | Uint8Array) =>
  typeof payload === 'string' ? payload : Buffer.from(payload).toString('hex');

describe('runScenario', () => {
  it('backfills a faulty city the same way twice for the same seed', async () => {
    const [a, b] = [await backfill(true), await backfill(true)];
    expect(a.messages.map((m) => text(m.payload))).toEqual(b.messages.map((m) => text(m.payload)));
    expect(a.summary.published).toBe(a.messages.length);
    expect(a.summary.intervals).toBe(72);
    expect(Object.values(a.summary.faults).reduce((s, n) => s + n, 0)).toBeGreaterThan(0);
  });

  it('publishes the clean city byte for byte with faults off', async () => {
    const { scenario, messages, summary } = await backfill(false);
    const city = createCity(scenario, 7);
    const expected = Array.from({ length: 72 }, (_, i) =>
      demoMessages(city, FROM + (i + 1) * HOUR, HOUR),
    ).flat();
    expect(messages.map((m) => m.payload)).toEqual(expected.map((m) => m.payload));
    expect(Object.values(summary.faults).every((n) => n === 0)).toBe(true);
  });
});
