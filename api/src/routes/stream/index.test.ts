import { get, type IncomingMessage } from 'node:http';
import type { DeadLetter } from '@ssc-monitor/core';
import { afterEach, describe, expect, it } from 'vitest';
import { listenApi } from '../../server.js';
import { bearer, buildTestApp, createTestKeys, TEST_NOW, type TestApp } from '../../testing/test-app.js';

interface SseClient {
  readonly response: IncomingMessage;
  /** Everything received so far. */
  text(): string;
  /** Resolves once the received text satisfies `done`; rejects after `ms`. */
  waitFor(done: (text: string) => boolean, ms?: number): Promise<string>;
  close(): void;
}

/** `key` undefined: a reader who is not signed in. */
function connect(url: string, key: string | undefined): Promise<SseClient> {
  return new Promise((resolve, reject) => {
    const headers = key === undefined ? {} : bearer(key);
    const request = get(url, { headers }, (response) => {
      let received = '';
      const waiters = new Set<() => void>();
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        received += chunk;
        for (const check of waiters) check();
      });
      resolve({
        response,
        text: () => received,
        waitFor: (done, ms = 5000) =>
          new Promise((ok, fail) => {
            const timer = setTimeout(() => fail(new Error(`timed out; received:\n${received}`)), ms);
            const check = () => {
              if (!done(received)) return;
              clearTimeout(timer);
              waiters.delete(check);
              ok(received);
            };
            waiters.add(check);
            check();
          }),
        close: () => request.destroy(),
      });
    });
    request.on('error', reject);
  });
}

const count = (text: string, event: string) => text.split(`event: ${event}\n`).length - 1;

let current: TestApp | undefined;
let client: SseClient | undefined;
const extraClients: SseClient[] = [];

afterEach(async () => {
  client?.close();
  for (const extra of extraClients.splice(0)) extra.close();
  await current?.app.close();
  client = undefined;
  current = undefined;
});

async function open(): Promise<{ view: TestApp['view']; client: SseClient }> {
  current = await buildTestApp();
  const url = await listenApi(current.app, { host: '127.0.0.1', port: 0 });
  client = await connect(`${url}/api/stream`, current.keyFor.viewer);
  return { view: current.view, client };
}

const LETTER: DeadLetter = {
  topic: 'sensors/aq-1',
  sensorId: 'aq-1',
  code: 'INGEST_ERR_OUT_OF_RANGE',
  reason: 'pm25 of 9000 µg/m³ is outside 0..2000: check the sensor calibration.',
  payloadExcerpt: '{"pm25":9000}',
  payloadBytes: 13,
  receivedAt: TEST_NOW,
};

describe('GET /api/stream over a real socket', () => {
  it('sends SSE headers, retry and the full snapshot on connect', async () => {
    const { view, client } = await open();
    expect(client.response.statusCode).toBe(200);
    expect(client.response.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(client.response.headers['cache-control']).toContain('no-cache');
    const text = await client.waitFor((t) => count(t, 'sensor') === view.sensorList.length);
    expect(text.startsWith('retry: 2000\n\n')).toBe(true);
    expect(count(text, 'kpi')).toBe(view.kpiList.length);
    expect(text).toContain(`event: kpi\ndata: ${JSON.stringify(view.kpiList[0])}\n\n`);
    expect(text).toContain(`event: sensor\ndata: ${JSON.stringify(view.sensorList[1])}\n\n`);
  });

  it('delivers events published on the live bus after the snapshot', async () => {
    const { view, client } = await open();
    await client.waitFor((t) => count(t, 'sensor') === view.sensorList.length);
    const sensor = view.sensorList[0];
    if (sensor === undefined) throw new Error('fixture has sensors');
    const changed = { ...sensor, messages: 4242 };
    view.live.publish({ type: 'sensor', data: changed });
    const text = await client.waitFor((t) => count(t, 'sensor') > view.sensorList.length);
    expect(text.endsWith(`event: sensor\ndata: ${JSON.stringify(changed)}\n\n`)).toBe(true);
  });

  it('sends dead letters and alerts to an operator but never to a public reader or a viewer', async () => {
    const { keys, keyFor } = await createTestKeys();
    current = await buildTestApp({ auth: { keys, publicDashboard: true } });
    const { view } = current;
    const url = `${await listenApi(current.app, { host: '127.0.0.1', port: 0 })}/api/stream`;
    const readers = {
      public: await connect(url, undefined),
      viewer: await connect(url, keyFor.viewer),
      operator: await connect(url, keyFor.operator),
    };
    extraClients.push(...Object.values(readers));
    for (const reader of Object.values(readers)) {
      expect(reader.response.statusCode).toBe(200);
      await reader.waitFor((t) => count(t, 'sensor') === view.sensorList.length);
    }
    view.live.publish({ type: 'dead-letter', data: LETTER });
    view.live.publish({
      type: 'alert',
      data: { code: 'INGEST_ALERT_SPOOL_FULL', active: true, message: 'spool full', at: TEST_NOW },
    });
    // A sensor event after them: once a reader has it, anything sent before it has arrived too.
    const sensor = view.sensorList[0];
    if (sensor === undefined) throw new Error('fixture has sensors');
    view.live.publish({ type: 'sensor', data: { ...sensor, messages: 4242 } });
    const after = (t: string) => t.includes('"messages":4242');
    const operator = await readers.operator.waitFor(after);
    expect(operator).toContain(`event: dead-letter\ndata: ${JSON.stringify(LETTER)}\n\n`);
    expect(count(operator, 'alert')).toBe(1);
    for (const reader of [readers.public, readers.viewer]) {
      const text = await reader.waitFor(after);
      expect(count(text, 'dead-letter')).toBe(0);
      expect(count(text, 'alert')).toBe(0);
      expect(text).not.toContain('payloadExcerpt');
    }
  });

  it('unsubscribes from the live bus when the client disconnects', async () => {
    const { view, client } = await open();
    await client.waitFor((t) => count(t, 'sensor') === view.sensorList.length);
    expect(view.live.size).toBe(1);
    const closed = new Promise((resolve) => client.response.once('close', resolve));
    client.close();
    await closed;
    const deadline = Date.now() + 5000;
    while (view.live.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(view.live.size).toBe(0);
  });

  it('lets the app close while a client is connected, ending the stream', async () => {
    const { view, client } = await open();
    await client.waitFor((t) => count(t, 'sensor') === view.sensorList.length);
    const ended = new Promise((resolve) => client.response.once('end', resolve));
    await current?.app.close();
    await ended;
    expect(view.live.size).toBe(0);
  });
});
