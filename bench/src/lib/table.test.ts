import { describe, expect, it } from 'vitest';
import type { BenchRow } from '../scenario.js';
import { columnsOf, formatMarkdownTable, formatTable } from './table.js';

const rows: BenchRow[] = [
  { broker: 'mosquitto', qos: 0, 'msg/s': 87_000 },
  { broker: 'aedes', qos: 1, 'msg/s': Number.NaN, note: 'a|b' },
];

describe('tables', () => {
  it('collects columns in first-seen order over all rows', () => {
    expect(columnsOf(rows)).toEqual(['broker', 'qos', 'msg/s', 'note']);
  });

  it('right-aligns numeric columns, groups thousands and shows NaN as a dash', () => {
    const lines = formatTable(rows).split('\n');
    expect(lines[0]).toBe('broker     qos   msg/s  note');
    expect(lines[2]).toBe('mosquitto    0  87,000');
    expect(lines[3]).toBe('aedes        1       –  a|b');
  });

  it('writes Markdown with numeric columns right-aligned and pipes escaped', () => {
    const md = formatMarkdownTable(rows).split('\n');
    expect(md[0]).toBe('| broker | qos | msg/s | note |');
    expect(md[1]).toBe('|---|---:|---:|---|');
    expect(md[3]).toBe('| aedes | 1 | – | a\\|b |');
  });
});
