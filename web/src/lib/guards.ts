/** A check that a value parsed from JSON has the shape the UI relies on. */
export type Guard<T> = (value: unknown) => value is T;

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export const isString = (value: unknown): value is string => typeof value === 'string';

export const isNumber = (value: unknown): value is number =>
  typeof value === 'number' && Number.isFinite(value);

export const isNullableNumber = (value: unknown): value is number | null => value === null || isNumber(value);

export function isArrayOf<T>(value: unknown, guard: Guard<T>): value is T[] {
  return Array.isArray(value) && value.every((item) => guard(item));
}

/** `{ [key]: T[] }`, the envelope of the API's list endpoints. */
export function envelopeOf<K extends string, T>(key: K, item: Guard<T>): Guard<Record<K, T[]>> {
  return (value: unknown): value is Record<K, T[]> => isRecord(value) && isArrayOf(value[key], item);
}
