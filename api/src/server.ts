import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

export interface ListenOptions {
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

function urlOf(address: AddressInfo): string {
  // A wildcard address is not something a browser can open.
  if (address.address === '0.0.0.0' || address.address === '::') return `http://localhost:${address.port}`;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

/**
 * Starts listening and resolves to the URL to open. Errors from the socket are passed through
 * unchanged, so a caller can match `code === 'EADDRINUSE'`.
 */
export async function listenApi(app: FastifyInstance, options: ListenOptions): Promise<string> {
  await app.listen({ host: options.host, port: options.port });
  const address = app.server.address();
  if (address === null || typeof address === 'string') {
    throw new Error(`The HTTP server reports no TCP address after listening (got ${String(address)}).`);
  }
  return urlOf(address);
}
