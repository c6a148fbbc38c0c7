import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../load-files.js';
import { loadDemoPlan, localMs } from '../test-support/demo-plan.js';
import { createCity, type SimCity } from './city.js';
import { createDemoCity } from './demo-city.js';
import { demoMessages } from './messages.js';
import { parseScenarioYaml } from './parse-scenario.js';
import { resolveScenario } from './resolve-scenario.js';

const DEMO_SCENARIO = fileURLToPath(new URL('../../scenarios/demo-city.yaml', import.meta.url));
const FAULTY_SCENARIO = fileURLToPath(new URL('../../scenarios/faulty-city.yaml', import.meta.url));
const plan = loadDemoPlan();
const context = { districts: plan.city.districts.map((d) => d.id), sensors: plan.sensors };

/**
 * SHA-256 of the demo city's messages over a November week (hourly), a July hour (10 s) and a
 * March day (5 min), recorded from the generator before scenarios existed: the scenario layer must
 * not move a byte of today's demo.
 */
const GOLDEN: Record<number, string> = {
  1: '8abd83dac27df07313f287087bc3c3f06e90a00887bae1f1d1c2d74690ede429',
  2030: '074bab5b95f661371bc711fde3ce109071f79006530d094301157af6b4580df2',
};

function digest(city: SimCity): string {
  const hash = createHash('sha256');
  const spans: Array<[string, number, number]> = [
    ['2026-11-23T00:00:00+01:00', 3_600_000, 24 * 7],
    ['2026-07-01T12:00:00+01:00', 10_000, 360],
    ['2025-03-30T00:00:00+01:00', 300_000, 288],
  ];
  for (const [from, dt, count] of spans) {
    const start = Date.parse(from);
    for (let i = 1; i <= count; i += 1)
      for (const m of demoMessages(city, start + i * dt, dt)) hash.update(`${m.sensorId}\n${m.payload}\n`);
  }
  return hash.digest('hex');
}

describe('the shipped demo-city scenario', () => {
  it.each([1, 2030])('reproduces the plan-driven demo byte for byte with seed %d', async (seed) => {
    const scenario = await loadScenario(DEMO_SCENARIO);
    expect(scenario.sensors.map((s) => s.id)).toEqual(plan.sensors.map((s) => s.id));
    expect(digest(createCity(scenario, seed))).toBe(GOLDEN[seed]);
    expect(digest(createDemoCity(plan.sensors, seed))).toBe(GOLDEN[seed]);
  });

  it('loads the faulty city: its plan, a new kind, generated sensors and faults', async () => {
    const scenario = await loadScenario(FAULTY_SCENARIO);
    const ids = scenario.sensors.map((s) => s.id);
    expect(ids).toContain('harbour-gas-harbour-2');
    expect(ids).toContain('noise-extra-university-1');
    expect(ids.length).toBe(plan.sensors.length + 4 + 5);
    expect(scenario.faults.dropout).toBe(0.01);
    expect(scenario.faults.clockSkew.offsetMs).toBe(15 * 60_000);
    const formats = new Set(createCity(scenario).sensors.map((s) => s.encoding.format));
    expect(formats).toEqual(new Set(['senml', 'json', 'ngsi']));
  });
});

describe('scenario validation', () => {
  const issuesOf = (text: string) => {
    const result = parseScenarioYaml(text, context);
    return result.ok ? [] : result.issues.map((i) => `${i.line ?? '-'} ${i.path} ${i.message}`);
  };

  it('reports every problem with its line', () => {
    const text = [
      'version: 1', // 1
      'name: broken', // 2
      'plan: plan.yaml', // 3
      'kinds:', // 4
      '  air_quality:', // 5
      '    quantities:', // 6
      '      no2: { rain: 0.5 }', // 7
      '      pm25: { unit: furlongs }', // 8
      '      radon: { level: 3 }', // 9
      '  gas:', // 10
      '    quantities:', // 11
      '      so2: { profile: traffic }', // 12
      'generate:', // 13
      '  - { kind: tram, perDistrict: 2, districts: [moon] }', // 14
      'faults:', // 15
      '  dropout: 2', // 16
    ].join('\n');
    const schema = issuesOf(text);
    expect(schema).toEqual([expect.stringMatching(/^16 \/faults\/dropout .*1/)]);
    const semantic = issuesOf(text.replace('dropout: 2', 'dropout: 0.1'));
    expect(semantic).toEqual([
      '7 /kinds/air_quality/quantities/no2/rain rain has no effect on no2 of kind air_quality',
      expect.stringMatching(
        /^8 \/kinds\/air_quality\/quantities\/pm25\/unit unit 'furlongs' is not known for pm25/,
      ),
      expect.stringMatching(/^9 \/kinds\/air_quality\/quantities\/radon kind air_quality measures pm25/),
      '12 /kinds/gas/quantities/so2 so2 of the new kind gas needs a level (nothing to default it to)',
      "14 /generate/0/kind unknown kind 'tram'",
      "14 /generate/0/districts/0 unknown district 'moon'",
    ]);
  });

  it.each([
    ['a YAML syntax error', 'version: 1\nname: [unclosed\n', /^\d+ {2}/],
    [
      'an unknown field',
      'version: 1\nname: x\nplan: p.yaml\nsensor: []\n',
      /^4 \/sensor Unexpected property/,
    ],
    ['no sensors at all', 'version: 1\nname: x\n', /^1 {2}the scenario has no sensors/],
    [
      'a duplicate sensor',
      'version: 1\nname: x\nplan: p\nsensors:\n  - { id: aq-centre-1, district: centre, kind: noise }\n',
      /^5 \/sensors\/0\/id sensor 'aq-centre-1' is listed twice/,
    ],
    [
      'a bad duration',
      'version: 1\nname: x\nplan: p\nfaults:\n  silent: { rate: 0.1, duration: soon }\n',
      /^5 \/faults\/silent\/duration/,
    ],
  ])('refuses %s', (_label, text, pattern) => {
    expect(issuesOf(text)[0]).toMatch(pattern);
  });
});

