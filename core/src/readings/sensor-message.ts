import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { QUANTITIES, QUANTITY_IDS, findQuantity, type QuantityId } from '../vocabulary/quantities.js';
import { acceptedUnits, toCanonicalUnit } from '../vocabulary/units.js';
import { isNgsiEntity, parseNgsiEntity, type NgsiEntity } from './ngsi.js';
import type { Reading } from './reading.js';
import { reject, type Rejection } from './rejection.js';
import { resolveSenmlPack } from './senml.js';
import { identityMismatch, namesSensor, senmlDevice } from './sensor-identity.js';
import { checkPlausible, parseTimestamp } from './timestamps.js';
import { parseSensorTopic } from './topics.js';

/** Largest payload accepted; SenML packs of a few hundred records fit easily. */
export const DEFAULT_MAX_PAYLOAD_BYTES = 64 * 1024;

export interface SensorMessage {
  readonly topic: string;
  readonly payload: Uint8Array;
  /** Wall-clock receive time, epoch ms: the reading time when the payload has none. */
  readonly receivedAt: number;
}

export interface ParseOptions {
  readonly topicPrefix: string;
  readonly maxPayloadBytes: number;
}

export type ParseResult =
  | { readonly ok: true; readonly sensorId: string; readonly readings: Reading[] }
  | { readonly ok: false; readonly sensorId: string | null; readonly rejection: Rejection };

const PlainValueSchema = Type.Union([
  Type.Number(),
  Type.Object({ value: Type.Number(), unit: Type.Optional(Type.String()) }, { additionalProperties: false }),
]);
const PlainMessageSchema = Type.Record(Type.String(), Type.Union([PlainValueSchema, Type.String()]));
const checkPlain = TypeCompiler.Compile(PlainMessageSchema);
/**
 * Keys of a plain JSON message that are not quantities. `unit` is the unit of the values given as bare
 * numbers (`{"pm25": 12, "unit": "ug/m3"}`); a value object's own unit takes precedence.
 */
const META_KEYS = new Set(['ts', 'sensorId', 'unit']);
/** Every unit of the vocabulary, to refuse a message-wide unit that no quantity has. */
const KNOWN_UNITS = new Set(QUANTITY_IDS.flatMap((quantity) => acceptedUnits(quantity)));

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Turns one MQTT message into readings in canonical units, or a rejection with a stable code and a
 * reason a person can act on. Never throws on any input.
 */
export function parseSensorMessage(message: SensorMessage, options: ParseOptions): ParseResult {
  const sensorId = parseSensorTopic(options.topicPrefix, message.topic);
  if (sensorId === undefined)
    return refuse(
      null,
      'INGEST_ERR_BAD_TOPIC',
      `topic '${message.topic.slice(0, 200)}' is not ${options.topicPrefix}sensors/<sensorId> with a valid id`,
    );
  const body = decodeJson(message.payload, options.maxPayloadBytes);
  if ('rejection' in body) return { ok: false, sensorId, rejection: body.rejection };
  const parsed = Array.isArray(body.json)
    ? fromSenml(body.json, sensorId, message.receivedAt)
    : isNgsiEntity(body.json)
      ? fromNgsi(body.json, sensorId, message.receivedAt)
      : fromPlainJson(body.json, sensorId, message.receivedAt);
  if ('rejection' in parsed) return { ok: false, sensorId, rejection: parsed.rejection };
  return { ok: true, sensorId, readings: parsed.readings };
}

function refuse(sensorId: string | null, code: Rejection['code'], reason: string): ParseResult {
  return { ok: false, sensorId, rejection: reject(code, reason) };
}

function decodeJson(payload: Uint8Array, maxBytes: number): { json: unknown } | { rejection: Rejection } {
  if (payload.byteLength === 0) return { rejection: reject('INGEST_ERR_EMPTY', 'the payload is empty') };
  if (payload.byteLength > maxBytes)
    return {
      rejection: reject(
        'INGEST_ERR_TOO_LARGE',
        `payload of ${payload.byteLength} bytes exceeds the ${maxBytes}-byte limit`,
      ),
    };
  let text: string;
  try {
    text = utf8.decode(payload);
  } catch {
    return { rejection: reject('INGEST_ERR_INVALID_UTF8', 'the payload is not valid UTF-8') };
  }
  try {
    return { json: JSON.parse(text) as unknown };
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'syntax error';
    return {
      rejection: reject(
        'INGEST_ERR_NOT_JSON',
        `the payload is not JSON (${detail}); send SenML or a JSON object of quantities`,
      ),
    };
  }
}

type Parsed = { readings: Reading[] } | { rejection: Rejection };

function fromSenml(pack: unknown, sensorId: string, receivedAt: number): Parsed {
  const resolved = resolveSenmlPack(pack, receivedAt / 1000);
  if (!resolved.ok) return { rejection: reject('INGEST_ERR_SCHEMA', resolved.reason) };
  const readings: Reading[] = [];
  for (const record of resolved.records) {
    const device = senmlDevice(record.name);
    if (device !== undefined && !namesSensor(device, sensorId))
      return { rejection: identityMismatch(device, sensorId, 'SenML name') };
    // The quantity is the last segment of the resolved name: "<base name>:pm25" or ".../pm25".
    const quantityName = record.name.split(/[:/]/).pop() ?? record.name;
    const ts = checkPlausible(Math.round(record.time * 1000), receivedAt);
    if (!ts.ok) return { rejection: reject('INGEST_ERR_BAD_TIMESTAMP', ts.reason) };
    const reading = toReading(sensorId, quantityName, record.value, record.unit, ts.ts);
    if ('rejection' in reading) return reading;
    readings.push(reading.reading);
  }
  return { readings };
}

