import { StoreError } from './store-error.js';

type State = 'new' | 'starting' | 'open' | 'closed';

/**
 * Start/close bookkeeping shared by the adapters on the embedded database: one start, then any
 * number of closes; a failed start may be retried; a close during start waits for it.
 */
export class Lifecycle {
  readonly #what: string;
  #state: State = 'new';
  #starting: Promise<void> = Promise.resolve();

  constructor(what: string) {
    this.#what = what;
  }

  get isOpen(): boolean {
    return this.#state === 'open';
  }

  start(open: () => Promise<void>): Promise<void> {
    if (this.#state !== 'new') {
      return Promise.reject(
        new StoreError('STORE_ERR_OPEN', `${this.#what} cannot start when ${this.#state}`),
      );
    }
    this.#state = 'starting';
    this.#starting = open().then(
      () => {
        this.#state = 'open';
      },
      (error: unknown) => {
        this.#state = 'new';
        throw error;
      },
    );
    return this.#starting;
  }

  /** Runs `release` once, and only if the start succeeded. */
  async close(release: () => Promise<void>): Promise<void> {
    if (this.#state === 'starting') await this.#starting.catch(() => undefined);
    const wasOpen = this.#state === 'open';
    this.#state = 'closed';
    if (wasOpen) await release();
  }

  /** A StoreError with STORE_ERR_CLOSED unless open. */
  closedError(): StoreError | undefined {
    if (this.#state === 'open') return undefined;
    const state = this.#state === 'closed' ? 'closed' : 'not started';
    return new StoreError('STORE_ERR_CLOSED', `${this.#what} is ${state}`);
  }
}
