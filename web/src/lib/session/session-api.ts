import { API_BASE } from '../../config/app-config';
import { isRecord, isString } from '../guards';

/** Roles in increasing order of power, as the API's access policy names them. */
export const ROLES = ['viewer', 'operator', 'planner', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** GET /api/session: who the browser is signed in as, if anyone. */
export interface Session {
  readonly authenticated: boolean;
  readonly role?: Role;
  readonly name?: string;
  readonly publicDashboard: boolean;
}

/** Fired on window whenever the API answers 401, so the app shows the sign-in screen again. */
export const SIGNED_OUT_EVENT = 'ssc-monitor:signed-out';

export function announceIfSignedOut(status: number): void {
  if (status === 401 && typeof window !== 'undefined') window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
}

const isRole = (value: unknown): value is Role => (ROLES as readonly unknown[]).includes(value);

export function isSession(value: unknown): value is Session {
  return (
    isRecord(value) &&
    typeof value.authenticated === 'boolean' &&
    typeof value.publicDashboard === 'boolean' &&
    (value.role === undefined || isRole(value.role)) &&
    (value.name === undefined || isString(value.name))
  );
}

export function roleAtLeast(role: Role | undefined, required: Role): boolean {
  return role !== undefined && ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** Stable outcomes of a sign-in, so the screen chooses its words by code. */
export type SignInError = 'WEB_ERR_BAD_KEY' | 'WEB_ERR_RATE_LIMITED' | 'WEB_ERR_UNREACHABLE';

export class SignInFailed extends Error {
  override readonly name = 'SignInFailed';
  constructor(readonly code: SignInError) {
    super(code);
  }
}

async function sessionCall(method: 'GET' | 'POST' | 'DELETE', body?: unknown): Promise<Response> {
  try {
    return await fetch(`${API_BASE}/session`, {
      method,
      headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new SignInFailed('WEB_ERR_UNREACHABLE');
  }
}

async function sessionOf(response: Response): Promise<Session> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok || !isSession(body)) throw new SignInFailed('WEB_ERR_UNREACHABLE');
  return body;
}

export async function fetchSession(): Promise<Session> {
  return sessionOf(await sessionCall('GET'));
}

/** Exchanges an API key for the session cookie; the key is not kept anywhere in the browser. */
export async function signIn(key: string): Promise<Session> {
  const response = await sessionCall('POST', { key: key.trim() });
  if (response.status === 401 || response.status === 400) throw new SignInFailed('WEB_ERR_BAD_KEY');
  if (response.status === 429) throw new SignInFailed('WEB_ERR_RATE_LIMITED');
  return sessionOf(response);
}

export async function signOut(): Promise<Session> {
  return sessionOf(await sessionCall('DELETE'));
}
