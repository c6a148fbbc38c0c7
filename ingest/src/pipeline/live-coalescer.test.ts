import { LiveBus, type KpiSnapshot, type LiveEvent, type SensorState } from '@ssc-monitor/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveCoalescer } from './live-coalescer.js';

const sensorState = (id: string, messages: number): SensorState =>
  ({ id, messages }) as unknown as SensorState;

let events: LiveEvent[];
let messages: Map<string, number>;
let coalescer: LiveCoalescer;

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
  events = [];
  messages = new Map();
  const bus = new LiveBus();
  bus.subscribe((event) => events.push(event));
  const engine = { snapshot: (id: string) => ({ id }) as unknown as KpiSnapshot };
  const sensors = {
    get: (id: string) => (messages.has(id) ? sensorState(id, messages.get(id) ?? 0) : undefined),
  };
  coalescer = new LiveCoalescer(bus, engine, sensors, { kpiMs: 80, sensorMs: 50 });
});

afterEach(() => {
  vi.useRealTimers();
});

function receive(id: string): void {
  messages.set(id, (messages.get(id) ?? 0) + 1);
  coalescer.markSensor(id);
}

describe('LiveCoalescer', () => {
  it('publishes a quiet sensor at once, and a burst as one trailing snapshot of its newest state', () => {
    receive('s1');
    expect(events).toEqual([{ type: 'sensor', data: sensorState('s1', 1) }]);
    for (let i = 0; i < 5; i += 1) receive('s1');
    vi.advanceTimersByTime(49);
    expect(events).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(events).toEqual([
      { type: 'sensor', data: sensorState('s1', 1) },
      { type: 'sensor', data: sensorState('s1', 6) },
    ]);
  });

  it('throttles KPIs and sensors apart, and publishes what waits on stop', () => {
    coalescer.markKpis(['k1', 'k2']);
    receive('s1');
    coalescer.markKpis(['k1']);
    receive('s1');
    expect(events.map((e) => e.type)).toEqual(['kpi', 'kpi', 'sensor']);
    coalescer.stop();
    expect(events.map((e) => e.type)).toEqual(['kpi', 'kpi', 'sensor', 'kpi', 'sensor']);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("holds a KPI for its own interval, longer than a sensor's", () => {
    coalescer.markKpis(['k1']);
    receive('s1');
    coalescer.markKpis(['k1']);
    receive('s1');
    vi.advanceTimersByTime(50);
    expect(events.map((e) => e.type)).toEqual(['kpi', 'sensor', 'sensor']);
    vi.advanceTimersByTime(30);
    expect(events.map((e) => e.type)).toEqual(['kpi', 'sensor', 'sensor', 'kpi']);
  });

  it('skips a sensor the registry does not know', () => {
    coalescer.markSensor('ghost');
    expect(events).toEqual([]);
  });
});
