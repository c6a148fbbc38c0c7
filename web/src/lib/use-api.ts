import { useCallback, useEffect, useRef, useState } from 'react';
import { RETRY_DELAY_MS } from '../config/app-config';
import { ApiError, isAbortError } from './api-client';

export interface ApiState<T> {
  /** The last good answer; kept while a new request for the same view runs, so the screen does not blank. */
  readonly data: T | undefined;
  readonly error: ApiError | undefined;
  readonly loading: boolean;
  /** Epoch ms of the next automatic retry, when the last error was retryable. */
  readonly retryAt: number | null;
  readonly reload: () => void;
}

function asApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ApiError('WEB_ERR_BAD_RESPONSE', `Unexpected failure: ${message}`, { path: '', cause: error });
}

/**
 * Runs `load` whenever `key` changes, aborting the previous request. Retryable failures (API down, 5xx)
 * are retried every RETRY_DELAY_MS, so an unattended wall screen recovers without a reload.
 */
export function useApi<T>(key: string, load: (signal: AbortSignal) => Promise<T>): ApiState<T> {
  const loadRef = useRef(load);
  // Declared before the request effect, so it runs first and the request uses this render's `load`.
  useEffect(() => {
    loadRef.current = load;
  });
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<Omit<ApiState<T>, 'reload'>>({
    data: undefined,
    error: undefined,
    loading: true,
    retryAt: null,
  });

  useEffect(() => {
    const controller = new AbortController();
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current(controller.signal).then(
      (data) => setState({ data, error: undefined, loading: false, retryAt: null }),
      (error: unknown) => {
        if (controller.signal.aborted || isAbortError(error)) return;
        const apiError = asApiError(error);
        const retryAt = apiError.retryable ? Date.now() + RETRY_DELAY_MS : null;
        if (retryAt !== null) retryTimer = setTimeout(() => setAttempt((n) => n + 1), RETRY_DELAY_MS);
        setState((s) => ({ data: s.data, error: apiError, loading: false, retryAt }));
      },
    );
    return () => {
      controller.abort();
      clearTimeout(retryTimer);
    };
  }, [key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { ...state, reload };
}
