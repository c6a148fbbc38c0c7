import {
  LiveBus,
  type DeadLetter,
  type KpiEngine,
  type LiveEvent,
  type SensorState,
} from '@ssc-monitor/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveCoalescer } from './live-coalescer.js';
import { LocalMonitor } from './local-monitor.js';
import { SensorRegistry } from './sensor-registry.js';

let events: LiveEvent[];
let monitor: LocalMonitor;

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
  events = [];
  const bus = new LiveBus();
  bus.subscribe((event) => events.push(event));
  const sensors = new SensorRegistry([{ id: 's1', district: 'd1' }]);
  // No KPI in this plan: every reading leaves the KPIs as they are.
  const engine = { apply: () => undefined, snapshot: () => undefined } as unknown as KpiEngine;
  const live = new LiveCoalescer(bus, engine, sensors, { kpiMs: 250, sensorMs: 100 });
  monitor = new LocalMonitor(engine, sensors, live, bus);
});

afterEach(() => {
  vi.useRealTimers();
});

const sensorEvents = () => events.filter((e) => e.type === 'sensor').map((e) => e.data as SensorState);

describe('LocalMonitor', () => {
  it("sends a quiet sensor's reading at once, in its first event, not 100 ms later", () => {
    const now = Date.now();
    monitor.message('s1', now);
    monitor.accepted('s1', [{ sensorId: 's1', quantity: 'pm25', value: 12, ts: now }]);
    expect(sensorEvents()).toHaveLength(1);
    expect(sensorEvents()[0]).toMatchObject({ messages: 1, lastSeen: now, latest: { pm25: { value: 12 } } });
    vi.advanceTimersByTime(1_000);
    expect(sensorEvents()).toHaveLength(1);
  });

  it("sends a rejected message's sensor with its error counted", () => {
    const now = Date.now();
    monitor.message('s1', now);
    monitor.rejected({ sensorId: 's1', receivedAt: now } as DeadLetter);
    expect(sensorEvents()).toHaveLength(1);
    expect(sensorEvents()[0]).toMatchObject({ messages: 1, errors: 1 });
  });
});
