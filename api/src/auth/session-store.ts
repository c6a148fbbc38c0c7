import { randomBytes } from 'node:crypto';
import type { Clock } from '@ssc-monitor/core';

export const SESSION_COOKIE = 'ssc_session';

export interface SessionOptions {
  /**
   * Lifetime of a session from sign-in, in ms.
   * @defaultValue 12 h (a working day at a wall screen)
   */
  readonly ttlMs: number;
  /**
   * Most sessions kept; the oldest is dropped beyond it, so sign-ins cannot exhaust memory.
   * @defaultValue 10000
   */
  readonly maxSessions: number;
}

export const DEFAULT_SESSION_OPTIONS: SessionOptions = { ttlMs: 12 * 3_600_000, maxSessions: 10_000 };

interface Session {
  readonly keyId: string;
  readonly expiresAt: number;
}

/**
 * Sessions in memory: an opaque random id in an HttpOnly cookie maps to the API key it was opened
 * with. A restart signs everyone out, which is acceptable for a dashboard and keeps no secret on disk.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(
    private readonly clock: Clock,
    private readonly options: SessionOptions = DEFAULT_SESSION_OPTIONS,
  ) {}

  open(keyId: string): { id: string; maxAgeSeconds: number } {
    if (this.sessions.size >= this.options.maxSessions) {
      const oldest = this.sessions.keys().next();
      if (oldest.done !== true) this.sessions.delete(oldest.value);
    }
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { keyId, expiresAt: this.clock.now() + this.options.ttlMs });
    return { id, maxAgeSeconds: Math.floor(this.options.ttlMs / 1000) };
  }

  /** The key id of a live session, or undefined (expired sessions are forgotten here). */
  keyIdOf(id: string): string | undefined {
    const session = this.sessions.get(id);
    if (session === undefined) return undefined;
    if (session.expiresAt <= this.clock.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session.keyId;
  }

  close(id: string): void {
    this.sessions.delete(id);
  }
}
