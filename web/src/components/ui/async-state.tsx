import type { ApiError } from '../../lib/api-client';
import { useNow } from '../../lib/use-now';

export function LoadingState({ what }: { what: string }) {
  return (
    <p className="async-state" role="status" data-testid="loading">
      Loading {what}…
    </p>
  );
}

export interface ErrorStateProps {
  readonly error: ApiError;
  /** Epoch ms of the automatic retry, if one is scheduled. */
  readonly retryAt?: number | null;
  readonly onRetry?: () => void;
}

/** A failed request, in words a person can act on, with when the screen will try again. */
export function ErrorState({ error, retryAt = null, onRetry }: ErrorStateProps) {
  return (
    <div
      className="async-state async-state--error"
      role="alert"
      data-testid="error"
      data-error-code={error.code}
    >
      <p>{error.message}</p>
      {retryAt !== null && <RetryCountdown at={retryAt} />}
      {onRetry !== undefined && (
        <button type="button" className="button" onClick={onRetry}>
          Retry now
        </button>
      )}
    </div>
  );
}

function RetryCountdown({ at }: { at: number }) {
  const now = useNow();
  const seconds = Math.max(0, Math.ceil((at - now) / 1000));
  return <p className="muted">{seconds > 0 ? `Retrying in ${seconds} s…` : 'Retrying…'}</p>;
}