describe('scenario signals', () => {
  const resolve = (text: string) => {
    const result = parseScenarioYaml(text, context);
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return resolveScenario(result.value, context);
  };
  const base = 'version: 1\nname: t\nplan: p\ntrendFrom: 2026-01-01\n';
  const sum = (city: SimCity, quantity: string, t: number) =>
    city
      .readings(t, 3_600_000)
      .filter((r) => r.quantity === quantity)
      .reduce((s, r) => s + r.value, 0);

  it('compounds a trend per year from its reference date', () => {
    const trend = createCity(
      resolve(`${base}kinds:\n  air_quality:\n    quantities:\n      no2: { trend: -0.05 }\n`),
    );
    const flat = createCity(resolve(base));
    const t = Date.parse('2028-01-01T08:00:00Z');
    const years = (t - Date.UTC(2026, 0, 1)) / (365.25 * 86_400_000);
    expect(sum(trend, 'no2', t) / sum(flat, 'no2', t)).toBeCloseTo(0.95 ** years, 10);
    expect(sum(trend, 'pm25', t)).toBe(sum(flat, 'pm25', t));
  });

  it('scales a level and flattens a profile', () => {
    const scenario = resolve(
      `${base}kinds:\n  traffic:\n    quantities:\n      traffic_count: { level: 24000, diurnalAmplitude: 0, weeklyAmplitude: 0, noise: 0 }\n`,
    );
    const city = createCity(scenario);
    const day = localMs('2026-11-24T00:00:00');
    const hours = Array.from({ length: 24 }, (_, h) => sum(city, 'traffic_count', day + (h + 1) * 3_600_000));
    const total = hours.reduce((a, b) => a + b, 0);
    expect(total / 4).toBeGreaterThan(24_000 * 0.97);
    expect(total / 4).toBeLessThan(24_000 * 1.03);
    // Flat: every hour within stochastic rounding of a 24th of the day.
    for (const h of hours) expect(Math.abs(h / (total / 24) - 1)).toBeLessThan(0.02);
  });

  it('runs a kind of its own with a level, profile and unit', () => {
    const text = `${base}kinds:\n  gas:\n    format: json\n    quantities:\n      so2: { level: 6, profile: traffic }\n      co: { level: 0.4, unit: ug/m3 }\nsensors:\n  - { id: gas-1, district: harbour, kind: gas }\n`;
    const city = createCity(resolve(text));
    const mean = (quantity: string) => {
      const week = Array.from({ length: 168 }, (_, h) =>
        sum(city, quantity, localMs('2026-11-23T00:00:00') + (h + 1) * 3_600_000),
      );
      return week.reduce((a, b) => a + b, 0) / 168;
    };
    expect(mean('so2') / 6).toBeGreaterThan(0.8);
    expect(mean('so2') / 6).toBeLessThan(1.2);
    const message = demoMessages(city, localMs('2026-11-24T08:00:00'), 3_600_000).find(
      (m) => m.sensorId === 'gas-1',
    );
    const body = JSON.parse(message?.payload ?? '{}') as { co?: { unit: string; value: number } };
    expect(body.co?.unit).toBe('ug/m3');
    expect(body.co?.value).toBeGreaterThan(100);
  });
});
