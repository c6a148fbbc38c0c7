/**
 * Set-ups a quick run starts once and shares: processes that sit idle until a scenario measures
 * with them, and fixtures. The runner starts every scenario's set-up side by side before the first
 * measurement (`Scenario.prepare`), so that start-ups overlap one another, never a measurement.
 */
interface Entry {
  readonly value: Promise<unknown>;
  readonly stop: () => Promise<void>;
}

const entries = new Map<string, Entry>();

/** The set-up under `key`, started by `start` on the first call; later calls share it. */
export function shared<T>(
  key: string,
  start: () => Promise<T>,
  stop: (value: T) => Promise<void>,
): Promise<T> {
  const found = entries.get(key);
  if (found) return found.value as Promise<T>;
  const value = start();
  // A failed start is reported to whoever awaits it; there is then nothing to stop.
  const stopped = async () => {
    const started = await value.then(
      (v) => ({ v }),
      () => undefined,
    );
    if (started) await stop(started.v);
  };
  entries.set(key, { value, stop: stopped });
  return value;
}

/** Stops the set-up under `key` (once its start has settled), if there is one. */
export async function release(key: string): Promise<void> {
  const entry = entries.get(key);
  entries.delete(key);
  await entry?.stop();
}

/** Stops every shared set-up still running. */
export async function releaseAll(): Promise<void> {
  await Promise.all([...entries.keys()].map(release));
}
