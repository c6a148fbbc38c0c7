import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PointTable } from './point-table.js';

type Op = { kind: 'set' | 'delete'; id: number; ts: number; value: number };

const opArb: fc.Arbitrary<Op> = fc.record({
  kind: fc.constantFrom('set' as const, 'set' as const, 'delete' as const),
  id: fc.integer({ min: 0, max: 5 }),
  // Few distinct times (some fractional, some far apart) so that keys collide and repeat.
  ts: fc.constantFrom(0, 1, 1.5, 1_764_000_000_000, 1_764_000_000_001, 2 ** 32, -7),
  value: fc.double({ noNaN: true }),
});

function lookup(table: PointTable, id: number, ts: number): number | undefined {
  const slot = table.find(id, ts);
  return slot < 0 ? undefined : table.valueAt(slot);
}

describe('PointTable', () => {
  it('behaves as a Map keyed by id and time under any sequence of sets and deletes', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 400 }), (ops) => {
        const table = new PointTable(8);
        const reference = new Map<string, number>();
        for (const op of ops) {
          const key = `${op.id}|${op.ts}`;
          if (op.kind === 'delete') {
            expect(table.delete(op.id, op.ts)).toBe(reference.delete(key));
            continue;
          }
          const slot = table.find(op.id, op.ts);
          if (slot >= 0) table.setValueAt(slot, op.value);
          else table.insert(op.id, op.ts, op.value);
          reference.set(key, op.value);
        }
        expect(table.size).toBe(reference.size);
        for (const [key, value] of reference) {
          const [id, ts] = key.split('|').map(Number) as [number, number];
          expect(lookup(table, id, ts)).toBe(value);
        }
      }),
    );
  });

  it('grows past its initial capacity and keeps every point', () => {
    const table = new PointTable(8);
    const t0 = Date.UTC(2026, 10, 1);
    for (let i = 0; i < 10_000; i += 1) table.insert(i % 1000, t0 + i, i);
    expect(table.size).toBe(10_000);
    expect(table.bytes).toBeGreaterThanOrEqual(10_000 * 20);
    expect(lookup(table, 999, t0 + 9_999)).toBe(9_999);
    expect(lookup(table, 0, t0 + 1)).toBeUndefined();
  });

  it('finds what follows a deleted point in the same probe run', () => {
    const table = new PointTable(8);
    for (let ts = 0; ts < 5; ts += 1) table.insert(1, ts, ts * 10);
    expect(table.delete(1, 2)).toBe(true);
    expect(table.delete(1, 2)).toBe(false);
    expect([0, 1, 3, 4].map((ts) => lookup(table, 1, ts))).toEqual([0, 10, 30, 40]);
    table.clear();
    expect(table.size).toBe(0);
    expect(lookup(table, 1, 0)).toBeUndefined();
  });

  it('refuses ids the Int32 column cannot hold', () => {
    const table = new PointTable();
    expect(() => table.insert(-1, 0, 0)).toThrow(RangeError);
    expect(() => table.insert(1.5, 0, 0)).toThrow(RangeError);
  });
});
