import { parseSensorMessage, sensorTopic, type Reading } from '@ssc-monitor/core';
import { describe, expect, it } from 'vitest';
import { loadDemoPlan, localMs } from '../test-support/demo-plan.js';
import { createDemoCity } from '../scenarios/demo-city.js';
import { demoMessages, sensorBatches } from '../scenarios/messages.js';
import { NO_FAULTS, type FaultConfig } from './fault-config.js';
import { FaultLayer, type WireMessage } from './fault-layer.js';

const city = createDemoCity(loadDemoPlan().sensors, 1);
const HOUR = 3_600_000;
const START = localMs('2026-01-05T00:00:00');

const FAULTY: FaultConfig = {
  ...NO_FAULTS,
  dropout: 0.02,
  silent: { rate: 0.05, durationMs: 6 * HOUR },
  spike: { rate: 0.005, factor: 8 },
  stuck: { rate: 0.05, durationMs: 2 * HOUR },
  drift: { rate: 0.05, durationMs: 24 * HOUR, magnitude: 0.3 },
  clockSkew: { rate: 0.05, durationMs: 24 * HOUR, offsetMs: 15 * 60_000 },
  duplicate: 0.01,
  outOfOrder: 0.01,
  malformed: { ...NO_FAULTS.malformed, rate: 0.01 },
  wrongUnit: 0.01,
};

function run(config: FaultConfig, seed: number, intervals: number): WireMessage[] {
  const layer = new FaultLayer(config, seed);
  const out: WireMessage[] = [];
  for (let i = 1; i <= intervals; i += 1)
    out.push(...layer.apply(sensorBatches(city, START + i * HOUR, HOUR)));
  return [...out, ...layer.flush()];
}

const bytes = (messages: readonly WireMessage[]) =>
  messages.map(
    (m) =>
      `${m.sensorId} ${m.t} ${typeof m.payload === 'string' ? m.payload : Buffer.from(m.payload).toString('hex')}`,
  );

function parse(message: WireMessage, receivedAt: number) {
  const payload = typeof message.payload === 'string' ? Buffer.from(message.payload) : message.payload;
  return parseSensorMessage(
    { topic: sensorTopic('', message.sensorId), payload, receivedAt },
    { topicPrefix: '', maxPayloadBytes: 65_536 },
  );
}

// One sample shared by the statistical checks: 32 sensors × 2,000 hours = 64,000 clean messages.
const SAMPLE_HOURS = 2000;
const sample = run(FAULTY, 11, SAMPLE_HOURS);
const clean = new Map<string, string>();
for (let i = 1; i <= SAMPLE_HOURS; i += 1)
  for (const m of demoMessages(city, START + i * HOUR, HOUR))
    clean.set(`${m.sensorId} ${START + i * HOUR}`, m.payload);

