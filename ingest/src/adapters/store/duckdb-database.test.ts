import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DUCKDB_FILE_NAME, DuckDbDatabase, IN_MEMORY } from './duckdb-database.js';
import { StoreError } from './store-error.js';

function gate(): { opened: Promise<void>; open(): void } {
  let open = (): void => undefined;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

const codeOf = (promise: Promise<unknown>): Promise<unknown> =>
  promise.then(
    () => 'resolved',
    (error: unknown) => (error instanceof StoreError ? error.code : error),
  );

describe('DuckDbDatabase', () => {
  let database: DuckDbDatabase;

  beforeEach(async () => {
    database = new DuckDbDatabase({ dataDir: IN_MEMORY });
    await database.start();
  });

  afterEach(async () => {
    while (database.isOpen) await database.close();
  });

  it('runs writes one at a time, while reads go on beside them', async () => {
    const events: string[] = [];
    const held = gate();
    const first = database.write(async (connection) => {
      events.push('write 1 start');
      await held.opened;
      await connection.run('SELECT 1');
      events.push('write 1 end');
    });
    const second = database.write(async () => {
      events.push('write 2 start');
    });
    await database.read((connection) => connection.run('SELECT 1'));
    events.push('read done');
    held.open();
    await Promise.all([first, second]);
    expect(events).toEqual(['write 1 start', 'read done', 'write 1 end', 'write 2 start']);
  });

  it('wraps a failed write in STORE_ERR_WRITE with the cause, and keeps serving', async () => {
    const failed = database.write((connection) => connection.run('SELECT * FROM no_such_table'));
    const error: unknown = await failed.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('STORE_ERR_WRITE');
    expect((error as StoreError).cause).toBeInstanceOf(Error);
    expect(await codeOf(database.read((connection) => connection.run('SELECT * FROM no_such_table')))).toBe(
      'STORE_ERR_QUERY',
    );
    expect(await codeOf(database.write((connection) => connection.run('SELECT 1')))).toBe('resolved');
  });

  it('stays open until every start has been closed', async () => {
    await database.start();
    await database.close();
    expect(await codeOf(database.read((connection) => connection.run('SELECT 1')))).toBe('resolved');
    await database.close();
    expect(database.isOpen).toBe(false);
    expect(await codeOf(database.read((connection) => connection.run('SELECT 1')))).toBe('STORE_ERR_CLOSED');
    await database.close();
  });

  it('creates a missing data directory and keeps committed data in the file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'ssc-db-'));
    const dataDir = join(root, 'nested', 'data');
    try {
      const onDisk = new DuckDbDatabase({ dataDir });
      await onDisk.start();
      await onDisk.write((connection) => connection.run('CREATE TABLE t AS SELECT 42 AS answer'));
      await onDisk.close();
      await access(join(dataDir, DUCKDB_FILE_NAME));
      const again = new DuckDbDatabase({ dataDir });
      await again.start();
      const answer = await again.read(async (c) => (await c.runAndReadAll('SELECT answer FROM t')).getRows());
      await again.close();
      expect(answer).toEqual([[42]]);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
