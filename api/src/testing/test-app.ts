import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { afterEach } from 'vitest';
import { buildApiApp, type ApiAppOptions } from '../app.js';
import { createMemoryView, type MemoryPlatformView } from './memory-platform-view.js';

/** Fixed "now" of the test clock: 2026-01-01T00:00:00Z. */
export const TEST_NOW = Date.UTC(2026, 0, 1);

export interface TestApp {
  readonly app: FastifyInstance;
  readonly view: MemoryPlatformView;
}

/** The real app over an in-memory view with a fixed clock; close `app` after each test. */
export async function buildTestApp(options: Partial<ApiAppOptions> = {}): Promise<TestApp> {
  const view = createMemoryView(TEST_NOW);
  const app = await buildApiApp(view, { logger: false, clock: { now: () => TEST_NOW }, ...options });
  return { app, view };
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
