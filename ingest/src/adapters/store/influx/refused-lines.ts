import type { DeadLetter } from '@ssc-monitor/core';
import { TAG_SENSOR, decodeTagValue } from './line-protocol.js';
import { failureAction } from './retry-policy.js';

/** A line InfluxDB refused on its own, and its answer. */
export interface RefusedLine {
  readonly line: string;
  readonly error: Error;
}

type Send = (body: string, signal: AbortSignal) => Promise<void>;

/**
 * After InfluxDB refused a batch as data (a 4xx such as a bad line or a field type conflict), sends
 * it again in halves, and halves of refused halves, down to single lines: every line the server
 * takes is written, the ones it refuses alone are returned. A 1.x server answers 400 "partial
 * write" after storing the good lines of a batch; sending those again is harmless, as a point
 * rewritten with the same (series, time) replaces itself. Costs about 2·k·log2(n) requests for k
 * refused lines in n. A retryable failure (5xx, network) is thrown: the caller retries the batch.
 */
export async function isolateRefusedLines(
  lines: readonly string[],
  firstError: unknown,
  send: Send,
  signal: AbortSignal,
): Promise<RefusedLine[]> {
  const refused: RefusedLine[] = [];
  if (lines.length === 1) return [{ line: lines[0]!, error: asError(firstError) }];
  const mid = Math.ceil(lines.length / 2);
  await sendOrSplit(lines.slice(0, mid), send, signal, refused);
  await sendOrSplit(lines.slice(mid), send, signal, refused);
  return refused;
}

async function sendOrSplit(
  lines: readonly string[],
  send: Send,
  signal: AbortSignal,
  refused: RefusedLine[],
): Promise<void> {
  if (lines.length === 0) return;
  try {
    await send(lines.join('\n'), signal);
  } catch (error) {
    if (failureAction(error) !== 'reject') throw error;
    refused.push(...(await isolateRefusedLines(lines, error, send, signal)));
  }
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

const TAG_PREFIX = `${TAG_SENSOR}=`;

/**
 * The sensor id of a reading line (`readings,district=…,quantity=…,sensor=… value=… ts`), or null
 * when the line has none; tag values escape `,`, `=` and space with a backslash.
 */
export function sensorOfLine(line: string): string | null {
  let start = 0;
  for (let i = 0; i <= line.length; i += 1) {
    const char = line[i];
    if (char === '\\') {
      i += 1;
      continue;
    }
    if (char !== ',' && char !== ' ' && i !== line.length) continue;
    const part = line.slice(start, i);
    if (part.startsWith(TAG_PREFIX))
      return decodeTagValue(part.slice(TAG_PREFIX.length).replace(/\\(.)/g, '$1'));
    if (char === ' ') return null;
    start = i + 1;
  }
  return null;
}

/** Bytes of a refused line kept in its dead letter, as the pipeline keeps of a payload. */
const EXCERPT_CHARS = 256;

/** Dead letters for refused lines: the line is the payload, the server's answer the reason. */
export function refusedLetters(
  lines: readonly RefusedLine[],
  topic: string,
  receivedAt: number,
): DeadLetter[] {
  return lines.map(({ line, error }) => ({
    topic,
    sensorId: sensorOfLine(line),
    code: 'INGEST_ERR_STORE_REFUSED',
    reason: `InfluxDB refused the reading: ${error.message}`.slice(0, 500),
    payloadExcerpt: line.slice(0, EXCERPT_CHARS),
    payloadBytes: Buffer.byteLength(line),
    receivedAt,
  }));
}
