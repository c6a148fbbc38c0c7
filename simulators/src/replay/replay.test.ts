import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseSensorMessage, sensorTopic, type Reading } from '@ssc-monitor/core';
import { describe, expect, it } from 'vitest';
import { loadMapping } from '../load-files.js';
import { MemoryPublisher } from '../publish/memory-publisher.js';
import { parseCsv, readCsvFile, type CsvRecord } from './csv-reader.js';
import type { ReplayMapping } from './mapping.js';
import { runReplay } from './replay.js';

const DATA = new URL('../../../../shared/data/', import.meta.url);
const FREMONT = fileURLToPath(new URL('seattle-fremont-bridge-bikes/FremontBridge.csv', DATA));
const TIANTAN = fileURLToPath(new URL('beijing-multisite-aq/PRSA_Data_Tiantan_20130301-20170228.csv', DATA));
const mappingFile = (name: string) => fileURLToPath(new URL(`../../mappings/${name}`, import.meta.url));

async function* rowsOf(records: CsvRecord[]): AsyncGenerator<CsvRecord> {
  yield* records;
}

/** Replays into memory and reads every message back as the ingest would. */
async function replayed(
  rows: AsyncIterable<CsvRecord>,
  mapping: ReplayMapping,
  range: { from?: number; to?: number } = {},
) {
  const publisher = new MemoryPublisher();
  await publisher.start();
  const summary = await runReplay({ rows, mapping, publisher, ...range });
  const readings: Reading[] = [];
  for (const m of publisher.messages) {
    const payload = typeof m.payload === 'string' ? Buffer.from(m.payload) : m.payload;
    const parsed = parseSensorMessage(
      { topic: sensorTopic('', m.sensorId), payload, receivedAt: Date.now() },
      { topicPrefix: '', maxPayloadBytes: 65_536 },
    );
    if (!parsed.ok) throw new Error(`${m.sensorId}: ${parsed.rejection.reason}`);
    readings.push(...parsed.readings);
  }
  return { summary, readings, messages: publisher.messages };
}

const FREMONT_LIKE = [
  'Date,Fremont Bridge West Sidewalk,Fremont Bridge East Sidewalk',
  '11/03/2013 12:00:00 AM,4,9',
  '11/03/2013 01:00:00 AM,3,5',
  '11/03/2013 01:00:00 AM,2,',
  '11/03/2013 02:00:00 AM,1,1',
  'yesterday,1,1',
].join('\r\n');

