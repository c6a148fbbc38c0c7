import { describe, expect, it } from 'vitest';
import { kpiSnapshot } from '../../../test-support/fixtures';
import { targetsCsv } from './kpi-csv';

describe('targetsCsv', () => {
  it('writes each target with its baseline and the change as a ratio a spreadsheet can compute with', () => {
    expect(targetsCsv(kpiSnapshot()).split('\r\n')).toEqual([
      'kpi_id,horizon,due,target [µg/m³],baseline [µg/m³],baseline_from,baseline_to,change_from_baseline,next',
      `env.air.pm25,short,2027-12-31,15,17.8,2024-01-01,2024-12-31,${(15 - 17.8) / 17.8},yes`,
      `env.air.pm25,medium,2030-12-31,10,17.8,2024-01-01,2024-12-31,${(10 - 17.8) / 17.8},no`,
      '',
    ]);
  });
});
