import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import type { Logger } from 'pino';
import { parseCredentials, type CredentialTable, type SensorCredential } from './sensor-credentials.js';

export interface CredentialWatcherOptions {
  readonly file: string;
  /**
   * Re-read period, the fallback where file events are not delivered (network and container
   * mounts). Revocation takes at most this long. @defaultValue 30000
   */
  readonly pollMs?: number;
  readonly logger: Logger;
}

export const DEFAULT_CREDENTIAL_POLL_MS = 30_000;

/** Called with the sensor ids whose credential disappeared or changed since the last read. */
export type RevocationListener = (sensorIds: readonly string[]) => void;

/**
 * The sensors' credentials, kept in step with the file the sensors CLI edits: it watches the folder
 * (the CLI replaces the file by renaming, which a watch on the file itself would miss) and re-reads
 * on a timer as well. A missing file is an empty table; a malformed one keeps the last good table.
 */
export class CredentialWatcher {
  #table: CredentialTable = new Map();
  #text: string | undefined;
  #watcher: FSWatcher | undefined;
  #timer: NodeJS.Timeout | undefined;
  #listeners: RevocationListener[] = [];

  constructor(private readonly options: CredentialWatcherOptions) {}

  get size(): number {
    return this.#table.size;
  }

  get(sensorId: string): SensorCredential | undefined {
    return this.#table.get(sensorId);
  }

  onRevoked(listener: RevocationListener): void {
    this.#listeners.push(listener);
  }

  async start(): Promise<void> {
    await this.reload();
    const { file, logger } = this.options;
    try {
      this.#watcher = watch(dirname(file), (_event, name) => {
        if (name === null || name === basename(file)) void this.reload();
      });
      this.#watcher.on('error', (error) => logger.warn({ err: error }, 'credentials folder watch failed'));
    } catch (error) {
      // The folder may not exist yet: the timer picks the file up once the CLI creates it.
      logger.debug({ err: error }, 'credentials folder not watched; polling only');
    }
    this.#timer = setInterval(() => void this.reload(), this.options.pollMs ?? DEFAULT_CREDENTIAL_POLL_MS);
    this.#timer.unref();
  }

  stop(): void {
    this.#watcher?.close();
    clearInterval(this.#timer);
    this.#watcher = undefined;
    this.#timer = undefined;
  }

  /** Re-reads the file; tells the listeners which sensors lost (or changed) their credential. */
  async reload(): Promise<void> {
    const text = await readFile(this.options.file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      this.options.logger.error({ err: error }, 'cannot read the MQTT credentials file');
      return undefined;
    });
    if (text === undefined || text === this.#text) return;
    let next: CredentialTable;
    try {
      next = parseCredentials(text);
    } catch (error) {
      this.options.logger.error({ err: error }, 'MQTT credentials file rejected; keeping the previous one');
      return;
    }
    const revoked = [...this.#table].filter(([id, old]) => next.get(id)?.hash !== old.hash).map(([id]) => id);
    this.#text = text;
    this.#table = next;
    this.options.logger.info({ sensors: next.size, revoked: revoked.length }, 'MQTT credentials loaded');
    if (revoked.length > 0) for (const listener of this.#listeners) listener(revoked);
  }
}
