import { createServer } from 'node:net';

/** A TCP port nothing listens on right now on 127.0.0.1 (the OS picks it, so never 1883, 6379 or 8086). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no free port');
  return address.port;
}
