import { Type, type Static, type TSchema, type TUnsafe } from '@sinclair/typebox';
import { API_ERROR_CODES } from '../errors.js';

/** A string limited to `values`; emitted as a JSON Schema `enum`, which OpenAPI and the serializer both read well. */
export function stringEnum<const T extends readonly string[]>(
  values: T,
  options: { description?: string } = {},
): TUnsafe<T[number]> {
  return Type.Unsafe<T[number]>({ type: 'string', enum: [...values], ...options });
}

/** An array typed `readonly`, as the core's types declare them, so handlers may return core objects as they are. */
export function ReadonlyList<T extends TSchema>(
  items: T,
  options: { description?: string } = {},
): TUnsafe<readonly Static<T>[]> {
  return Type.Unsafe<readonly Static<T>[]>(Type.Array(items, options));
}

export const EpochMs = (description: string) => Type.Integer({ description: `${description}, epoch ms` });

export const NullableNumber = (description: string) =>
  Type.Union([Type.Number(), Type.Null()], { description });

export const ErrorResponseSchema = Type.Object(
  {
    statusCode: Type.Integer({ description: 'HTTP status, repeated for clients that only see the body' }),
    error: stringEnum(API_ERROR_CODES, { description: 'Stable error code (API_ERR_*); match on this' }),
    message: Type.String({ description: 'What went wrong and what to do about it' }),
  },
  { description: 'Error' },
);

/** Response entries for the error statuses a route can answer (401, 403, 429 and 500 always), for the schema and OpenAPI. */
export function errorResponses(...statuses: Array<400 | 404 | 409 | 503>): Record<number, TSchema> {
  return Object.fromEntries([...statuses, 401, 403, 429, 500].map((status) => [status, ErrorResponseSchema]));
}
