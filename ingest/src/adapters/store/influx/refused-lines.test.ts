import { HttpError } from '@influxdata/influxdb-client';
import { describe, expect, it } from 'vitest';
import { isolateRefusedLines, refusedLetters, sensorOfLine } from './refused-lines.js';

const refuse = (): HttpError => new HttpError(400, 'Bad Request', '{"error":"partial write"}');

describe('isolateRefusedLines', () => {
  it('finds each refused line by halving, in about 2·k·log2(n) requests', async () => {
    const lines = Array.from({ length: 64 }, (_, i) => (i === 5 || i === 40 ? `bad-${i}` : `ok-${i}`));
    let requests = 0;
    const send = (body: string): Promise<void> => {
      requests += 1;
      return body.includes('bad') ? Promise.reject(refuse()) : Promise.resolve();
    };
    const refused = await isolateRefusedLines(lines, refuse(), send, new AbortController().signal);
    expect(refused.map((r) => r.line)).toEqual(['bad-5', 'bad-40']);
    expect(refused[0]!.error).toBeInstanceOf(HttpError);
    expect(requests).toBeLessThanOrEqual(2 * 2 * 6);
  });

  it('throws a retryable failure met on the way, so that the whole batch is retried', async () => {
    const send = (): Promise<void> => Promise.reject(new HttpError(503, 'Unavailable', ''));
    await expect(
      isolateRefusedLines(['a', 'b'], refuse(), send, new AbortController().signal),
    ).rejects.toSatisfy((e) => e instanceof HttpError && e.statusCode === 503);
  });
});

describe('sensorOfLine', () => {
  it.each([
    ['readings,district=north,quantity=pm25,sensor=aq-1 value=1 1000', 'aq-1'],
    ['readings,district=a\\ b\\,c,quantity=pm25,sensor=x\\=y value=1 1000', 'x=y'],
    ['readings,district=a,quantity=pm25,sensor=p%25q value=1 1000', 'p%q'],
    ['readings,district=a,quantity=pm25 value=1 1000', null],
  ])('%s → %s', (line, sensor) => {
    expect(sensorOfLine(line)).toBe(sensor);
  });
});

describe('refusedLetters', () => {
  it('keeps the line as payload, its sensor, a stable code and the server answer as reason', () => {
    const line = 'readings,district=a,quantity=pm25,sensor=aq-1 value=1 1000';
    const [letter] = refusedLetters([{ line, error: refuse() }], 'influxdb/ssc', 42);
    expect(letter).toMatchObject({
      topic: 'influxdb/ssc',
      sensorId: 'aq-1',
      code: 'INGEST_ERR_STORE_REFUSED',
      payloadExcerpt: line,
      payloadBytes: line.length,
      receivedAt: 42,
    });
    expect(letter!.reason).toContain('partial write');
  });
});
