import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { latestOnly } from '../lib/latest-only';
import { fetchSession, signOut, SIGNED_OUT_EVENT, type Session } from '../lib/session/session-api';
import { SessionContext, type SessionState } from '../lib/session/session-context';
import { SignInScreen } from './sign-in-screen';

type GateState =
  | { kind: 'checking' }
  | { kind: 'unreachable' }
  | { kind: 'signing-in' }
  | { kind: 'ready'; session: Session };

const mayView = (session: Session) => session.authenticated || session.publicDashboard;

/**
 * Shows the dashboard to a signed-in browser (or to anyone when the public dashboard is on), and the
 * sign-in screen otherwise. Any 401 from the API brings the sign-in screen back (expired or revoked key).
 *
 * Session checks, sign-in and sign-out race: a 401 to a request sent before signing in starts a check
 * whose answer (signed out) may arrive after the sign-in. Only the latest of them may set the state.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>({ kind: 'checking' });
  const [begin] = useState(latestOnly);
  /** Starts a change of state: the setter it returns applies only if no later change has started. */
  const setLatest = useCallback(() => {
    const isCurrent = begin();
    return (next: GateState) => {
      if (isCurrent()) setState(next);
    };
  }, [begin]);

  const check = useCallback(() => {
    const set = setLatest();
    fetchSession().then(
      (session) => set({ kind: 'ready', session }),
      () => set({ kind: 'unreachable' }),
    );
  }, [setLatest]);

  useEffect(() => {
    check();
    window.addEventListener(SIGNED_OUT_EVENT, check);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, check);
  }, [check]);

  const context = useMemo<SessionState | null>(() => {
    if (state.kind !== 'ready') return null;
    const leave = () => {
      const set = setLatest();
      signOut().then((session) => set({ kind: 'ready', session }), check);
    };
    return { session: state.session, signOut: leave, signIn: () => setLatest()({ kind: 'signing-in' }) };
  }, [state, check, setLatest]);

  if (state.kind === 'checking')
    return (
      <p className="async-state" role="status">
        Checking your sign-in…
      </p>
    );
  if (context === null || !mayView(context.session))
    return (
      <SignInScreen
        unreachable={state.kind === 'unreachable'}
        onSignedIn={(session) => setLatest()({ kind: 'ready', session })}
      />
    );
  return <SessionContext.Provider value={context}>{children}</SessionContext.Provider>;
}
