import type { DeadLetter } from '@ssc-monitor/core';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestApp, TEST_NOW, type TestApp } from '../../testing/test-app.js';

let current: TestApp | undefined;

function letter(i: number, sensorId: string | null): DeadLetter {
  return {
    topic: sensorId === null ? 'sensors' : `sensors/${sensorId}`,
    sensorId,
    code: 'INGEST_ERR_NOT_JSON',
    reason: `Payload ${i} is not JSON: send a SenML array or a JSON object.`,
    payloadExcerpt: `garbage ${i}`,
    payloadBytes: 9,
    receivedAt: TEST_NOW + i,
  };
}

/** 120 letters, alternating between two sensors, every tenth without a sensor. */
async function start(): Promise<TestApp> {
  current = await buildTestApp();
  const letters = Array.from({ length: 120 }, (_, i) =>
    letter(i, i % 10 === 0 ? null : i % 2 ? 'aq-1' : 'aq-2'),
  );
  await current.view.deadLetters.add(letters);
  return current;
}

afterEach(async () => {
  await current?.app.close();
  current = undefined;
});

type Body = { deadLetters: DeadLetter[] };

describe('GET /api/dead-letters', () => {
  it('returns the newest 100 by default, all fields kept', async () => {
    const { inject } = await start();
    const res = await inject('/api/dead-letters');
    expect(res.statusCode).toBe(200);
    const { deadLetters } = res.json<Body>();
    expect(deadLetters).toHaveLength(100);
    expect(deadLetters[0]).toEqual(letter(119, 'aq-1'));
    expect(deadLetters[99]?.receivedAt).toBe(TEST_NOW + 20);
  });

  it('honours limit and sensorId', async () => {
    const { inject } = await start();
    const res = await inject('/api/dead-letters?limit=3&sensorId=aq-2');
    expect(res.statusCode).toBe(200);
    expect(res.json<Body>().deadLetters.map((l) => l.receivedAt - TEST_NOW)).toEqual([118, 116, 114]);
  });

  it('returns letters without a sensor with sensorId null', async () => {
    const { inject } = await start();
    const { deadLetters } = (await inject('/api/dead-letters?limit=1000')).json<Body>();
    expect(deadLetters).toHaveLength(120);
    expect(deadLetters.filter((l) => l.sensorId === null)).toHaveLength(12);
  });

  it.each([
    ['limit=0', "'limit' must be >= 1"],
    ['limit=1001', "'limit' must be <= 1000"],
    ['limit=ten', "'limit' must be integer"],
    ['sensorId=%2Fbad', "'sensorId' must match pattern"],
  ])('answers 400 to %s naming the field', async (query, message) => {
    const { inject } = await start();
    const res = await inject(`/api/dead-letters?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({
      statusCode: 400,
      error: 'API_ERR_VALIDATION',
      message: expect.stringContaining(`querystring ${message}`),
    });
  });
});
