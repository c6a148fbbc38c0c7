import { afterEach, describe, expect, it } from 'vitest';
import { release, releaseAll, shared } from './shared-setup.js';

afterEach(() => releaseAll());

describe('shared', () => {
  it('starts a set-up once and stops it once on release', async () => {
    const events: string[] = [];
    const start = () => {
      events.push('start');
      return Promise.resolve('rig');
    };
    const stop = (value: string) => {
      events.push(`stop ${value}`);
      return Promise.resolve();
    };
    const [a, b] = await Promise.all([shared('a', start, stop), shared('a', start, stop)]);
    expect([a, b]).toEqual(['rig', 'rig']);
    await release('a');
    await release('a');
    expect(events).toEqual(['start', 'stop rig']);
  });

  it('reports a failed start to every caller and has nothing to stop', async () => {
    let stopped = false;
    const failing = () => Promise.reject(new Error('no influxd'));
    const stop = () => {
      stopped = true;
      return Promise.resolve();
    };
    await expect(shared('b', failing, stop)).rejects.toThrow('no influxd');
    await expect(shared('b', failing, stop)).rejects.toThrow('no influxd');
    await releaseAll();
    expect(stopped).toBe(false);
  });

  it('starts again after a release', async () => {
    let starts = 0;
    const start = () => Promise.resolve((starts += 1));
    const stop = () => Promise.resolve();
    await shared('c', start, stop);
    await releaseAll();
    expect(await shared('c', start, stop)).toBe(2);
  });
});
