import { createContext, useContext } from 'react';
import { roleAtLeast, type Role, type Session } from './session-api';

export interface SessionState {
  readonly session: Session;
  readonly signOut: () => void;
  /** On a public dashboard: show the sign-in screen, for staff who need more than the public view. */
  readonly signIn: () => void;
}

export const SessionContext = createContext<SessionState | null>(null);

/** The signed-in session; outside the gate (tests of single views) nobody is signed in. */
export function useSession(): SessionState | null {
  return useContext(SessionContext);
}

/** Whether the current session may use controls that need `role`; the server enforces it anyway. */
export function useCan(role: Role): boolean {
  return roleAtLeast(useSession()?.session.role, role);
}
