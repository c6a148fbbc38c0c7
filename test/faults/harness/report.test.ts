import { describe, expect, it } from 'vitest';
import { mergeTable, type FaultRow } from './report.js';

const row = (fault: string, acknowledged: number): FaultRow => ({
  fault,
  acknowledged,
  stored: acknowledged - 1,
  rejected: 1,
  lost: 0,
  duplicates: 0,
  unexplained: 0,
  lostSample: [],
  lostAckedAt: [],
  recoveryMs: 1234,
});

const DOC = `# x\n<!-- fault-table:begin -->\n| fault | a |\n| ----- | - |\n| b fault   | 1 |\n| a fault | 2 |\n<!-- fault-table:end -->\ntail\n`;

describe('mergeTable', () => {
  it('replaces the row of the same fault, keeps the others sorted, and leaves the rest of the file', () => {
    const merged = mergeTable(DOC, row('b fault', 10));
    const table = merged.split('\n').filter((line) => line.startsWith('|'));
    expect(table.slice(2)).toEqual(['| a fault | 2 |', '| b fault | 10 | 9 | 1 | 0 | 0 | 1.2 s |']);
    expect(merged.startsWith('# x\n')).toBe(true);
    expect(merged.endsWith('<!-- fault-table:end -->\ntail\n')).toBe(true);
  });

  it('writes into the named table only', () => {
    const doc = `${DOC}<!-- limit-table:begin -->\n<!-- limit-table:end -->\n`;
    const merged = mergeTable(doc, row('c limit', 5), 'limit-table');
    expect(merged.slice(0, merged.indexOf('<!-- limit-table:begin -->'))).toBe(DOC);
    expect(merged).toMatch(/limit-table:begin -->\n.*\n.*\n\| c limit \| 5 \|/);
  });

  it('refuses a document without the generated block', () => {
    expect(() => mergeTable('# nothing', row('a', 1))).toThrow(/fault-table/);
  });
});
