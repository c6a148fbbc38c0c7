import { Type } from '@sinclair/typebox';
import { EpochMs, stringEnum } from './common.js';

const Counter = (description: string) => Type.Integer({ minimum: 0, description });

export const HealthReportSchema = Type.Object(
  {
    status: stringEnum(['ok', 'degraded'] as const, {
      description: "'degraded' when the broker or store is down",
    }),
    broker: Type.Object({
      mode: stringEnum(['embedded', 'external'] as const),
      url: Type.String(),
      connected: Type.Boolean(),
    }),
    store: Type.Object({
      kind: Type.String({ description: 'Store adapter, e.g. embedded or influx' }),
      ok: Type.Boolean(),
      lastError: Type.Union([Type.String(), Type.Null()]),
    }),
    ingest: Type.Object({
      messages: Counter('MQTT messages received on sensor topics'),
      readings: Counter('Readings taken from valid messages'),
      stored: Counter('Readings durably written to the store'),
      rejected: Counter('Messages rejected to the dead-letter log'),
      pending: Counter('Readings and dead letters durable in the ingest spool, not yet in the store'),
    }),
    startedAt: EpochMs('Start of the process'),
  },
  { description: 'Health of the broker connection, the store and the ingest pipeline' },
);
