import type { FastifyBaseLogger, FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { afterEach } from 'vitest';
import { buildApiApp, type ApiAppOptions } from '../app.js';
import { ApiKeyStore, MemoryKeyPersistence } from '../auth/api-key-store.js';
import { ROLES, type Role } from '../auth/roles.js';
import { createMemoryView, type MemoryPlatformView } from './memory-platform-view.js';

/** Fixed "now" of the test clock: 2026-01-01T00:00:00Z. */
export const TEST_NOW = Date.UTC(2026, 0, 1);

export interface TestApp {
  readonly app: FastifyInstance;
  readonly view: MemoryPlatformView;
  readonly keys: ApiKeyStore;
  /** One active API key per role. */
  readonly keyFor: Readonly<Record<Role, string>>;
  /** `app.inject` with the key of `role` (admin unless told) as a Bearer token. */
  inject(request: string | InjectOptions, role?: Role): Promise<LightMyRequestResponse>;
}

/** An `Authorization` header carrying `key`. */
export function bearer(key: string): { authorization: string } {
  return { authorization: `Bearer ${key}` };
}

/** A key store in memory with one key per role. */
export async function createTestKeys(): Promise<{ keys: ApiKeyStore; keyFor: Record<Role, string> }> {
  const keys = new ApiKeyStore(new MemoryKeyPersistence());
  const entries = [];
  for (const role of ROLES) entries.push([role, (await keys.create({ name: `test ${role}`, role })).key]);
  return { keys, keyFor: Object.fromEntries(entries) as Record<Role, string> };
}

/** The real app over an in-memory view with a fixed clock; close `app` after each test. */
export async function buildTestApp(options: Partial<ApiAppOptions> = {}): Promise<TestApp> {
  const view = createMemoryView(TEST_NOW);
  const { keys, keyFor } = await createTestKeys();
  const app = await buildApiApp(view, {
    logger: false,
    clock: { now: () => TEST_NOW },
    ...options,
    auth: { keys, ...options.auth },
  });
  const inject = (request: string | InjectOptions, role: Role = 'admin') => {
    const options = typeof request === 'string' ? { url: request } : request;
    return app.inject({ ...options, headers: { ...bearer(keyFor[role]), ...options.headers } });
  };
  return { app, view, keys, keyFor, inject };
}

export interface LogRecord {
  readonly level: string;
  readonly args: readonly unknown[];
}

/** A logger that keeps what it is given, to check what the app logs. */
export function recordingLogger(records: LogRecord[]): FastifyBaseLogger {
  const at =
    (level: string) =>
    (...args: unknown[]): void => {
      records.push({ level, args });
    };
  const logger: FastifyBaseLogger = {
    level: 'trace',
    fatal: at('fatal'),
    error: at('error'),
    warn: at('warn'),
    info: at('info'),
    debug: at('debug'),
    trace: at('trace'),
    silent: at('silent'),
    child: () => logger,
  };
  return logger;
}

/** Registers teardown and returns a starter: each test gets a fresh app, closed after it. */
export function useTestApp(): () => Promise<TestApp> {
  let current: TestApp | undefined;
  afterEach(async () => {
    await current?.app.close();
    current = undefined;
  });
  return async () => (current = await buildTestApp());
}
