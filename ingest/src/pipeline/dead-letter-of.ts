import type { DeadLetter, Rejection } from '@ssc-monitor/core';

/** Bytes of a rejected payload kept in the dead-letter log. */
const EXCERPT_BYTES = 256;
/** Longest topic kept. */
const TOPIC_CHARS = 512;
const lenient = new TextDecoder('utf-8', { fatal: false });

/** The dead-letter record of a rejected message: bounded excerpts, never the whole payload. */
export function deadLetterOf(
  topic: string,
  payload: Uint8Array,
  receivedAt: number,
  sensorId: string | null,
  rejection: Rejection,
): DeadLetter {
  return {
    topic: topic.slice(0, TOPIC_CHARS),
    sensorId,
    code: rejection.code,
    reason: rejection.reason,
    payloadExcerpt: lenient.decode(payload.subarray(0, EXCERPT_BYTES)),
    payloadBytes: payload.byteLength,
    receivedAt,
  };
}
