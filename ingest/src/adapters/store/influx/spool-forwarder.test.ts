import { HttpError } from '@influxdata/influxdb-client';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { waitFor } from '../../../../../test/helpers/wait-for.js';
import { DiskSpool } from '../../../spool/disk-spool.js';
import { MAX_READINGS_PER_REQUEST, SpoolForwarder, type SpoolForwarderOptions } from './spool-forwarder.js';

const refused = (): Error => Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
const badLine = (): HttpError => new HttpError(400, 'Bad Request', '{"error":"unable to parse"}');
const unavailable = (status: number): HttpError => new HttpError(status, 'Unavailable', '{"error":"busy"}');

/** A server that refuses, as InfluxDB 1.x does, any batch with a line starting `bad`, after writing the rest. */
function refusingServer() {
  const written: string[] = [];
  const send = (body: string): Promise<void> => {
    const lines = body.split('\n');
    for (const line of lines) if (!line.startsWith('bad') && !written.includes(line)) written.push(line);
    return lines.some((l) => l.startsWith('bad')) ? Promise.reject(badLine()) : Promise.resolve();
  };
  return { written, send };
}

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

  const startWith = (
    send: ReturnType<typeof scriptedServer>['send'],
    connected = true,
    onRefused?: SpoolForwarderOptions['onRefused'],
  ): SpoolForwarder => {
    forwarder = new SpoolForwarder({
      spool,
      send,
      ...(onRefused ? { onRefused } : {}),
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
    // Waiting batches go in one request, oldest first.
    expect(server.bodies).toEqual(['a\nb\nc']);
    expect(spool.pending()).toBe(0);
  });

  it('sends at most MAX_READINGS_PER_REQUEST readings in one request', async () => {
    const server = scriptedServer();
    const entries = [
      await spool.append('a', MAX_READINGS_PER_REQUEST - 2),
      await spool.append('b', 2),
      await spool.append('c', 1),
    ];
    const fwd = startWith(server.send);
    expect(await Promise.all(entries.map((e) => fwd.settled(e, 5000)))).toEqual([
      'stored',
      'stored',
      'stored',
    ]);
    expect(server.bodies).toEqual(['a\nb', 'c']);
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

  it('dead-letters only the lines InfluxDB refuses alone, writes the rest, and goes on', async () => {
    const server = refusingServer();
    const letters: string[] = [];
    const entries = [await spool.append('a\nbad-1\nb\nc\nbad-2', 5), await spool.append('d', 1)];
    const fwd = startWith(server.send, true, async (lines) => void letters.push(...lines.map((l) => l.line)));
    const settled = await Promise.all(entries.map((e) => fwd.settled(e, 5000)));
    expect(settled).toEqual(['stored', 'stored']);
    expect(letters).toEqual(['bad-1', 'bad-2']);
    expect(server.written.sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([fwd.rejected, spool.pending()]).toEqual([2, 0]);
  });

  it('retries a batch answered 5xx and dead-letters none of it', async () => {
    const server = scriptedServer([unavailable(500), unavailable(503)]);
    const letters: string[] = [];
    const entry = await spool.append('a\nb', 2);
    const fwd = startWith(server.send, true, async (lines) => void letters.push(...lines.map((l) => l.line)));
    await waitFor('the batch to be taken', () => spool.pending() === 0);
    expect(await fwd.settled(entry, 5000)).toBe('stored');
    expect([server.bodies, letters, fwd.rejected]).toEqual([['a\nb', 'a\nb', 'a\nb'], [], 0]);
  });

  it('keeps a batch in the spool until its refused lines are recorded', async () => {
    const server = refusingServer();
    let failures = 1;
    const letters: string[] = [];
    await spool.append('a\nbad', 2);
    const fwd = startWith(server.send, true, async (lines) => {
      if (failures-- > 0) throw new Error('dead-letter log unavailable');
      letters.push(...lines.map((l) => l.line));
    });
    await waitFor('the batch to be taken', () => spool.pending() === 0);
    expect([letters, fwd.rejected]).toEqual([['bad'], 1]);
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
