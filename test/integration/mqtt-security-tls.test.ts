import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SensorState } from '@ssc-monitor/core';
import { addSensor } from '@ssc-monitor/ingest';
import mqtt from 'mqtt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../helpers/mosquitto.js';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';
import { waitFor } from '../helpers/wait-for.js';

const OPENSSL = '/usr/bin/openssl';
const missing = existsSync(OPENSSL) ? undefined : `${OPENSSL} is not installed`;
if (missing) console.warn(`skipping the MQTT TLS tests: ${missing}`);

/** A self-signed certificate for 127.0.0.1, valid for a day. */
function makeCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync(
    OPENSSL,
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
      '-keyout',
      key,
      '-out',
      cert,
    ],
    { stdio: 'ignore' },
  );
  return { cert, key };
}

describe.skipIf(missing !== undefined)('embedded broker TLS listener', () => {
  let platform: TestPlatform;
  let dir: string;
  let tlsPort: number;
  let cert: string;
  let password: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssc-mqtt-tls-'));
    const files = makeCertificate(dir);
    cert = files.cert;
    password = await addSensor(join(dir, 'mqtt-credentials.yaml'), 'tls-1', []);
    tlsPort = await freePort();
    platform = await startTestPlatform(
      { MQTT_TLS_PORT: String(tlsPort), MQTT_TLS_CERT_FILE: files.cert, MQTT_TLS_KEY_FILE: files.key },
      dir,
    );
  });
  afterAll(async () => {
    await platform?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('takes a reading from a sensor connected over TLS with the broker certificate verified', async () => {
    const client = await mqtt.connectAsync(`mqtts://127.0.0.1:${tlsPort}`, {
      ca: await readFile(cert),
      username: 'tls-1',
      password,
      reconnectPeriod: 0,
    });
    await client.publishAsync('sensors/tls-1', '{"pm25": 4.5}', { qos: 1 });
    await client.endAsync();
    const sensor = await waitFor('tls-1 in the API', async () => {
      const { status, body } = await platform.get<SensorState>('/api/sensors/tls-1');
      return status === 200 && body.latest.pm25 !== undefined ? body : undefined;
    });
    expect(sensor.latest.pm25?.value).toBe(4.5);
  });

  it('refuses plain MQTT on the TLS port', async () => {
    const client = mqtt.connect(`mqtt://127.0.0.1:${tlsPort}`, {
      username: 'tls-1',
      password,
      reconnectPeriod: 0,
      connectTimeout: 3_000,
    });
    // The TLS server drops a connection whose first bytes are no handshake: MQTT.js sees a close.
    const outcome = await new Promise<string>((resolve) => {
      client.once('connect', () => resolve('connected'));
      client.once('close', () => resolve('closed'));
      client.once('error', () => resolve('closed'));
    });
    client.end(true);
    expect(outcome).toBe('closed');
  });

  it('refuses a client that does not trust the certificate', async () => {
    const outcome = await mqtt
      .connectAsync(`mqtts://127.0.0.1:${tlsPort}`, { username: 'tls-1', password, reconnectPeriod: 0 })
      .then(
        async (client) => {
          await client.endAsync();
          return 'connected';
        },
        (error: NodeJS.ErrnoException) => error.code,
      );
    expect(outcome).toBe('DEPTH_ZERO_SELF_SIGNED_CERT');
  });
});
