import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FaultProxy } from './fault-proxy.js';

/** An echo server behind the proxy. */
let echo: Server;
let proxy: FaultProxy;

beforeEach(async () => {
  echo = createServer((socket) => socket.pipe(socket));
  await new Promise<void>((resolve) => echo.listen(0, '127.0.0.1', resolve));
  proxy = new FaultProxy((echo.address() as { port: number }).port);
  await proxy.start();
});

afterEach(async () => {
  await proxy.stop();
  await new Promise<void>((resolve) => echo.close(() => resolve()));
});

function client(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(proxy.port, '127.0.0.1', () => resolve(socket));
    socket.once('error', reject);
  });
}

const roundTrip = (socket: Socket, text: string): Promise<number> => {
  const started = Date.now();
  return new Promise((resolve) => {
    socket.once('data', () => resolve(Date.now() - started));
    socket.write(text);
  });
};

const closed = (socket: Socket): Promise<void> =>
  new Promise((resolve) => socket.once('close', () => resolve()));

describe('FaultProxy', () => {
  it('relays both ways, and adds the latency it is given to each direction', async () => {
    const socket = await client();
    expect(await roundTrip(socket, 'a')).toBeLessThan(100);
    proxy.latency(150);
    expect(await roundTrip(socket, 'b')).toBeGreaterThanOrEqual(290);
    socket.destroy();
  });

  it('cuts every open connection', async () => {
    const socket = await client();
    socket.on('error', () => undefined);
    const ended = closed(socket);
    proxy.cut();
    await ended;
    expect(proxy.cuts).toBe(1);
  });

  it('closes new connections while refusing, and relays again after', async () => {
    proxy.refuse(true);
    const refused = await client();
    refused.on('error', () => undefined);
    await closed(refused);
    proxy.refuse(false);
    const socket = await client();
    expect(await roundTrip(socket, 'c')).toBeLessThan(100);
    socket.destroy();
  });

  it('throttles to the bytes per second it is given', async () => {
    proxy.throttle(20_000);
    const socket = await client();
    const started = Date.now();
    let received = 0;
    const all = new Promise<void>((resolve) =>
      socket.on('data', (chunk: Buffer) => {
        received += chunk.length;
        if (received >= 10_000) resolve();
      }),
    );
    socket.write(Buffer.alloc(10_000, 1));
    await all;
    // 10 kB at 20 kB/s is 0.5 s each way.
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    socket.destroy();
  });
});
