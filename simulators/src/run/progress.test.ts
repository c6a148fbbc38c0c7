import { describe, expect, it } from 'vitest';
import { clockTime, grouped, ProgressReporter } from './progress.js';

function output(isTTY: boolean) {
  const chunks: string[] = [];
  return { out: { isTTY, write: (chunk: string) => chunks.push(chunk) }, chunks };
}

describe('ProgressReporter', () => {
  it('rewrites one line on a terminal and ends it with the summary', () => {
    const { out, chunks } = output(true);
    let now = 0;
    const progress = new ProgressReporter(out, { everyMs: 100, now: () => now });
    progress.update({ type: 'progress', n: 1 }, 'one');
    progress.update({ type: 'progress', n: 2 }, 'two');
    now = 150;
    progress.update({ type: 'progress', n: 3 }, 'three');
    progress.finish({ type: 'summary' }, 'done');
    expect(chunks).toEqual(['\r\u001b[2Kone', '\r\u001b[2Kthree', '\r\u001b[2Kdone\n']);
  });

  it('writes JSON lines elsewhere, at most once per interval', () => {
    const { out, chunks } = output(false);
    let now = 0;
    const progress = new ProgressReporter(out, { now: () => now });
    progress.update({ type: 'progress', n: 1 }, 'one');
    now = 500;
    progress.update({ type: 'progress', n: 2 }, 'two');
    now = 1000;
    progress.update({ type: 'progress', n: 3 }, 'three');
    progress.finish({ type: 'summary', ok: true }, 'done');
    expect(chunks.map((c) => JSON.parse(c) as unknown)).toEqual([
      { type: 'progress', n: 1 },
      { type: 'progress', n: 3 },
      { type: 'summary', ok: true },
    ]);
    expect(chunks.every((c) => c.endsWith('\n'))).toBe(true);
  });
});

describe('formatting', () => {
  it.each([
    [1234567, '1,234,567'],
    [12.6, '13'],
  ])('groups %d as %s', (n, text) => expect(grouped(n)).toBe(text));

  it.each([
    [0, '0:00'],
    [62, '1:02'],
    [3723, '1:02:03'],
  ])('shows %d s as %s', (s, text) => expect(clockTime(s)).toBe(text));
});
