import { describe, expect, it } from 'vitest';
import { productionDeliverySettings } from './bench-mosquitto-config.js';

describe('productionDeliverySettings', () => {
  it('copies the delivery limits the production config sets, ignoring comments and other lines', () => {
    const config = [
      '# max_inflight_messages 20 is the default',
      'listener 1883',
      'max_inflight_messages 1000',
      'max_queued_messages 1000000',
      'max_queued_bytes 0',
      'persistence true',
    ].join('\n');
    expect(productionDeliverySettings(config)).toEqual([
      'max_inflight_messages 1000',
      'max_queued_messages 1000000',
      'max_queued_bytes 0',
    ]);
  });

  it('fails rather than fall back to Mosquitto defaults when a limit is missing', () => {
    expect(() => productionDeliverySettings('max_inflight_messages 1000\n')).toThrow(/max_queued_messages/);
  });
});
