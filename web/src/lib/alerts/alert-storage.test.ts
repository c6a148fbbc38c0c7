import { describe, expect, it } from 'vitest';
import { ALERT_STORAGE_KEY, loadAlerts, saveAlerts } from './alert-storage';
import type { Alert } from './alert-types';

const alert: Alert = {
  id: 'sensor_silent:a@1',
  key: 'sensor_silent:a',
  kind: 'sensor_silent',
  subject: 'a',
  raisedAt: 1,
  resolvedAt: null,
  acknowledgedAt: 2,
  what: 'Sensor a is silent',
  where: 'Centre',
  href: '#/sensors?sensor=a',
};

function memoryStorage(initial: Record<string, string> = {}) {
  const items = new Map(Object.entries(initial));
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('alert storage', () => {
  it('round-trips alerts with their acknowledgements', () => {
    const storage = memoryStorage();
    saveAlerts(storage, [alert]);
    expect(loadAlerts(storage)).toEqual([alert]);
  });

  it('reads nothing from absent, broken or foreign data', () => {
    expect(loadAlerts(null)).toEqual([]);
    expect(loadAlerts(memoryStorage())).toEqual([]);
    expect(loadAlerts(memoryStorage({ [ALERT_STORAGE_KEY]: '{not json' }))).toEqual([]);
    expect(loadAlerts(memoryStorage({ [ALERT_STORAGE_KEY]: '{"alerts":[{"id":1}]}' }))).toEqual([]);
  });

  it('survives storage that refuses to write', () => {
    const full = {
      setItem: () => {
        throw new DOMException('full', 'QuotaExceededError');
      },
    };
    expect(() => saveAlerts(full, [alert])).not.toThrow();
  });
});
