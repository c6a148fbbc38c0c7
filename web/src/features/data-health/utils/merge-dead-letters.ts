import type { DeadLetter } from '@ssc-monitor/core';

/** No id is served, so a letter is known by when, where and why it was rejected. */
const keyOf = (letter: DeadLetter): string =>
  `${letter.receivedAt}|${letter.topic}|${letter.code}|${letter.payloadBytes}`;

/**
 * Newest first, at most `limit`: letters fetched from the log and letters received live since, without
 * duplicates when both saw the same one.
 */
export function mergeDeadLetters(
  live: readonly DeadLetter[],
  fetched: readonly DeadLetter[],
  limit: number,
): DeadLetter[] {
  const byKey = new Map<string, DeadLetter>();
  for (const letter of [...live, ...fetched]) if (!byKey.has(keyOf(letter))) byKey.set(keyOf(letter), letter);
  return [...byKey.values()].sort((a, b) => b.receivedAt - a.receivedAt).slice(0, limit);
}
