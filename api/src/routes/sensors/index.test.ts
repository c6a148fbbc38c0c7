import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../testing/test-app.js';

const start = useTestApp();

describe('GET /api/sensors', () => {
  it('returns every sensor state with its latest values', async () => {
    const { inject, view } = await start();
    const res = await inject('/api/sensors');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ sensors: view.sensorList });
    expect(res.json<{ sensors: Array<{ latest: unknown }> }>().sensors[0]?.latest).toEqual({
      pm25: { value: 16.5, ts: expect.any(Number) },
    });
  });
});

describe('GET /api/sensors/:id', () => {
  it('returns one sensor', async () => {
    const { inject, view } = await start();
    const res = await inject('/api/sensors/stray-7');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(view.sensorList[1]);
  });

  it('answers 404 saying no reading was ever received from that sensor', async () => {
    const { inject } = await start();
    const res = await inject('/api/sensors/aq-99');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({
      statusCode: 404,
      error: 'API_ERR_SENSOR_NOT_FOUND',
      message: expect.stringMatching(/^No reading was ever received from sensor 'aq-99'/),
    });
  });

  it('answers 400 for an id no sensor can have', async () => {
    const { inject } = await start();
    const res = await inject('/api/sensors/-bad');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: 'API_ERR_VALIDATION',
      message: expect.stringContaining("params 'id'"),
    });
  });
});
