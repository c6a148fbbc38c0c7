import {
  createContext,
  startTransition,
  useContext,
  useEffect,
  useRef,
  useState,
  useSyncExternalStore,
  type ReactNode,
} from 'react';
import { STREAM_PATH } from '../config/app-config';
import {
  LiveStream,
  type LiveEventMap,
  type LiveEventType,
  type LiveStateType,
  type LiveStatus,
} from './live-stream';

const LiveContext = createContext<LiveStream | null>(null);

/** Opens the one live stream of the page for as long as the app is mounted. */
export function LiveProvider({ children, url = STREAM_PATH }: { children: ReactNode; url?: string }) {
  const [stream] = useState(() => new LiveStream(url));
  useEffect(() => {
    stream.start();
    return () => stream.stop();
  }, [stream]);
  return <LiveContext.Provider value={stream}>{children}</LiveContext.Provider>;
}

export function useLiveStream(): LiveStream {
  const stream = useContext(LiveContext);
  if (stream === null) throw new Error('useLiveStream must be used inside <LiveProvider>');
  return stream;
}

export function useLiveStatus(): LiveStatus {
  const stream = useLiveStream();
  return useSyncExternalStore(
    (notify) => stream.onStatus(notify),
    () => stream.status,
  );
}

/**
 * Newest KPI snapshots or sensor states received on the stream, by id. Each delivery renders as a
 * transition, which React splits into slices that leave room for input and frames: a delivery
 * re-renders every tile of the wall screen, too long a task to run in one piece.
 */
export function useLiveMap<K extends LiveStateType>(type: K): ReadonlyMap<string, LiveEventMap[K]> {
  const stream = useLiveStream();
  const [latest, setLatest] = useState(() => stream.latest(type));
  useEffect(() => {
    const update = () => startTransition(() => setLatest(stream.latest(type)));
    // What arrived between the first render and this subscription.
    update();
    return stream.onLatest(type, update);
  }, [stream, type]);
  return latest;
}

/** Calls `listener` for each live event of `type`; the latest listener is used without resubscribing. */
export function useLiveEvent<K extends LiveEventType>(
  type: K,
  listener: (data: LiveEventMap[K]) => void,
): void {
  const stream = useLiveStream();
  const ref = useRef(listener);
  useEffect(() => {
    ref.current = listener;
  });
  useEffect(() => {
    const off = stream.on(type, (data) => ref.current(data));
    return () => {
      off();
    };
  }, [stream, type, ref]);
}
