import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findKpiDefinition, measureKpi, type KpiDefinition } from '@ssc-monitor/core';
import { importText, parseImportMapping, type ImportMapping } from '@ssc-monitor/ingest/import';
import { createEmbeddedStorage, type EmbeddedStorage } from '@ssc-monitor/ingest/store';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/spawn-platform.js';

/**
 * Baselines computed from real public datasets must match the reference figures computed
 * independently and written in each dataset's README (../shared/data).
 */
const DATA = join(REPO_ROOT, '..', 'shared', 'data');
const available =
  existsSync(join(DATA, 'beijing-multisite-aq')) && existsSync(join(DATA, 'seattle-fremont-bridge-bikes'));
if (!available)
  console.log(
    `Evidence tests skipped: the shared datasets folder ${join('..', 'shared', 'data')} is not present next to the repository.`,
  );

const STATIONS = [
  'Changping',
  'Dingling',
  'Guanyuan',
  'Gucheng',
  'Huairou',
  'Nongzhanguan',
  'Shunyi',
  'Tiantan',
  'Wanshouxigong',
];
const none = { districtOf: () => 'unassigned', districtPopulation: () => undefined };
let storage: EmbeddedStorage;
let dir: string;

async function mapping(name: string, keep?: string[]): Promise<ImportMapping> {
  const parsed = parseImportMapping(await readFile(join(REPO_ROOT, 'demo', 'mappings', name), 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
  return keep
    ? { ...parsed.value, readings: parsed.value.readings.filter((r) => keep.includes(r.quantity)) }
    : parsed.value;
}

function definition(id: string): KpiDefinition {
  const found = findKpiDefinition(id);
  if (!found) throw new Error(id);
  return found;
}

const measure = (id: string, from: string, to: string, timeZone: string, sensorIds?: string[]) =>
  measureKpi(storage.store, definition(id), {
    ...none,
    from,
    to,
    timeZone,
    population: 1,
    ...(sensorIds ? { sensorIds } : {}),
  });

describe.runIf(available)('baselines from real data match the published reference figures', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssc-evidence-'));
    storage = createEmbeddedStorage({ dataDir: dir });
    await storage.start();
    const air = await mapping('beijing-station.yaml', ['pm25', 'no2']);
    for (const station of STATIONS) {
      const file = join(DATA, 'beijing-multisite-aq', `PRSA_Data_${station}_20130301-20170228.csv`);
      const result = await importText(await readFile(file, 'utf8'), file, air, {
        store: storage.store,
        districtOf: () => 'beijing',
      });
      expect(result.ok).toBe(true);
    }
    const bikes = join(DATA, 'seattle-fremont-bridge-bikes', 'FremontBridge.csv');
    const result = await importText(
      await readFile(bikes, 'utf8'),
      bikes,
      await mapping('fremont-bridge.yaml'),
      { store: storage.store, districtOf: () => 'fremont' },
    );
    expect(result.ok && result.summary.readings).toBe(75_920);
  }, 120_000);
  afterAll(async () => {
    await storage?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('Tiantan PM2.5 annual means 2014–2016 and valid hours (README: 86.6/8399, 82.6/8606, 73.9/8658)', async () => {
    const expected = { 2014: [86.6, 8399], 2015: [82.6, 8606], 2016: [73.9, 8658] } as const;
    for (const [year, [mean, hours]] of Object.entries(expected)) {
      const m = await measure('env.air.pm25.annual', `${year}-01-01`, `${year}-12-31`, 'Asia/Shanghai', [
        'bj-Tiantan',
      ]);
      expect(m.value?.toFixed(1), year).toBe(mean.toFixed(1));
      expect(m.readings, year).toBe(hours);
      expect(m.sufficient).toBe(true);
    }
  });

  it('days above 75 µg/m³ with 75 % hour coverage (README: Tiantan 2016 131 of 362 valid days; Dingling 102/356)', async () => {
    const tiantan = await measure(
      'env.air.pm25.exceedance_days_gb',
      '2016-01-01',
      '2016-12-31',
      'Asia/Shanghai',
      ['bj-Tiantan'],
    );
    expect([tiantan.value, tiantan.validDays]).toEqual([131, 362]);
    const dingling = await measure(
      'env.air.pm25.exceedance_days_gb',
      '2016-01-01',
      '2016-12-31',
      'Asia/Shanghai',
      ['bj-Dingling'],
    );
    expect([dingling.value, dingling.validDays]).toEqual([102, 356]);
  });

  it('9-station city means, the unweighted mean of station means (README: 2014 84.3/51.3, 2015 78.4/45.5, 2016 70.8/44.2)', async () => {
    const expected = { 2014: [84.3, 51.3], 2015: [78.4, 45.5], 2016: [70.8, 44.2] } as const;
    for (const [year, [pm25, no2]] of Object.entries(expected)) {
      const p = await measure('env.air.pm25.annual', `${year}-01-01`, `${year}-12-31`, 'Asia/Shanghai');
      const n = await measure('env.air.no2.annual', `${year}-01-01`, `${year}-12-31`, 'Asia/Shanghai');
      expect([p.value?.toFixed(1), n.value?.toFixed(1)], year).toEqual([pm25.toFixed(1), no2.toFixed(1)]);
      expect(p.sensors).toHaveLength(9);
    }
  });

  it('Fremont Bridge: 2013 total 928,279 and 2014 total 1,006,196 (published), week of 2014-05-12 32,427', async () => {
    const y2013 = await measure(
      'eco.mobility.cycling.annual',
      '2013-01-01',
      '2013-12-31',
      'America/Los_Angeles',
    );
    const y2014 = await measure(
      'eco.mobility.cycling.annual',
      '2014-01-01',
      '2014-12-31',
      'America/Los_Angeles',
    );
    const week = await measure(
      'eco.mobility.cycling.annual',
      '2014-05-12',
      '2014-05-18',
      'America/Los_Angeles',
    );
    expect([y2013.value, y2014.value, week.value]).toEqual([928_279, 1_006_196, 32_427]);
    const change = await measure(
      'eco.mobility.cycling.change',
      '2014-01-01',
      '2014-12-31',
      'America/Los_Angeles',
    );
    expect(change.value).toBeCloseTo(((1_006_196 - 928_279) / 928_279) * 100, 9);
  });

  it('importing the same file again stores nothing new', async () => {
    const bikes = join(DATA, 'seattle-fremont-bridge-bikes', 'FremontBridge.csv');
    await importText(await readFile(bikes, 'utf8'), bikes, await mapping('fremont-bridge.yaml'), {
      store: storage.store,
      districtOf: () => 'fremont',
    });
    const y2013 = await measure(
      'eco.mobility.cycling.annual',
      '2013-01-01',
      '2013-12-31',
      'America/Los_Angeles',
    );
    expect(y2013.value).toBe(928_279);
  });
});
