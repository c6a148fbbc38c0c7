import { Type } from '@sinclair/typebox';
import { EpochMs, NullableNumber } from './common.js';

export const SeriesQuerySchema = Type.Object({
  from: Type.Optional(
    Type.String({
      description: 'Start: ISO 8601 (2026-03-01 or 2026-03-01T06:00:00Z) or epoch ms. Default: `to` − 7 days',
    }),
  ),
  to: Type.Optional(Type.String({ description: 'End: ISO 8601 or epoch ms. Default: now' })),
  every: Type.Optional(
    Type.String({
      description: 'Spacing of points: ms, or a duration such as 15m, 1h, 1d. At least 1m. Default: 1h',
    }),
  ),
});

export const SeriesPointSchema = Type.Object({
  t: EpochMs('End of the window the value was computed over'),
  value: NullableNumber('KPI value over the window ending at t; null when it had no readings'),
});

export const SeriesSchema = Type.Object({
  kpiId: Type.String(),
  from: EpochMs('Start of the range'),
  to: EpochMs('End of the range'),
  every: Type.Integer({ description: 'Spacing of points, ms' }),
  points: Type.Array(SeriesPointSchema),
});
