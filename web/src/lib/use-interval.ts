import { useEffect, useRef } from 'react';

/** Calls `callback` every `ms` while mounted; `null` pauses. The latest callback is used each time. */
export function useInterval(callback: () => void, ms: number | null): void {
  const ref = useRef(callback);
  useEffect(() => {
    ref.current = callback;
  });
  useEffect(() => {
    if (ms === null) return;
    const timer = setInterval(() => ref.current(), ms);
    return () => clearInterval(timer);
  }, [ms]);
}
