import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
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
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const [state, setState] = useState<GateState>({ kind: 'checking' });

  const check = useCallback(() => {
    fetchSession().then(
      (session) => setState({ kind: 'ready', session }),
      () => setState({ kind: 'unreachable' }),
    );
  }, []);

  useEffect(() => {
    check();
    window.addEventListener(SIGNED_OUT_EVENT, check);
    return () => window.removeEventListener(SIGNED_OUT_EVENT, check);
  }, [check]);

  const context = useMemo<SessionState | null>(() => {
    if (state.kind !== 'ready') return null;
    const leave = () => void signOut().then((session) => setState({ kind: 'ready', session }), check);
    return { session: state.session, signOut: leave, signIn: () => setState({ kind: 'signing-in' }) };
  }, [state, check]);

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
        onSignedIn={(session) => setState({ kind: 'ready', session })}
      />
    );
  return <SessionContext.Provider value={context}>{children}</SessionContext.Provider>;
}
