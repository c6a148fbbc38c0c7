import { describe, expect, it } from 'vitest';
import type { Reading } from '@ssc-monitor/core';
import { RecentIdentities } from './recent-identities.js';

const reading = (sensorId: string, ts: number): Reading => ({ sensorId, quantity: 'pm25', value: 1, ts });

describe('RecentIdentities', () => {
  it('tells a reading seen before, whatever its value', () => {
    const recent = new RecentIdentities(10);
    expect(recent.remember([reading('a', 1)])).toBe(false);
    expect(recent.remember([{ ...reading('a', 1), value: 2 }])).toBe(true);
    expect(recent.remember([reading('a', 2), reading('b', 1)])).toBe(false);
    expect(recent.remember([reading('b', 3), reading('a', 2)])).toBe(true);
  });

  it('forgets the oldest identity first and stays at its capacity', () => {
    const recent = new RecentIdentities(3);
    for (let ts = 1; ts <= 5; ts += 1) recent.remember([reading('a', ts)]);
    expect(recent.size).toBe(3);
    // 1 and 2 were forgotten; 3, 4, 5 are still known.
    expect([3, 4, 5].map((ts) => recent.remember([reading('a', ts)]))).toEqual([true, true, true]);
    expect(recent.remember([reading('a', 1)])).toBe(false);
    expect(recent.size).toBe(3);
    // Remembering 1 again evicted 3, the oldest.
    expect(recent.remember([reading('a', 3)])).toBe(false);
  });

  it('keeps exactly the newest identities after the ring wrapped many times', () => {
    const recent = new RecentIdentities(1_000);
    for (let ts = 0; ts < 25_500; ts += 1) recent.remember([reading('s', ts)]);
    expect(recent.size).toBe(1_000);
    expect(recent.remember([reading('s', 24_500)])).toBe(true);
    expect(recent.remember([reading('s', 25_499)])).toBe(true);
    expect(recent.remember([reading('s', 24_499)])).toBe(false);
  });

  it('starts afresh rather than interning sensor ids without end', () => {
    const recent = new RecentIdentities(2);
    for (let i = 0; i < 8; i += 1) recent.remember([reading(`s${i}`, 1)]);
    expect(recent.size).toBe(2);
    expect(recent.remember([reading('s7', 1)])).toBe(true);
    // The ninth sensor restarts the interning: what was remembered is forgotten.
    expect(recent.remember([reading('s8', 1)])).toBe(false);
    expect(recent.remember([reading('s7', 1)])).toBe(false);
    expect(recent.size).toBe(2);
  });
});
