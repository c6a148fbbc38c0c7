import { Type } from '@sinclair/typebox';
import { FEED_ERROR_CODES, FEED_FORMATS, type FeedErrorCode } from '@ssc-monitor/core';
import { EpochMs, ReadonlyList, stringEnum } from './common.js';

const Count = (description: string) => Type.Integer({ minimum: 0, description });
const NullableEpochMs = (description: string) => Type.Union([EpochMs(description), Type.Null()]);
const Code = stringEnum(FEED_ERROR_CODES, { description: 'Stable code (FEED_ERR_*); match on this' });

const FeedProblemSchema = Type.Object({
  code: Code,
  message: Type.String({ description: 'What went wrong, as the portal or the parser said it' }),
});

const RowErrorSchema = Type.Object(
  {
    row: Type.Integer({ minimum: 1, description: 'Data row, 1-based (records of a portal: offset + 1)' }),
    line: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'Line of the CSV file' }),
    column: Type.Union([Type.String(), Type.Null()]),
    code: Code,
    message: Type.String(),
  },
  { description: 'A refused row or cell' },
);

const ErrorCountsSchema = Type.Unsafe<Partial<Record<FeedErrorCode, number>>>(
  Type.Record(Type.String(), Type.Integer({ minimum: 0 }), { description: 'Refused cells per code' }),
);

export const FeedRunSchema = Type.Object(
  {
    startedAt: EpochMs('Start of the attempt'),
    finishedAt: EpochMs('End of the attempt'),
    attempt: Type.Integer({ minimum: 1, description: '1-based attempt of this pull' }),
    maxAttempts: Type.Integer({ minimum: 1 }),
    ok: Type.Boolean(),
    rowsRead: Count('Rows in the payload(s)'),
    rowsRejected: Count('Rows with at least one refused cell'),
    readingsStored: Count('New or changed readings; 0 when the same rows are pulled again'),
    error: Type.Union([FeedProblemSchema, Type.Null()], { description: 'Why the pull failed as a whole' }),
    retryAt: NullableEpochMs('When the next attempt is due, after a failure'),
    truncated: Type.Boolean({ description: 'The portal stopped paging before the end of the dataset' }),
    rowErrors: ReadonlyList(RowErrorSchema, { description: 'The first refused rows' }),
    errorCounts: ErrorCountsSchema,
  },
  { description: 'One attempt of a pull' },
);

export const FeedStatusSchema = Type.Object(
  {
    id: Type.String(),
    url: Type.String({ description: 'Feed URL, secret-looking query values hidden' }),
    format: stringEnum(FEED_FORMATS),
    schedule: Type.String({ description: 'A duration, or a cron pattern in UTC' }),
    state: stringEnum(['never_run', 'ok', 'failing'] as const, {
      description: "'failing' while the latest attempt failed",
    }),
    lastRunAt: NullableEpochMs('Start of the latest attempt'),
    lastSuccessAt: NullableEpochMs('End of the latest successful pull'),
    lastError: Type.Union(
      [Type.Object({ ...FeedProblemSchema.properties, at: EpochMs('Time of the failure') }), Type.Null()],
      {
        description: 'The most recent failure, kept after a later success',
      },
    ),
    nextRunAt: NullableEpochMs('Next scheduled pull or retry'),
    history: ReadonlyList(FeedRunSchema, { description: 'Latest attempts, newest first' }),
  },
  { description: 'An open-data feed of the plan and how its pulls went' },
);

export const FeedListSchema = Type.Object({ feeds: ReadonlyList(FeedStatusSchema) });
