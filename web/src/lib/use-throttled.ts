import { useEffect, useRef, useState } from 'react';

/**
 * `value`, changed at most once every `ms`: the latest value is shown when the period ends, so
 * nothing is lost, but a chart fed 4 times a second redraws once per period.
 */
export function useThrottled<T>(value: T, ms: number): T {
  const [shown, setShown] = useState(value);
  const lastAt = useRef(0);
  useEffect(() => {
    const wait = lastAt.current + ms - Date.now();
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
