import { HttpError } from '@influxdata/influxdb-client';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../../test/helpers/wait-for.js';
import { StoreError } from '../store-error.js';
import { DiskSpool } from '../../../spool/disk-spool.js';
import { SpoolForwarder } from './spool-forwarder.js';

const refused = (): Error => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
const badLine = (): HttpError => new HttpError(400, 'Bad Request', '{"error":"unable to parse"}');

/** A server that answers each attempt as told (OK once the script runs out) and records bodies. */
function scriptedServer(script: (Error | 'hang')[] = []) {
  const bodies: string[] = [];
  const send = (body: string, signal: AbortSignal): Promise<void> => {
    bodies.push(body);
    const next = script.shift();
    if (next === 'hang') {
      return new Promise((_resolve, reject) =>
        signal.addEventListener('abort', () => reject(new Error('aborted'))),
      );
    }
    return next === undefined ? Promise.resolve() : Promise.reject(next);
  };
  return { bodies, send };
}

describe('SpoolForwarder', () => {
  let dir: string;
  let spool: DiskSpool;
  let forwarder: SpoolForwarder | undefined;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ssc-forwarder-'));
    spool = new DiskSpool(dir);
    await spool.open();
  });

  afterEach(async () => {
    await forwarder?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const startWith = (send: ReturnType<typeof scriptedServer>['send'], connected = true): SpoolForwarder => {
    forwarder = new SpoolForwarder({
      spool,
      send,
      retry: { minDelayMs: 1, maxDelayMs: 5, factor: 2, jitter: 0 },
      logger: pino({ level: 'silent' }),
    });
    forwarder.start(connected);
    return forwarder;
  };

  it('forwards batches oldest first and settles their writers as stored', async () => {
    const server = scriptedServer();
    const entries = [await spool.append('a', 1), await spool.append('b', 1), await spool.append('c', 1)];
    const fwd = startWith(server.send);
    expect(await Promise.all(entries.map((e) => fwd.settled(e, 5000)))).toEqual([
      'stored',
      'stored',
      'stored',
    ]);
    expect(server.bodies).toEqual(['a', 'b', 'c']);
    expect(spool.pending()).toBe(0);
  });

  it('settles writers as spooled while unreachable, and retries the same batch until it is taken', async () => {
    const server = scriptedServer([refused(), refused(), refused()]);
    const fwd = startWith(server.send);
    const entry = await spool.append('a', 2);
    const settled = fwd.settled(entry, 5000);
    fwd.notify();
    expect(await settled).toBe('spooled');
    expect(fwd.connected).toBe(false);
    expect(fwd.lastError?.message).toMatch(/ECONNREFUSED/);
    await waitFor('the batch to be taken', () => spool.pending() === 0);
    expect(server.bodies).toEqual(['a', 'a', 'a', 'a']);
    expect([fwd.connected, fwd.lastError, fwd.rejected]).toEqual([true, undefined, 0]);
  });

  it('skips a batch refused as data, rejects its writer, counts it, and goes on', async () => {
    const server = scriptedServer([badLine()]);
    const entries = [await spool.append('bad', 3), await spool.append('good', 1)];
    const fwd = startWith(server.send);
    const [bad, good] = entries.map((e) => fwd.settled(e, 5000));
    await expect(bad).rejects.toSatisfy((e) => e instanceof StoreError && e.code === 'STORE_ERR_WRITE');
    expect(await good).toBe('stored');
    expect([fwd.rejected, spool.pending(), server.bodies]).toEqual([3, 0, ['bad', 'good']]);
  });

  it('answers a writer that asks after its batch was refused', async () => {
    const server = scriptedServer([badLine()]);
    const entry = await spool.append('bad', 1);
    const fwd = startWith(server.send);
    await waitFor('the refusal', () => fwd.rejected === 1);
    await expect(fwd.settled(entry, 5000)).rejects.toThrow(/refused/);
  });

  it('settles a writer as spooled when the acknowledgement is slower than its timeout', async () => {
    const fwd = startWith(scriptedServer(['hang']).send);
    const entry = await spool.append('slow', 1);
    const settled = fwd.settled(entry, 20);
    fwd.notify();
    expect(await settled).toBe('spooled');
  });

  it('on stop, aborts the send in flight and leaves its batch on disk', async () => {
    const server = scriptedServer(['hang']);
    await spool.append('in flight', 4);
    const fwd = startWith(server.send);
    await waitFor('the send to start', () => server.bodies.length === 1);
    await fwd.stop();
    const reopened = new DiskSpool(dir);
    await reopened.open();
    expect(reopened.pending()).toBe(4);
  });

  it('drains until empty, or gives up at its deadline while the server is down', async () => {
    const down = scriptedServer(Array.from({ length: 1000 }, refused));
    await spool.append('a', 1);
    const fwd = startWith(down.send, false);
    expect(await fwd.drain(50)).toBe(false);
    expect(spool.pending()).toBe(1);
    down.bodies.length = 0;
    await fwd.stop();
    const up = scriptedServer();
    expect(await startWith(up.send).drain(5000)).toBe(true);
    expect(up.bodies).toEqual(['a']);
  });
});
