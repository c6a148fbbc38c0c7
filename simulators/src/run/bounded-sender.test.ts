import { describe, expect, it } from 'vitest';
import { SimulatorError } from '../errors.js';
import type { Publisher } from '../publish/publisher.js';
import type { OutgoingMessage } from '../scenarios/payloads.js';
import { BoundedSender } from './bounded-sender.js';

/** A publisher whose batches complete when the test says so. */
function manualPublisher() {
  const waiting: Array<{ messages: readonly OutgoingMessage[]; settle: (error?: Error) => void }> = [];
  let inFlight = 0;
  let maxSeen = 0;
  const publisher: Publisher = {
    start: async () => {},
    stop: async () => {},
    publish: (messages) =>
      new Promise<void>((resolve, reject) => {
        inFlight += messages.length;
        maxSeen = Math.max(maxSeen, inFlight);
        waiting.push({
          messages,
          settle: (error) => {
            inFlight -= messages.length;
            if (error) reject(error);
            else resolve();
          },
        });
      }),
  };
  return { publisher, waiting, maxSeen: () => maxSeen };
}

const batch = (n: number): OutgoingMessage[] =>
  Array.from({ length: n }, (_, i) => ({ sensorId: `s${i}`, payload: '{}' }));
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('BoundedSender', () => {
  it('never has more than its window in flight, and waits for room', async () => {
    const { publisher, waiting, maxSeen } = manualPublisher();
    const sender = new BoundedSender(publisher, 10);
    await sender.send(batch(6));
    let second = false;
    const pending = sender.send(batch(6)).then(() => (second = true));
    await tick();
    expect(second).toBe(false);
    waiting.shift()?.settle();
    await pending;
    waiting.shift()?.settle();
    await sender.drain();
    expect(maxSeen()).toBeLessThanOrEqual(10);
    expect(sender.published).toBe(12);
  });

  it('splits a batch larger than the window', async () => {
    const { publisher, waiting, maxSeen } = manualPublisher();
    const sender = new BoundedSender(publisher, 4);
    const sending = sender.send(batch(10));
    for (let i = 0; i < 3; i += 1) {
      await tick();
      waiting.shift()?.settle();
    }
    await sending;
    await sender.drain();
    expect(maxSeen()).toBe(4);
    expect(sender.published).toBe(10);
  });

  it('counts failures without throwing, partial ones by the error’s count', async () => {
    const { publisher, waiting } = manualPublisher();
    const sender = new BoundedSender(publisher, 100);
    await sender.send(batch(5));
    await sender.send(batch(3));
    waiting.shift()?.settle(new SimulatorError('SIM_ERR_PUBLISH', '2 of 5 failed', { failed: 2 }));
    waiting.shift()?.settle(new Error('gone'));
    await sender.drain();
    expect({ published: sender.published, failed: sender.failed }).toEqual({ published: 3, failed: 5 });
    expect(sender.firstError).toBeInstanceOf(SimulatorError);
  });
});
