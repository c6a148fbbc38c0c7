import { useSyncExternalStore } from 'react';

/*
 * One shared one-second ticker for every "12 s ago" on the page, started by the first subscriber and
 * stopped with the last, so a screen full of tiles runs one timer rather than one each.
 */
const subscribers = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | undefined;
let now = Date.now();

function subscribe(notify: () => void): () => void {
  subscribers.add(notify);
  if (timer === undefined) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      for (const subscriber of subscribers) subscriber();
    }, 1000);
  }
  return () => {
    subscribers.delete(notify);
    if (subscribers.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, epoch ms, updated every second while the component is mounted. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, () => now);
}
