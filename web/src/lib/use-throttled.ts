import { useEffect, useRef, useState } from 'react';

/**
 * `value`, changed at most once every `ms`: the latest value is shown when the period ends, so
 * nothing is lost, but a chart fed 4 times a second redraws once per period. The value a component
 * mounts with is shown without starting a period, so the first change (the data it was waiting for)
 * shows at once rather than a period later.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastAt = useRef<number | null>(null);
  const mounted = useRef(value);
  useEffect(() => {
    if (lastAt.current === null && value === mounted.current) return undefined;
    const wait = (lastAt.current ?? -Infinity) + ms - Date.now();
    const show = () => {
      lastAt.current = Date.now();
      setShown(value);
    };
    if (wait <= 0) {
      show();
      return undefined;
    }
    const timer = setTimeout(show, wait);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return shown;
}
