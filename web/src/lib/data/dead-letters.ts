import { useMemo, useState } from 'react';
import type { DeadLetter } from '@ssc-monitor/core';
import { getJson } from '../api-client';
import { isDeadLetter } from '../domain-guards';
import { envelopeOf } from '../guards';
import { useLiveEvent } from '../live-context';
import { useApi } from '../use-api';
import { useInterval } from '../use-interval';
import { mergeDeadLetters } from './merge-dead-letters';

const isDeadLetterList = envelopeOf('deadLetters', isDeadLetter);

export async function fetchDeadLetters(limit: number, signal: AbortSignal): Promise<DeadLetter[]> {
  return (await getJson('/dead-letters', isDeadLetterList, { signal, query: { limit } })).deadLetters;
}

/**
 * The newest rejected messages: the log's, then each `dead-letter` event as it arrives. `pollMs`
 * refetches the log on that period, which fills in letters missed while the stream was down.
 */
export function useDeadLetters(limit: number, pollMs: number | null = null) {
  const fetched = useApi(`dead-letters|${limit}`, (signal) => fetchDeadLetters(limit, signal));
  useInterval(fetched.reload, pollMs);
  const [live, setLive] = useState<readonly DeadLetter[]>([]);
  useLiveEvent('dead-letter', (letter) => setLive((current) => [letter, ...current].slice(0, limit)));
  const letters = useMemo(
    () => mergeDeadLetters(live, fetched.data ?? [], limit),
    [live, fetched.data, limit],
  );
  return { ...fetched, letters };
}
