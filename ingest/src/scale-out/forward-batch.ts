import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import {
  QUANTITY_IDS,
  REJECTION_CODES,
  type DeadLetter,
  type QuantityId,
  type Reading,
} from '@ssc-monitor/core';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/**
 * What a worker forwards to the monitor, compactly: messages seen, readings accepted (as tuples), and
 * rejections. Version 1.
 */
export const ForwardBatchSchema = Type.Object({
  v: Type.Literal(1),
  worker: Type.String(),
  messages: Type.Array(Type.Tuple([Type.String(), Type.Number()])),
  readings: Type.Array(Type.Tuple([Type.String(), literals(QUANTITY_IDS), Type.Number(), Type.Number()])),
  rejected: Type.Array(
    Type.Object({
      topic: Type.String(),
      sensorId: Type.Union([Type.String(), Type.Null()]),
      code: literals(REJECTION_CODES),
      reason: Type.String(),
      payloadExcerpt: Type.String(),
      payloadBytes: Type.Integer(),
      receivedAt: Type.Number(),
    }),
  ),
});

export type ForwardBatch = Static<typeof ForwardBatchSchema>;

const check = TypeCompiler.Compile(ForwardBatchSchema);

export function parseForwardBatch(payload: Buffer): ForwardBatch | undefined {
  try {
    const json: unknown = JSON.parse(payload.toString('utf8'));
    return check.Check(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

export const toReading = ([sensorId, quantity, value, ts]: [
  string,
  QuantityId,
  number,
  number,
]): Reading => ({ sensorId, quantity, value, ts });

export const toTuple = (r: Reading): [string, QuantityId, number, number] => [
  r.sensorId,
  r.quantity,
  r.value,
  r.ts,
];

export type { DeadLetter };
