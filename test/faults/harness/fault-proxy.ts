import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between a client and a server that the tests break on purpose: cut every open
 * connection, refuse new ones, add latency, or throttle the bytes per second. Both directions go
 * through the same faults.
 */
export class FaultProxy {
  readonly #target: { host: string; port: number };
  readonly #sockets = new Set<Socket>();
  #server: Server | undefined;
  #port = 0;
  #refusing = false;
  #latencyMs = 0;
  #bytesPerSecond = Infinity;
  /** Connections cut or refused so far, for the report. */
  cuts = 0;

  constructor(targetPort: number, targetHost = '127.0.0.1') {
    this.#target = { host: targetHost, port: targetPort };
  }

  get port(): number {
    return this.#port;
  }

  async start(): Promise<void> {
    const server = createServer((client) => this.#accept(client));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('proxy has no port');
    this.#port = address.port;
    this.#server = server;
  }

  /** Destroys every open connection (both ends), as a network failure would. */
  cut(): void {
    for (const socket of this.#sockets) socket.destroy();
    this.cuts += 1;
  }

  /** While on, new connections are closed as soon as they are accepted; `true` also cuts the open ones. */
  refuse(on: boolean): void {
    this.#refusing = on;
    if (on) this.cut();
  }

  /** Delay added to every chunk in either direction, ms. */
  latency(ms: number): void {
    this.#latencyMs = ms;
  }

  /** Highest throughput per connection and direction; Infinity lifts the limit. */
  throttle(bytesPerSecond: number): void {
    this.#bytesPerSecond = bytesPerSecond;
  }

  async stop(): Promise<void> {
    this.cut();
    const server = this.#server;
    this.#server = undefined;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  #accept(client: Socket): void {
    if (this.#refusing) {
      client.destroy();
      return;
    }
    const upstream = connect(this.#target.port, this.#target.host);
    for (const socket of [client, upstream]) {
      this.#sockets.add(socket);
      socket.on('close', () => this.#sockets.delete(socket));
      // A reset from either side is one of the faults under test, not a test failure.
      socket.on('error', () => undefined);
    }
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    client.on('close', end);
    upstream.on('close', end);
    this.#relay(client, upstream);
    this.#relay(upstream, client);
  }

  /** Forwards chunks in order, each no earlier than latency and the throttle allow. */
  #relay(from: Socket, to: Socket): void {
    let nextFree = 0;
    let queue = Promise.resolve();
    from.on('data', (chunk: Buffer) => {
      const now = Date.now();
      const transfer = Number.isFinite(this.#bytesPerSecond)
        ? (chunk.length / this.#bytesPerSecond) * 1000
        : 0;
      const at = Math.max(now + this.#latencyMs, nextFree) + transfer;
      nextFree = at;
      if (at <= now) {
        queue = queue.then(() => void (to.destroyed || to.write(chunk)));
        return;
      }
      from.pause();
      queue = queue
        .then(() => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - Date.now()))))
        .then(() => {
          if (!to.destroyed) to.write(chunk);
          if (!from.destroyed) from.resume();
        });
    });
    from.on('end', () => void queue.then(() => to.end()));
  }
}
