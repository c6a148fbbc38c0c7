import { useId, useState, type FormEvent } from 'react';
import { signIn, SignInFailed, type Session, type SignInError } from '../lib/session/session-api';
import './styles/sign-in.css';

const MESSAGES: Readonly<Record<SignInError, string>> = {
  WEB_ERR_BAD_KEY: 'This key is unknown or revoked. Check it with whoever gave it to you.',
  WEB_ERR_RATE_LIMITED: 'Too many attempts from this address. Wait a minute and try again.',
  WEB_ERR_UNREACHABLE: 'Cannot reach the platform. Is it running? Try again in a moment.',
};

export interface SignInScreenProps {
  /** The session check itself failed: say so rather than ask for a key. */
  readonly unreachable: boolean;
  readonly onSignedIn: (session: Session) => void;
}

/** Paste an API key; the server answers with an HttpOnly session cookie, so the key is not kept here. */
export function SignInScreen({ unreachable, onSignedIn }: SignInScreenProps) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SignInError | null>(unreachable ? 'WEB_ERR_UNREACHABLE' : null);
  const inputId = useId();
  const hintId = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (key.trim() === '') return;
    setBusy(true);
    signIn(key)
      .then(onSignedIn, (failure: unknown) =>
        setError(failure instanceof SignInFailed ? failure.code : 'WEB_ERR_UNREACHABLE'),
      )
      .finally(() => setBusy(false));
  };

  return (
    <main className="sign-in" id="main">
      <form className="sign-in__form" onSubmit={submit} aria-labelledby={`${inputId}-title`}>
        <h1 id={`${inputId}-title`}>Sign in to the master plan monitor</h1>
        <label htmlFor={inputId}>API key</label>
        <input
          id={inputId}
          name="api-key"
          type="password"
          autoComplete="off"
          spellCheck={false}
          required
          value={key}
          aria-describedby={hintId}
          aria-invalid={error === 'WEB_ERR_BAD_KEY'}
          onChange={(event) => setKey(event.target.value)}
          data-testid="sign-in-key"
        />
        <p id={hintId} className="sign-in__hint">
          Paste the key you were given (it starts with <code>ssc_</code>). On a first start, the platform
          prints an admin key in its log.
        </p>
        {error !== null && (
          <p className="sign-in__error" role="alert" data-testid="sign-in-error" data-error-code={error}>
            {MESSAGES[error]}
          </p>
        )}
        <button type="submit" className="button" disabled={busy} data-testid="sign-in-submit">
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
