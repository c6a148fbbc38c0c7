import { useMemo, useSyncExternalStore } from 'react';
import { parseRoute, type Route } from '../lib/hash-route';

function subscribe(notify: () => void): () => void {
  window.addEventListener('hashchange', notify);
  return () => window.removeEventListener('hashchange', notify);
}

/** The current route, from the URL hash; links change it, so back and forward work as usual. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseRoute(hash), [hash]);
}
