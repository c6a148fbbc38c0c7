import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';

/** RFC 8428 §4.1: the SenML version this resolver implements. */
export const SENML_VERSION = 10;
/** RFC 8428 §4.5.3: resolved times below 2^28 s are relative to "now". */
const RELATIVE_TIME_LIMIT = 2 ** 28;

const SenmlRecordSchema = Type.Object(
  {
    bn: Type.Optional(Type.String()),
    bt: Type.Optional(Type.Number()),
    bu: Type.Optional(Type.String()),
    bv: Type.Optional(Type.Number()),
    bs: Type.Optional(Type.Number()),
    bver: Type.Optional(Type.Integer()),
    n: Type.Optional(Type.String()),
    u: Type.Optional(Type.String()),
    v: Type.Optional(Type.Number()),
    vs: Type.Optional(Type.String()),
    vb: Type.Optional(Type.Boolean()),
    vd: Type.Optional(Type.String()),
    s: Type.Optional(Type.Number()),
    t: Type.Optional(Type.Number()),
    ut: Type.Optional(Type.Number()),
  },
  // RFC 8428 §4.4: unknown fields are ignored unless they end with "_" (checked separately).
  { additionalProperties: true },
);

const SenmlPackSchema = Type.Array(SenmlRecordSchema, { minItems: 1, maxItems: 10_000 });
export type SenmlRecord = Static<typeof SenmlRecordSchema>;

const checkPack = TypeCompiler.Compile(SenmlPackSchema);

/** A record after RFC 8428 §4.6 resolution: absolute name, time (seconds) and value. */
export interface ResolvedSenmlRecord {
  readonly name: string;
  /** Seconds since the Unix epoch. */
  readonly time: number;
  readonly unit: string | undefined;
  /** Numeric value (v resolved with bv) or sum (s resolved with bs); non-numeric values are refused earlier. */
  readonly value: number;
  readonly isSum: boolean;
}

export type SenmlResult = { ok: true; records: ResolvedSenmlRecord[] } | { ok: false; reason: string };

/** RFC 8428 §4.5.1: name characters after resolution. */
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9\-:./_]*$/;

function fail(reason: string): SenmlResult {
  return { ok: false, reason };
}

function mustUnderstandField(record: object): string | undefined {
  return Object.keys(record).find((key) => key.endsWith('_'));
}

/**
 * Validates a SenML JSON pack and resolves base fields (RFC 8428 §4.6).
 * `nowSeconds` resolves relative times. Only numeric values and sums are accepted: this platform
 * stores numeric time series, so string, boolean and data values are refused with a reason.
 */
export function resolveSenmlPack(pack: unknown, nowSeconds: number): SenmlResult {
  if (!checkPack.Check(pack)) {
    const first = checkPack.Errors(pack).First();
    return fail(
      `not a valid SenML pack: ${first ? `${first.path || '/'} ${first.message}` : 'schema mismatch'}`,
    );
  }
  const base = { name: '', time: 0, unit: undefined as string | undefined, value: 0, sum: 0 };
  const records: ResolvedSenmlRecord[] = [];
  for (const [index, record] of pack.entries()) {
    const unknown = mustUnderstandField(record);
    if (unknown !== undefined)
      return fail(`record ${index}: must-understand field '${unknown}' is not supported`);
    if (record.bver !== undefined && record.bver > SENML_VERSION)
      return fail(
        `record ${index}: SenML version ${record.bver} is newer than the supported ${SENML_VERSION}`,
      );
    if (record.bn !== undefined) base.name = record.bn;
    if (record.bt !== undefined) base.time = record.bt;
    if (record.bu !== undefined) base.unit = record.bu;
    if (record.bv !== undefined) base.value = record.bv;
    if (record.bs !== undefined) base.sum = record.bs;
    const resolved = resolveRecord(record, index, base, nowSeconds);
    if ('reason' in resolved) return fail(resolved.reason);
    if (resolved.record) records.push(resolved.record);
  }
  return records.length > 0 ? { ok: true, records } : fail('the pack holds no measurement');
}

type Base = { name: string; time: number; unit: string | undefined; value: number; sum: number };

function resolveRecord(
  record: SenmlRecord,
  index: number,
  base: Base,
  nowSeconds: number,
): { record: ResolvedSenmlRecord | undefined } | { reason: string } {
  const hasValue = record.v !== undefined || record.s !== undefined;
  const hasOther = record.vs !== undefined || record.vb !== undefined || record.vd !== undefined;
  if (hasOther) return { reason: `record ${index}: only numeric values (v, s) are accepted` };
  // A record with only base fields carries no measurement (RFC 8428 §4.2 allows it).
  if (!hasValue) {
    return record.n === undefined
      ? { record: undefined }
      : { reason: `record ${index}: '${record.n}' has no value` };
  }
  const name = base.name + (record.n ?? '');
  if (!NAME_PATTERN.test(name)) return { reason: `record ${index}: invalid resolved name '${name}'` };
  let time = base.time + (record.t ?? 0);
  if (time < RELATIVE_TIME_LIMIT) time += nowSeconds;
  const isSum = record.v === undefined;
  const value = isSum ? base.sum + (record.s ?? 0) : base.value + (record.v ?? 0);
  if (!Number.isFinite(value) || !Number.isFinite(time))
    return { reason: `record ${index}: value or time is not finite` };
  return { record: { name, time, unit: record.u ?? base.unit, value, isSum } };
}
