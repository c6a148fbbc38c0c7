import { describe, expect, it } from 'vitest';
import { fileStem, replaceSummaryBlock, SUMMARY_END, SUMMARY_START } from './report.js';

describe('replaceSummaryBlock', () => {
  it('replaces only what is between the markers', () => {
    const doc = `# Perf\n\nintro\n\n${SUMMARY_START}\nold\n${SUMMARY_END}\n\n## Analysis\nkept\n`;
    const next = replaceSummaryBlock(doc, 'new table');
    expect(next).toBe(
      `# Perf\n\nintro\n\n${SUMMARY_START}\nnew table\n${SUMMARY_END}\n\n## Analysis\nkept\n`,
    );
  });

  it('appends a block when the doc has no markers', () => {
    expect(replaceSummaryBlock('# Perf\n', 'x')).toBe(`# Perf\n\n${SUMMARY_START}\nx\n${SUMMARY_END}\n`);
  });
});

describe('fileStem', () => {
  it('gives a portable, time-sorted file name', () => {
    expect(fileStem('2026-12-04T15:02:03.456Z')).toBe('2026-12-04T15-02-03Z');
  });
});