/**
 * The topic names the sensor; the entity id is the observation's (Smart Data Models examples use ids
 * like `Vitoria-NoiseLevelObserved-2016-12-28T11:00:00_…`) and may differ. `refDevice`, where given,
 * names the device and must be the topic's sensor.
 */
function fromNgsi(entity: NgsiEntity, sensorId: string, receivedAt: number): Parsed {
  const device = entity.refDevice;
  if (typeof device === 'string' && !namesSensor(device, sensorId))
    return { rejection: identityMismatch(device, sensorId, 'NGSI refDevice') };
  const result = parseNgsiEntity(entity, receivedAt);
  if (!result.ok) return { rejection: result.rejection };
  const readings: Reading[] = [];
  for (const { attribute, value, unit } of result.measurements) {
    const reading = toReading(sensorId, attribute, value, unit, result.ts);
    if ('rejection' in reading) return reading;
    readings.push(reading.reading);
  }
  return { readings };
}

function fromPlainJson(json: unknown, sensorId: string, receivedAt: number): Parsed {
  if (typeof json !== 'object' || json === null || !checkPlain.Check(json)) {
    return {
      rejection: reject(
        'INGEST_ERR_SCHEMA',
        'expected a SenML array or a JSON object of quantity: number pairs (plus optional ts)',
      ),
    };
  }
  const fields = json as Record<string, unknown>;
  if (typeof fields.sensorId === 'string' && fields.sensorId !== sensorId)
    return {
      rejection: reject(
        'INGEST_ERR_SENSOR_MISMATCH',
        `payload sensorId '${fields.sensorId.slice(0, 64)}' differs from topic sensor '${sensorId}'`,
      ),
    };
  if (fields.ts !== undefined && typeof fields.ts !== 'string' && typeof fields.ts !== 'number')
    return {
      rejection: reject('INGEST_ERR_BAD_TIMESTAMP', 'ts must be ISO 8601 text or epoch milliseconds'),
    };
  if (fields.sensorId !== undefined && typeof fields.sensorId !== 'string')
    return { rejection: reject('INGEST_ERR_SCHEMA', 'sensorId must be text') };
  const messageUnit = unitOf(fields);
  if (typeof messageUnit !== 'string' && messageUnit !== undefined) return messageUnit;
  const ts =
    fields.ts === undefined ? { ok: true as const, ts: receivedAt } : parseTimestamp(fields.ts, receivedAt);
  if (!ts.ok) return { rejection: reject('INGEST_ERR_BAD_TIMESTAMP', ts.reason) };
  const readings: Reading[] = [];
  // for…in and a scan of the few readings so far: no entry pairs or Set per message. A parsed JSON
  // object has no inherited enumerable keys.
  for (const key in fields) {
    if (META_KEYS.has(key)) continue;
    const raw = fields[key];
    if (typeof raw === 'string')
      return { rejection: reject('INGEST_ERR_SCHEMA', `'${key.slice(0, 64)}' must be a number, not text`) };
    const value = typeof raw === 'number' ? raw : (raw as { value: number }).value;
    const unit = typeof raw === 'number' ? messageUnit : (raw as { unit?: string }).unit;
    const reading = toReading(sensorId, key, value, unit, ts.ts);
    if ('rejection' in reading) return reading;
    const quantity = reading.reading.quantity;
    if (hasQuantity(readings, quantity))
      return { rejection: reject('INGEST_ERR_SCHEMA', `quantity '${quantity}' is given twice`) };
    readings.push(reading.reading);
  }
  if (readings.length === 0)
    return { rejection: reject('INGEST_ERR_EMPTY', 'the message holds no quantity') };
  return { readings };
}

function hasQuantity(readings: readonly Reading[], quantity: QuantityId): boolean {
  for (const reading of readings) if (reading.quantity === quantity) return true;
  return false;
}

/** The message-wide `unit`, checked against the vocabulary before any quantity is read. */
function unitOf(fields: Record<string, unknown>): string | undefined | { rejection: Rejection } {
  const unit = fields.unit;
  if (unit === undefined) return undefined;
  if (typeof unit !== 'string') return { rejection: reject('INGEST_ERR_SCHEMA', 'unit must be text') };
  if (!KNOWN_UNITS.has(unit))
    return {
      rejection: reject(
        'INGEST_ERR_UNKNOWN_UNIT',
        `unit '${unit.slice(0, 32)}' is not a unit of the vocabulary (see the README); e.g. {"pm25": 12, "unit": "ug/m3"}`,
      ),
    };
  return unit;
}

function toReading(
  sensorId: string,
  name: string,
  rawValue: number,
  unit: string | undefined,
  ts: number,
): { reading: Reading } | { rejection: Rejection } {
  const quantity = findQuantity(name);
  if (quantity === undefined)
    return {
      rejection: reject(
        'INGEST_ERR_UNKNOWN_QUANTITY',
        `unknown quantity '${name.slice(0, 64)}' (see the vocabulary in the README)`,
      ),
    };
  const value = toCanonicalUnit(quantity, rawValue, unit);
  if (value === undefined)
    return {
      rejection: reject(
        'INGEST_ERR_UNKNOWN_UNIT',
        `unit '${String(unit).slice(0, 32)}' is not known for ${quantity}; use one of ${acceptedUnits(quantity).join(', ')}`,
      ),
    };
  const { min, max, unit: canonical } = QUANTITIES[quantity];
  if (!(value >= min && value <= max))
    return {
      rejection: reject(
        'INGEST_ERR_OUT_OF_RANGE',
        `${quantity} ${value} ${canonical} is outside the plausible range ${min}…${max}`,
      ),
    };
  return { reading: { sensorId, quantity, value, ts } };
}
