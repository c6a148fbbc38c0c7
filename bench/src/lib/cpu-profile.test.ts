import { describe, expect, it } from 'vitest';
import { shortUrl, topSelfTime, type CpuProfile } from './cpu-profile.js';

const frame = (id: number, functionName: string, url: string, lineNumber = 0) => ({
  id,
  callFrame: { functionName, url, lineNumber },
});

describe('topSelfTime', () => {
  it('sums sample time per function across its nodes, largest first, with shares', () => {
    const profile: CpuProfile = {
      nodes: [
        frame(1, '(root)', ''),
        frame(2, 'parse', 'file:///repo/core/src/readings/parse.ts', 9),
        frame(3, 'parse', 'file:///repo/core/src/readings/parse.ts', 9),
        frame(4, '', 'file:///repo/node_modules/mqtt/build/lib/client.js', 99),
      ],
      samples: [2, 3, 4, 2, 1],
      timeDeltas: [1000, 1000, 1000, 1000, 1000],
    };
    expect(topSelfTime(profile)).toEqual([
      { frame: 'parse (core/src/readings/parse.ts:10)', ms: 3, share: 60 },
      { frame: '(anonymous) (mqtt/build/lib/client.js:100)', ms: 1, share: 20 },
      { frame: '(root)', ms: 1, share: 20 },
    ]);
  });

  it('shortens URLs to the package or repository path', () => {
    expect(shortUrl('file:///x/node_modules/@duckdb/node-api/lib/a.js')).toBe('@duckdb/node-api/lib/a.js');
    expect(shortUrl('file:///x/repo/ingest/src/app.ts')).toBe('ingest/src/app.ts');
    expect(shortUrl('node:internal/streams')).toBe('node:internal/streams');
  });
});
