import { Type } from '@sinclair/typebox';
import { QUANTITIES, QUANTITY_IDS, REJECTION_CODES, SENSOR_ID_PATTERN } from '@ssc-monitor/core';
import { EpochMs, stringEnum } from './common.js';

const SensorId = Type.String({
  pattern: SENSOR_ID_PATTERN.source,
  description: 'Sensor id as in the topic sensors/<id>: letters, digits, . _ : -',
});

const LatestValueSchema = Type.Object({
  value: Type.Number(),
  ts: EpochMs('Event time'),
});

const LatestSchema = Type.Object(
  Object.fromEntries(
    QUANTITY_IDS.map((id) => [
      id,
      Type.Optional({ ...LatestValueSchema, description: `${QUANTITIES[id].label}, ${QUANTITIES[id].unit}` }),
    ]),
  ),
  { description: 'Newest value per quantity the sensor reported, in the canonical unit' },
);

export const SensorStateSchema = Type.Object(
  {
    id: Type.String(),
    district: Type.String({ description: "District id from the plan, or 'unassigned'" }),
    lastSeen: Type.Union([EpochMs('Wall-clock time of the last message, valid or not'), Type.Null()]),
    messages: Type.Integer({ description: 'Messages received, valid or not' }),
    errors: Type.Integer({ description: 'Messages rejected to the dead-letter log' }),
    latest: LatestSchema,
  },
  { description: 'What the platform knows about one sensor' },
);

export const SensorIdParamsSchema = Type.Object({ id: SensorId });

export const SensorListSchema = Type.Object({ sensors: Type.Array(SensorStateSchema) });

export const DeadLetterSchema = Type.Object(
  {
    topic: Type.String(),
    sensorId: Type.Union([Type.String(), Type.Null()], { description: 'Sensor id from the topic, if any' }),
    code: stringEnum(REJECTION_CODES, { description: 'Why the message was rejected (INGEST_ERR_*)' }),
    reason: Type.String({ description: 'What was wrong with the message and how to fix it' }),
    payloadExcerpt: Type.String({ description: 'First bytes of the payload, as text' }),
    payloadBytes: Type.Integer(),
    receivedAt: EpochMs('Time the message was received'),
  },
  { description: 'A message that could not be taken as data' },
);

export const DeadLetterQuerySchema = Type.Object({
  limit: Type.Integer({
    minimum: 1,
    maximum: 1000,
    default: 100,
    description: 'Newest first, at most this many',
  }),
  sensorId: Type.Optional({ ...SensorId, description: 'Only letters from this sensor' }),
});

export const DeadLetterListSchema = Type.Object({ deadLetters: Type.Array(DeadLetterSchema) });
