import { expect } from 'vitest';
import { report } from './report.js';
import type { FaultResult } from './scenario.js';

/**
 * The guarantee every fault must keep: acknowledged = stored + rejected, with nothing lost,
 * duplicated or unexplained. Reports the row first, so that a failing run still shows its figures.
 */
export async function expectClean(result: FaultResult, minimumAcknowledged: number): Promise<void> {
  const { row } = result;
  await report(row);
  const detail = `lost e.g. ${row.lostSample.join(', ')}\n${result.output.slice(-3000)}`;
  expect(row.acknowledged, 'readings acknowledged').toBeGreaterThanOrEqual(minimumAcknowledged);
  expect(row.lost, detail).toBe(0);
  expect(row.duplicates, 'duplicates').toBe(0);
  expect(row.unexplained, 'stored points no publish explains').toBe(0);
  expect(row.stored + row.rejected).toBe(row.acknowledged);
}