describe('FaultLayer', () => {
  it('leaves the clean stream byte-identical without faults', () => {
    const out = run(NO_FAULTS, 1, 48);
    const expected = Array.from({ length: 48 }, (_, i) =>
      demoMessages(city, START + (i + 1) * HOUR, HOUR),
    ).flat();
    expect(out.map((m) => m.payload)).toEqual(expected.map((m) => m.payload));
    expect(out.every((m) => m.faults.length === 0)).toBe(true);
  });

  it('injects the same faults for the same seed, other ones for another seed', () => {
    expect(bytes(run(FAULTY, 5, 200))).toEqual(bytes(run(FAULTY, 5, 200)));
    expect(bytes(run(FAULTY, 5, 200))).not.toEqual(bytes(run(FAULTY, 6, 200)));
  });

  it('changes no byte of a message that no fault hit', () => {
    const untouched = sample.filter((m) => m.faults.length === 0);
    expect(untouched.length).toBeGreaterThan(0.5 * sample.length);
    for (const m of untouched) expect(m.payload).toBe(clean.get(`${m.sensorId} ${m.t}`));
  });

  /** Within 4.5 standard deviations of a binomial count (episodes: of whole windows). */
  function expectRate(count: number, trials: number, rate: number, perTrial = 1) {
    const sd = perTrial * Math.sqrt((trials / perTrial) * rate * (1 - rate));
    expect(Math.abs(count - trials * rate)).toBeLessThan(4.5 * sd + perTrial);
  }

  it('hits messages at the configured rates', () => {
    const total = 32 * SAMPLE_HOURS;
    const tagged = (fault: string) => sample.filter((m) => m.faults.includes(fault as never)).length;
    const delivered = new Set(sample.map((m) => `${m.sensorId} ${m.t}`)).size;
    const silentOrDropped = total - delivered;
    expectRate(silentOrDropped, total, 1 - (1 - 0.05) * (1 - 0.02), 6);
    expectRate(tagged('duplicate'), delivered, 0.01);
    expectRate(tagged('outOfOrder'), delivered, 0.01);
    expectRate(tagged('malformed'), delivered, 0.01);
    expectRate(tagged('drift'), delivered, 0.05, 24);
    expectRate(tagged('clockSkew'), delivered, 0.05, 24);
  });

  it('repeats a stuck sensor’s first values for the rest of the window', () => {
    const stuck = sample.filter((m) => m.faults.includes('stuck') && m.faults.length === 1);
    expect(stuck.length).toBeGreaterThan(100);
    const valuesOf = (m: WireMessage) => {
      const parsed = parse(m, m.t);
      return parsed.ok ? parsed.readings.map((r: Reading) => r.value) : [];
    };
    let compared = 0;
    for (const m of stuck.slice(0, 50)) {
      // Windows are 2 h and intervals 1 h: the window's first message is the one an hour before.
      const windowStart = Math.floor(m.t / (2 * HOUR)) * 2 * HOUR;
      expect(m.t).toBe(windowStart + HOUR);
      const first = sample.find((o) => o.sensorId === m.sensorId && o.t === windowStart);
      if (first === undefined || first.faults.length > 0) continue;
      expect(valuesOf(m)).toEqual(valuesOf(first));
      expect(m.payload).not.toBe(first.payload);
      compared += 1;
    }
    expect(compared).toBeGreaterThan(20);
  });

  it('moves a skewed sensor’s timestamps by the offset, either way', () => {
    const skewed = sample.filter((m) => m.faults.join() === 'clockSkew');
    const offsets = new Set(
      skewed.map((m) => {
        const parsed = parse(m, m.t + HOUR);
        return parsed.ok ? (parsed.readings[0]?.ts ?? NaN) - m.t : NaN;
      }),
    );
    expect(offsets).toEqual(new Set([-15 * 60_000, 15 * 60_000]));
  });

  it('delivers a held message after the next interval’s message of its sensor', () => {
    const late = sample.filter((m) => m.faults.includes('outOfOrder'));
    expect(late.length).toBeGreaterThan(100);
    for (const m of late.slice(0, 100)) {
      const at = sample.indexOf(m);
      const next = sample.findIndex((o) => o.sensorId === m.sensorId && o.t === m.t + HOUR);
      if (next >= 0) expect(next).toBeLessThan(at);
    }
  });

  it('sends wrong-unit values that read as the unit factor off', () => {
    const wrong = sample.filter((m) => m.faults.join() === 'wrongUnit' && m.sensorId.startsWith('aq-'));
    expect(wrong.length).toBeGreaterThan(5);
    for (const m of wrong) {
      const original = JSON.parse(clean.get(`${m.sensorId} ${m.t}`) ?? '[]') as Array<{
        n: string;
        v: number;
      }>;
      const no2 = original.find((r) => r.n === 'no2')?.v ?? NaN;
      const parsed = parse(m, m.t);
      const read = parsed.ok ? parsed.readings.find((r) => r.quantity === 'no2')?.value : undefined;
      // NO₂ goes out in ppb; the faulty sensor sends its µg/m³ number under the ppb label.
      expect(read).toBeCloseTo(no2 * 1.9 * 1.9, 0);
    }
  });
});
