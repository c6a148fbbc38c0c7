import {
  EMPTY_FEED_RUN_SUMMARY,
  MAX_FEED_HISTORY,
  summariseRun,
  type FeedRunRecord,
  type FeedRunSummary,
} from '@ssc-monitor/core';

/** What is recorded about one feed: a summary and the latest attempts, newest first. */
export interface FeedRecord {
  readonly summary: FeedRunSummary;
  readonly history: FeedRunRecord[];
}

/**
 * Where run records are kept for GET /api/feeds: in Redis next to the BullMQ queue (so that every
 * process sees the same status), in memory for the in-process scheduler.
 */
export interface FeedStatusStore {
  record(feedId: string, run: FeedRunRecord): Promise<void>;
  read(feedId: string): Promise<FeedRecord>;
}

export class MemoryFeedStatusStore implements FeedStatusStore {
  readonly #records = new Map<string, FeedRecord>();

  record(feedId: string, run: FeedRunRecord): Promise<void> {
    const previous = this.#records.get(feedId) ?? { summary: EMPTY_FEED_RUN_SUMMARY, history: [] };
    this.#records.set(feedId, {
      summary: summariseRun(previous.summary, run),
      history: [run, ...previous.history].slice(0, MAX_FEED_HISTORY),
    });
    return Promise.resolve();
  }

  read(feedId: string): Promise<FeedRecord> {
    const record = this.#records.get(feedId);
    return Promise.resolve(
      record === undefined
        ? { summary: EMPTY_FEED_RUN_SUMMARY, history: [] }
        : { ...record, history: [...record.history] },
    );
  }
}

/** The commands of BullMQ's Redis client (IRedisClient) this store uses. */
export interface StatusRedis {
  defineCommand(name: string, definition: { numberOfKeys: number; lua: string }): void;
  runCommand(name: string, args: Array<string | number>): Promise<unknown>;
  hgetall(key: string): Promise<Record<string, string>>;
  lrange(key: string, start: number, end: number): Promise<string[]>;
}

const RECORD_COMMAND = 'sscFeedRecordRun';

/**
 * Appends a run and folds it into the summary in one atomic step, so that concurrent workers never
 * lose an update: KEYS summary hash, history list; ARGV run JSON, history length, startedAt,
 * finishedAt, ok ('1'/'0'), last error JSON. Times only move forward.
 */
const RECORD_LUA = `
redis.call('LPUSH', KEYS[2], ARGV[1])
redis.call('LTRIM', KEYS[2], 0, tonumber(ARGV[2]) - 1)
local function raise(field, value)
  local current = tonumber(redis.call('HGET', KEYS[1], field))
  if current == nil or tonumber(value) > current then redis.call('HSET', KEYS[1], field, value) end
end
raise('lastRunAt', ARGV[3])
if ARGV[5] == '1' then raise('lastSuccessAt', ARGV[4]) else redis.call('HSET', KEYS[1], 'lastError', ARGV[6]) end
return 1
`;

function parseSummary(hash: Readonly<Record<string, string>>): FeedRunSummary {
  const time = (text: string | undefined) => (text === undefined ? null : Number(text));
  return {
    lastRunAt: time(hash.lastRunAt),
    lastSuccessAt: time(hash.lastSuccessAt),
    lastError:
      hash.lastError === undefined ? null : (JSON.parse(hash.lastError) as FeedRunSummary['lastError']),
  };
}

/** Run records in Redis under `<keyPrefix>:feed-status:<feedId>:{summary,history}`. */
export class RedisFeedStatusStore implements FeedStatusStore {
  readonly #defined = new WeakSet<StatusRedis>();

  constructor(
    private readonly client: () => Promise<StatusRedis>,
    private readonly keyPrefix: string,
  ) {}

  async record(feedId: string, run: FeedRunRecord): Promise<void> {
    const redis = await this.#redis();
    const lastError = run.ok ? '' : JSON.stringify(summariseRun(EMPTY_FEED_RUN_SUMMARY, run).lastError);
    await redis.runCommand(RECORD_COMMAND, [
      ...this.#keys(feedId),
      JSON.stringify(run),
      MAX_FEED_HISTORY,
      run.startedAt,
      run.finishedAt,
      run.ok ? '1' : '0',
      lastError,
    ]);
  }

  async read(feedId: string): Promise<FeedRecord> {
    const redis = await this.#redis();
    const [summaryKey, historyKey] = this.#keys(feedId);
    const [hash, entries] = await Promise.all([
      redis.hgetall(summaryKey),
      redis.lrange(historyKey, 0, MAX_FEED_HISTORY - 1),
    ]);
    return {
      summary: parseSummary(hash),
      history: entries.map((entry) => JSON.parse(entry) as FeedRunRecord),
    };
  }

  #keys(feedId: string): [string, string] {
    const base = `${this.keyPrefix}:feed-status:${feedId}`;
    return [`${base}:summary`, `${base}:history`];
  }

  async #redis(): Promise<StatusRedis> {
    const redis = await this.client();
    if (!this.#defined.has(redis)) {
      redis.defineCommand(RECORD_COMMAND, { numberOfKeys: 2, lua: RECORD_LUA });
      this.#defined.add(redis);
    }
    return redis;
  }
}
