/**
 * Preloaded (`--import`) into a process the bench starts with an IPC channel: answers a memory
 * request with `process.memoryUsage()`, so the bench can report the heap of the process under test
 * as well as the RSS it reads from /proc. Does nothing when the process has no IPC channel.
 */
export const MEMORY_REQUEST = 'ssc-bench:memory';

if (process.send !== undefined) {
  process.on('message', (message: unknown) => {
    if (message === MEMORY_REQUEST) process.send?.({ type: MEMORY_REQUEST, usage: process.memoryUsage() });
  });
  // The channel must not keep the process alive on its own, nor hold up a clean shutdown.
  process.channel?.unref();
}
