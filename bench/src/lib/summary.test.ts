import { describe, expect, it } from 'vitest';
import { buildSummary, judgeTargets, SUMMARY_KEYS } from './summary.js';

describe('buildSummary', () => {
  it('always holds every key of the quick line, null where nothing was measured', () => {
    const summary = buildSummary([]);
    expect(Object.keys(summary)).toEqual([...SUMMARY_KEYS]);
    expect(Object.values(summary).every((v) => v === null)).toBe(true);
  });

  it('merges scenario figures and computes the ratios of the same run', () => {
    const summary = buildSummary([
      { rows: [], summary: { raw_qos0_per_s: 80_000, raw_qos1_per_s: 40_000 } },
      { rows: [], summary: { ingest_qos0_per_s: 60_000, ingest_qos1_per_s: 10_000, rss_mb: Number.NaN } },
    ]);
    expect(summary).toMatchObject({ ingest_qos0_ratio: 0.75, ingest_qos1_ratio: 0.25, rss_mb: null });
  });
});

describe('judgeTargets', () => {
  it('says met, missed by how much, or not measured', () => {
    const verdicts = judgeTargets({ ingest_qos0_ratio: 0.75, ingest_qos1_ratio: 0.3, latency_p99_ms: 150 });
    const byTarget = Object.fromEntries(verdicts.map((v) => [v.target, v.verdict]));
    expect(byTarget['ingest QoS 0 ≥ 60 % of raw QoS 0']).toBe('met');
    expect(byTarget['ingest QoS 1 ≥ 60 % of raw QoS 1']).toBe('missed by 50 %');
    expect(byTarget['publish → SSE p99 ≤ 100 ms at 10k/s']).toBe('missed by 50 %');
    expect(byTarget['ingest RSS ≤ 250 MB at the rated load']).toBe('–');
  });

  it("judges the quick run's duration only when the run measured it", () => {
    const target = 'quick run < 60 s';
    expect(judgeTargets({}).map((v) => v.target)).not.toContain(target);
    const verdicts = judgeTargets({ quick_run_s: 72 });
    expect(verdicts.find((v) => v.target === target)?.verdict).toBe('missed by 20 %');
    expect(judgeTargets({ quick_run_s: 55 }).find((v) => v.target === target)?.verdict).toBe('met');
  });
});
