import { useMemo, useState } from 'react';
import type { DeadLetter } from '@ssc-monitor/core';
import { useLiveEvent } from '../../../lib/live-context';
import { useApi } from '../../../lib/use-api';
import { fetchDeadLetters } from '../api/data-health-api';
import { mergeDeadLetters } from '../utils/merge-dead-letters';

/** The newest rejected messages: the log's, then each `dead-letter` event as it arrives. */
export function useDeadLetters(limit: number) {
  const fetched = useApi(`dead-letters|${limit}`, (signal) => fetchDeadLetters(limit, signal));
  const [live, setLive] = useState<readonly DeadLetter[]>([]);
  useLiveEvent('dead-letter', (letter) => setLive((current) => [letter, ...current].slice(0, limit)));
  const letters = useMemo(
    () => mergeDeadLetters(live, fetched.data ?? [], limit),
    [live, fetched.data, limit],
  );
  return { ...fetched, letters };
}
