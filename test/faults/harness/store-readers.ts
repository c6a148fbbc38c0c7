import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ADMIN_KEY_FILE } from '@ssc-monitor/api';
import type { DeadLetterRow, StoredPoint } from './checker.js';
import { badSensor, poisonSensor } from './ledger.js';

interface InfluxAnswer {
  results?: { series?: { tags?: Record<string, string>; values?: [number, number][] }[]; error?: string }[];
  error?: string;
}

/** Every raw point of the run in InfluxDB, read over `/query` (roll-ups have no `value` field). */
export async function influxPoints(influxUrl: string, database: string, run: string): Promise<StoredPoint[]> {
  const q = `SELECT "value" FROM "readings" WHERE "sensor" =~ /^${run}-/ GROUP BY "sensor", "quantity", "district"`;
  const response = await fetch(`${influxUrl}/query?db=${encodeURIComponent(database)}&epoch=ms`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: `q=${encodeURIComponent(q)}`,
  });
  const answer = (await response.json()) as InfluxAnswer;
  const result = answer.results?.[0];
  const error = answer.error ?? result?.error;
  // The platform creates the database when it connects; until then the caller polls again.
  if (error !== undefined) throw new Error(`InfluxDB query failed: ${error}`);
  const points: StoredPoint[] = [];
  for (const series of result?.series ?? []) {
    const sensorId = series.tags?.sensor ?? '';
    const quantity = series.tags?.quantity ?? '';
    for (const [ts, value] of series.values ?? []) points.push({ sensorId, quantity, ts, value });
  }
  return points;
}

/**
 * The dead letters of the run's invalid and refused sensors, from the platform's API, read with the
 * admin key the platform keeps in its data folder.
 */
export async function deadLetters(httpUrl: string, dataDir: string, run: string): Promise<DeadLetterRow[]> {
  const key = (await readFile(join(dataDir, ADMIN_KEY_FILE), 'utf8')).trim();
  const sensors = [0, 1, 2, 3].map((n) => badSensor(run, n)).concat(poisonSensor(run));
  const rows: DeadLetterRow[] = [];
  for (const sensorId of sensors) {
    const response = await fetch(
      `${httpUrl}/api/dead-letters?limit=1000&sensorId=${encodeURIComponent(sensorId)}`,
      { headers: { authorization: `Bearer ${key}` } },
    );
    if (!response.ok) throw new Error(`GET /api/dead-letters answered ${response.status}`);
    const body = (await response.json()) as { deadLetters: DeadLetterRow[] };
    rows.push(...body.deadLetters);
  }
  return rows;
}
