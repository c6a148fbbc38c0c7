import { describe, expect, it } from 'vitest';
import type { KpiStatus } from '@ssc-monitor/core';
import { STATUS_META, statusLabel, statusSummary } from './kpi-status';

describe('status presentation', () => {
  it.each<[KpiStatus, string]>([
    ['on_track', 'On track'],
    ['at_risk', 'At risk'],
    ['off_track', 'Off track'],
    ['no_data', 'No data'],
  ])('labels %s as "%s"', (status, label) => {
    expect(statusLabel(status)).toBe(label);
  });

  it('gives every status its own icon and colour, so none relies on colour alone', () => {
    const metas = Object.values(STATUS_META);
    expect(new Set(metas.map((m) => m.icon)).size).toBe(metas.length);
    expect(new Set(metas.map((m) => m.color)).size).toBe(metas.length);
  });

  it('summarises a group worst first and leaves out empty statuses', () => {
    expect(statusSummary(['on_track', 'off_track', 'on_track', 'at_risk'])).toBe(
      '1 off track · 1 at risk · 2 on track',
    );
    expect(statusSummary(['no_data'])).toBe('1 no data');
    expect(statusSummary([])).toBe('');
  });
});
