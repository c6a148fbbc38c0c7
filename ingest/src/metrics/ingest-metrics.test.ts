import { describe, expect, it } from 'vitest';
import { IngestStats } from '../pipeline/ingest-stats.js';
import { createIngestMetrics } from './ingest-metrics.js';

/** Samples of the Prometheus text format: `name{labels} value` lines, comments skipped. */
function parsePrometheus(text: string): Map<string, number> {
  const samples = new Map<string, number>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*(?:\{[^}]*\})?) (\S+)$/.exec(line);
    if (match === null) throw new Error(`not a Prometheus sample line: ${line}`);
    samples.set(match[1]!, Number(match[2]));
  }
  return samples;
}

describe('createIngestMetrics', () => {
  it('renders the ingest counters, rejections by reason and spool gauges as Prometheus text', async () => {
    const stats = new IngestStats();
    Object.assign(stats, { received: 12, accepted: 10, stored: 8, redelivered: 2, spooled: 11 });
    Object.assign(stats.droppedBy, { spool_full: 1, overload: 3 });
    stats.reject('INGEST_ERR_NOT_JSON');
    const spool = { bytes: 4096, segments: 3, full: true, commits: 4, backlog: 70, paused: true, pauses: 2 };
    const registry = createIngestMetrics({ stats, spoolState: () => spool });
    const samples = parsePrometheus(await registry.metrics());
    expect(samples.get('ssc_ingest_messages_received_total')).toBe(12);
    expect(samples.get('ssc_ingest_readings_stored_total')).toBe(8);
    expect(samples.get('ssc_ingest_messages_redelivered_total')).toBe(2);
    expect(samples.get('ssc_ingest_records_spooled_total')).toBe(11);
    expect(samples.get('ssc_ingest_messages_dropped_total{reason="spool_full"}')).toBe(1);
    expect(samples.get('ssc_ingest_messages_dropped_total{reason="overload"}')).toBe(3);
    expect(samples.get('ssc_ingest_backlog_readings')).toBe(70);
    expect(samples.get('ssc_ingest_intake_paused')).toBe(1);
    expect(samples.get('ssc_ingest_intake_pauses_total')).toBe(2);
    expect(samples.get('ssc_ingest_messages_rejected_total{reason="INGEST_ERR_NOT_JSON"}')).toBe(1);
    expect(samples.get('ssc_ingest_messages_rejected_total{reason="INGEST_ERR_SCHEMA"}')).toBe(0);
    expect([...['bytes', 'segments', 'full'].map((g) => samples.get(`ssc_ingest_spool_${g}`))]).toEqual([
      4096, 3, 1,
    ]);
    expect(samples.get('ssc_ingest_spool_commits_total')).toBe(4);
    expect(samples.get('process_cpu_user_seconds_total')).toBeGreaterThanOrEqual(0);
  });

  it('reads the counters again at every scrape', async () => {
    const stats = new IngestStats();
    const registry = createIngestMetrics({
      stats,
      spoolState: () => ({
        bytes: 0,
        segments: 0,
        full: false,
        commits: 0,
        backlog: 0,
        paused: false,
        pauses: 0,
      }),
    });
    await registry.metrics();
    stats.received = 5;
    stats.reject('INGEST_ERR_SCHEMA');
    stats.reject('INGEST_ERR_SCHEMA');
    const samples = parsePrometheus(await registry.metrics());
    expect(samples.get('ssc_ingest_messages_received_total')).toBe(5);
    expect(samples.get('ssc_ingest_messages_rejected_total{reason="INGEST_ERR_SCHEMA"}')).toBe(2);
  });
});
