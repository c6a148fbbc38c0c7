import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ADMIN_KEY_FILE } from '@ssc-monitor/api';
import { createEmbeddedStorage } from '@ssc-monitor/ingest/store';
import type { DeadLetterRow, StoredPoint } from './checker.js';
import { badSensor, poisonSensor, validSensor } from './ledger.js';

/** One number of the platform's `GET /metrics`, read with the admin key of its data folder. */
export async function platformMetric(httpUrl: string, dataDir: string, name: string): Promise<number> {
  const key = (await readFile(join(dataDir, ADMIN_KEY_FILE), 'utf8')).trim();
  const response = await fetch(`${httpUrl}/metrics`, { headers: { authorization: `Bearer ${key}` } });
  if (!response.ok) throw new Error(`GET /metrics answered ${response.status}`);
  const line = (await response.text()).split('\n').find((l) => l.startsWith(`${name} `));
  if (line === undefined) throw new Error(`metric ${name} missing`);
  return Number(line.split(' ')[1]);
}

/** The ledger's sensors: 20 valid ones and the refused one, as `ledger.ts` names them. */
const RUN_SENSORS = (run: string): string[] =>
  Array.from({ length: 20 }, (_, n) => validSensor(run, n)).concat(poisonSensor(run));

/**
 * Every raw point and dead letter of the run in the embedded DuckDB file. DuckDB lets one process
 * hold the file, so this reads only once the platform has stopped.
 */
export async function embeddedContents(
  dataDir: string,
  run: string,
): Promise<{ points: StoredPoint[]; letters: DeadLetterRow[] }> {
  const storage = createEmbeddedStorage({ dataDir });
  await storage.start();
  try {
    const rows = await storage.store.readings({
      quantity: 'pm25',
      from: 0,
      to: Date.now() + 86_400_000,
      sensorIds: RUN_SENSORS(run),
    });
    const points = rows.map(({ sensorId, quantity, ts, value }) => ({ sensorId, quantity, ts, value }));
    const letters: DeadLetterRow[] = [];
    for (const sensorId of [0, 1, 2, 3].map((n) => badSensor(run, n)).concat(poisonSensor(run))) {
      letters.push(...(await storage.deadLetters.list({ sensorId, limit: 1_000_000 })));
    }
    return { points, letters };
  } finally {
    await storage.close();
  }
}
