import { describe, expect, it } from 'vitest';
import { parseSseChunk } from './sse-latency.js';

describe('parseSseChunk', () => {
  it('splits complete events and keeps the incomplete tail', () => {
    const { events, rest } = parseSseChunk(
      'retry: 2000\n\nevent: sensor\ndata: {"id":"a"}\n\n: heartbeat\n\nevent: kpi\ndata: {"i',
    );
    expect(events).toEqual([{ event: 'sensor', data: '{"id":"a"}' }]);
    expect(rest).toBe('event: kpi\ndata: {"i');
    const next = parseSseChunk(`${rest}d":"k"}\n\n`);
    expect(next.events).toEqual([{ event: 'kpi', data: '{"id":"k"}' }]);
    expect(next.rest).toBe('');
  });
});
