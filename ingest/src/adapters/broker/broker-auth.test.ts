import type { AuthenticateError, Client, PublishPacket, Subscription } from 'aedes';
import pino from 'pino';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BrokerAuth, type CredentialSource, type RefusedPublish } from './broker-auth.js';
import type { RevocationListener } from './credential-watcher.js';
import { hashPassword, type SensorCredential } from './sensor-credentials.js';

const SERVICE = { username: 'ssc-platform', password: 'service-secret' };

class FakeCredentials implements CredentialSource {
  readonly table = new Map<string, SensorCredential>();
  #listeners: RevocationListener[] = [];
  get(id: string) {
    return this.table.get(id);
  }
  onRevoked(listener: RevocationListener) {
    this.#listeners.push(listener);
  }
  revoke(id: string) {
    this.table.delete(id);
    for (const listener of this.#listeners) listener([id]);
  }
}

function fakeClient(id: string): Client & { close: ReturnType<typeof vi.fn> } {
  return { id, close: vi.fn() } as unknown as Client & { close: ReturnType<typeof vi.fn> };
}

function setup(options: { allowAnonymous?: boolean; topicPrefix?: string } = {}) {
  const credentials = new FakeCredentials();
  const refused: RefusedPublish[] = [];
  const auth = new BrokerAuth({
    credentials,
    service: SERVICE,
    topicPrefix: options.topicPrefix ?? '',
    allowAnonymous: options.allowAnonymous ?? false,
    onRefusedPublish: (r) => refused.push(r),
    logger: pino({ level: 'silent' }),
  });
  const connect = (client: Client, username?: string, password?: string) =>
    new Promise<{ ok: boolean | null; code: number | undefined }>((resolve) =>
      auth.authenticate(
        client,
        username,
        password === undefined ? undefined : Buffer.from(password),
        (error: AuthenticateError | null, ok: boolean | null) => resolve({ ok, code: error?.returnCode }),
      ),
    );
  const publish = (client: Client, topic: string) =>
    new Promise<Error | null | undefined>((resolve) =>
      auth.authorizePublish(client, { topic, payload: Buffer.from('{"pm25":1}') } as PublishPacket, resolve),
    );
  const subscribe = (client: Client, topic: string) =>
    new Promise<Subscription | null | undefined>((resolve) =>
      auth.authorizeSubscribe(client, { topic, qos: 1 } as Subscription, (_e, sub) => resolve(sub)),
    );
  return { auth, credentials, refused, connect, publish, subscribe };
}

let hash: string;
beforeAll(async () => {
  hash = await hashPassword('pw-1');
});

describe('BrokerAuth: who may connect', () => {
  it('accepts a sensor with its password and refuses wrong ones with CONNACK 4', async () => {
    const { credentials, connect } = setup();
    credentials.table.set('aq-1', { hash, created: '' });
    expect(await connect(fakeClient('c1'), 'aq-1', 'pw-1')).toEqual({ ok: true, code: undefined });
    expect(await connect(fakeClient('c2'), 'aq-1', 'pw-2')).toEqual({ ok: false, code: 4 });
    expect(await connect(fakeClient('c3'), 'aq-2', 'pw-1')).toEqual({ ok: false, code: 4 });
    expect(await connect(fakeClient('c4'), 'aq-1')).toEqual({ ok: false, code: 4 });
  });

  it('refuses anonymous clients with CONNACK 5 unless the demo allows them', async () => {
    expect((await setup().connect(fakeClient('a'))).code).toBe(5);
    const demo = setup({ allowAnonymous: true });
    const client = fakeClient('b');
    expect((await demo.connect(client)).ok).toBe(true);
    expect(demo.auth.identityOf(client)).toEqual({ kind: 'anonymous' });
  });

  it('knows the service user by its password only', async () => {
    const { connect, auth } = setup();
    const client = fakeClient('svc');
    expect((await connect(client, SERVICE.username, SERVICE.password)).ok).toBe(true);
    expect(auth.identityOf(client)).toEqual({ kind: 'service' });
    expect((await connect(fakeClient('x'), SERVICE.username, 'guess')).code).toBe(4);
  });

  it('no longer accepts a cached password once the credential is re-issued', async () => {
    const { credentials, connect } = setup();
    credentials.table.set('aq-1', { hash, created: '' });
    expect((await connect(fakeClient('c1'), 'aq-1', 'pw-1')).ok).toBe(true);
    credentials.table.set('aq-1', { hash: await hashPassword('pw-new'), created: '' });
    expect((await connect(fakeClient('c2'), 'aq-1', 'pw-1')).ok).toBe(false);
    expect((await connect(fakeClient('c3'), 'aq-1', 'pw-new')).ok).toBe(true);
  });
});

describe('BrokerAuth: where a client may publish and subscribe', () => {
  it('lets a sensor publish on its own topic only and reports the refusal', async () => {
    const { credentials, connect, publish, refused } = setup({ topicPrefix: 'city-a/' });
    credentials.table.set('aq-1', { hash, created: '' });
    const client = fakeClient('c1');
    await connect(client, 'aq-1', 'pw-1');
    expect(await publish(client, 'city-a/sensors/aq-1')).toBeNull();
    expect(await publish(client, 'city-a/sensors/aq-2')).toBeInstanceOf(Error);
    expect(await publish(client, 'sensors/aq-1')).toBeInstanceOf(Error);
    expect(await publish(client, 'city-a/ssc/ingest/w1')).toBeInstanceOf(Error);
    expect(refused.map((r) => [r.sensorId, r.topic, r.allowedTopic])).toEqual([
      ['aq-1', 'city-a/sensors/aq-2', 'city-a/sensors/aq-1'],
      ['aq-1', 'sensors/aq-1', 'city-a/sensors/aq-1'],
      ['aq-1', 'city-a/ssc/ingest/w1', 'city-a/sensors/aq-1'],
    ]);
    expect(refused[0]?.payload.toString()).toBe('{"pm25":1}');
  });

  it('lets the service user publish and subscribe anywhere', async () => {
    const { connect, publish, subscribe } = setup();
    const client = fakeClient('svc');
    await connect(client, SERVICE.username, SERVICE.password);
    expect(await publish(client, 'sensors/aq-9')).toBeNull();
    expect(await subscribe(client, 'sensors/#')).toMatchObject({ topic: 'sensors/#' });
  });

  it('refuses a sensor any subscription but its own topic', async () => {
    const { credentials, connect, subscribe } = setup();
    credentials.table.set('aq-1', { hash, created: '' });
    const client = fakeClient('c1');
    await connect(client, 'aq-1', 'pw-1');
    for (const topic of ['sensors/aq-2', 'sensors/#', '#', 'sensors/+', 'ssc/ingest/+'])
      expect(await subscribe(client, topic)).toBeNull();
    expect(await subscribe(client, 'sensors/aq-1')).toMatchObject({ topic: 'sensors/aq-1' });
  });

  it('refuses a publish from a connection it never authenticated', async () => {
    expect(await setup().publish(fakeClient('ghost'), 'sensors/aq-1')).toBeInstanceOf(Error);
  });
});

describe('BrokerAuth: revocation', () => {
  it('closes every open connection of a revoked sensor and no other', async () => {
    const { credentials, connect, auth } = setup();
    credentials.table.set('aq-1', { hash, created: '' });
    credentials.table.set('aq-2', { hash, created: '' });
    const [a, b, other] = [fakeClient('a'), fakeClient('b'), fakeClient('o')];
    await connect(a, 'aq-1', 'pw-1');
    await connect(b, 'aq-1', 'pw-1');
    await connect(other, 'aq-2', 'pw-1');
    auth.forget(b);
    credentials.revoke('aq-1');
    expect(a.close).toHaveBeenCalledOnce();
    expect(b.close).not.toHaveBeenCalled();
    expect(other.close).not.toHaveBeenCalled();
    expect((await connect(fakeClient('again'), 'aq-1', 'pw-1')).code).toBe(4);
  });
});
