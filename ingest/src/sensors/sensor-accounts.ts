import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { SENSOR_ID_PATTERN } from '@ssc-monitor/core';
import {
  generatePassword,
  hashPassword,
  parseCredentials,
  serializeCredentials,
  type SensorCredential,
} from '../adapters/broker/sensor-credentials.js';

/** Why an account operation was refused; the CLI prints the message and exits 1. */
export class SensorAccountError extends Error {
  override readonly name = 'SensorAccountError';

  constructor(
    readonly code:
      'SENSORS_ERR_BAD_ID' | 'SENSORS_ERR_EXISTS' | 'SENSORS_ERR_UNKNOWN' | 'SENSORS_ERR_RESERVED',
    message: string,
  ) {
    super(message);
  }
}

async function readTable(file: string): Promise<Map<string, SensorCredential>> {
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return '';
    throw error;
  });
  return parseCredentials(text);
}

/** Replaces the file in one rename, so the broker never reads half a file. Owner-only: it holds hashes. */
async function writeTable(file: string, table: ReadonlyMap<string, SensorCredential>): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, serializeCredentials(table), { mode: 0o600 });
  await rename(temporary, file);
}

/**
 * Issues a credential for a sensor and returns its generated password: the only time it is known, as
 * only its hash is stored. `reserved` names the broker's service user, which no sensor may take.
 */
export async function addSensor(
  file: string,
  sensorId: string,
  reserved: readonly string[],
): Promise<string> {
  if (!SENSOR_ID_PATTERN.test(sensorId))
    throw new SensorAccountError('SENSORS_ERR_BAD_ID', `'${sensorId}' is not a valid sensor id`);
  if (reserved.includes(sensorId))
    throw new SensorAccountError('SENSORS_ERR_RESERVED', `'${sensorId}' is the platform's own MQTT user`);
  const table = await readTable(file);
  if (table.has(sensorId))
    throw new SensorAccountError(
      'SENSORS_ERR_EXISTS',
      `sensor '${sensorId}' already has a credential; revoke it first`,
    );
  const password = generatePassword();
  table.set(sensorId, { hash: await hashPassword(password), created: new Date().toISOString() });
  await writeTable(file, table);
  return password;
}

export async function revokeSensor(file: string, sensorId: string): Promise<void> {
  const table = await readTable(file);
  if (!table.delete(sensorId))
    throw new SensorAccountError('SENSORS_ERR_UNKNOWN', `sensor '${sensorId}' has no credential`);
  await writeTable(file, table);
}

export async function listSensors(file: string): Promise<Array<{ sensorId: string; created: string }>> {
  const table = await readTable(file);
  return [...table]
    .map(([sensorId, { created }]) => ({ sensorId, created }))
    .sort((a, b) => a.sensorId.localeCompare(b.sensorId));
}