describe('runReplay', () => {
  it('maps rows to readings with their original times through the repeated autumn hour', async () => {
    const mapping = await loadMapping(mappingFile('fremont-bridge.yaml'));
    const { summary, readings } = await replayed(rowsOf(parseCsv(FREMONT_LIKE)), mapping);
    const west = readings.filter((r) => r.sensorId === 'fremont-bridge-west');
    expect(west.map((r) => [new Date(r.ts).toISOString(), r.value])).toEqual([
      ['2013-11-03T07:00:00.000Z', 4],
      ['2013-11-03T08:00:00.000Z', 3],
      ['2013-11-03T09:00:00.000Z', 2],
      ['2013-11-03T10:00:00.000Z', 1],
    ]);
    expect(summary).toMatchObject({ rows: 4, published: 7, missingValues: 1, badRows: 1 });
    expect(summary.firstProblem).toMatch(/^line 6: time 'yesterday'/);
  });

  it('refuses a row in the skipped spring hour, which would share its instant with the hour after', async () => {
    const mapping = await loadMapping(mappingFile('fremont-bridge.yaml'));
    const csv = [
      'Date,Fremont Bridge West Sidewalk,Fremont Bridge East Sidewalk',
      '03/10/2013 01:00:00 AM,8,10',
      '03/10/2013 02:00:00 AM,0,0',
      '03/10/2013 03:00:00 AM,2,9',
    ].join('\n');
    const { summary, readings } = await replayed(rowsOf(parseCsv(csv)), mapping);
    const west = readings.filter((r) => r.sensorId === 'fremont-bridge-west');
    expect(west.map((r) => [new Date(r.ts).toISOString(), r.value])).toEqual([
      ['2013-03-10T09:00:00.000Z', 8],
      ['2013-03-10T10:00:00.000Z', 2],
    ]);
    expect(summary).toMatchObject({ rows: 2, published: 4, badRows: 1 });
    expect(summary.firstProblem).toBe(
      "line 3: local time '03/10/2013 02:00:00 AM' does not exist in America/Los_Angeles (skipped when clocks went forward)",
    );
  });

  it('sends a value in another unit with its unit, for the ingest to convert', async () => {
    const mapping = await loadMapping(mappingFile('beijing-aq.yaml'));
    const csv =
      '"No","year","month","day","hour","PM2.5","PM10","SO2","NO2","CO","O3","TEMP","PRES","DEWP","RAIN","wd","WSPM","station"\n1,2013,3,1,0,6,NA,4,8,300,81,-0.5,1024.5,-21.4,0,"NNW",5.7,"Tiantan"\n';
    const { readings, messages } = await replayed(rowsOf(parseCsv(csv)), mapping);
    expect(JSON.parse(String(messages[0]?.payload))).toMatchObject({
      co: { value: 300, unit: 'ug/m3' },
      ts: '2013-02-28T16:00:00.000Z',
    });
    const values = Object.fromEntries(readings.map((r) => [r.quantity, r.value]));
    expect(values).toEqual({ pm25: 6, so2: 4, no2: 8, co: 0.3, o3: 81, temperature: -0.5, rain_mm: 0 });
    expect(readings[0]?.sensorId).toBe('beijing-Tiantan');
  });

  it('fails at the header when a column is missing', async () => {
    const mapping = await loadMapping(mappingFile('fremont-bridge.yaml'));
    const attempt = replayed(rowsOf(parseCsv('Date,Fremont Bridge West Sidewalk\n')), mapping);
    await expect(attempt).rejects.toMatchObject({
      code: 'SIM_ERR_BAD_CSV',
      message: expect.stringMatching(/East Sidewalk/) as unknown,
    });
  });
});

const haveData = existsSync(FREMONT) && existsSync(TIANTAN);
if (!haveData) console.log('../shared/data not found: skipping the replays of the real datasets');

describe.runIf(haveData)('replays of the real datasets against their published figures', () => {
  it('Fremont Bridge: 928,279 bicycles in 2013 and 32,427 in the week of 2014-05-12', async () => {
    const mapping = await loadMapping(mappingFile('fremont-bridge.yaml'));
    const { readings } = await replayed(readCsvFile(FREMONT), mapping);
    // A store keeps one reading per sensor and instant: two would make the total depend on arrival order.
    expect(new Set(readings.map((r) => `${r.sensorId} ${r.ts}`)).size).toBe(readings.length);
    const total = (from: string, to: string) =>
      readings
        .filter((r) => r.ts >= Date.parse(from) && r.ts < Date.parse(to))
        .reduce((s, r) => s + r.value, 0);
    expect(total('2013-01-01T00:00:00-08:00', '2014-01-01T00:00:00-08:00')).toBe(928_279);
    expect(total('2014-05-12T00:00:00-07:00', '2014-05-19T00:00:00-07:00')).toBe(32_427);
  });

  it('Beijing Tiantan: PM2.5 annual mean 73.9 µg/m³ over 8,658 valid hours in 2016', async () => {
    const mapping = await loadMapping(mappingFile('beijing-aq.yaml'));
    const { readings } = await replayed(readCsvFile(TIANTAN), mapping, {
      from: Date.parse('2016-01-01T00:00:00+08:00'),
      to: Date.parse('2017-01-01T00:00:00+08:00'),
    });
    const pm25 = readings.filter((r) => r.quantity === 'pm25').map((r) => r.value);
    expect(pm25.length).toBe(8658);
    expect(Math.round((pm25.reduce((a, b) => a + b, 0) / pm25.length) * 10) / 10).toBe(73.9);
  });
});
