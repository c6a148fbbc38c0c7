import type { DeadLetter } from '@ssc-monitor/core';

/** No id is served, so a letter is known by when, where and why it was rejected. */
const keyOf = (letter: DeadLetter): string =>
  `${letter.receivedAt}|${letter.topic}|${letter.code}|${letter.payloadBytes}`;

function countByKey(letters: readonly DeadLetter[]): Map<string, DeadLetter[]> {
  const byKey = new Map<string, DeadLetter[]>();
  for (const letter of letters) {
    const same = byKey.get(keyOf(letter));
    if (same === undefined) byKey.set(keyOf(letter), [letter]);
    else same.push(letter);
  }
  return byKey;
}

/**
 * Newest first, at most `limit`: letters fetched from the log and letters received live since, without
 * duplicates when both saw the same one. Identical letters (a sender repeating a bad message within one
 * millisecond) are distinct rejections: each key is kept as many times as the list that saw it most
 * often has it, so a burst is counted in full.
 */
export function mergeDeadLetters(
  live: readonly DeadLetter[],
  fetched: readonly DeadLetter[],
  limit: number,
): DeadLetter[] {
  const fromLive = countByKey(live);
  const fromLog = countByKey(fetched);
  const merged: DeadLetter[] = [];
  for (const key of new Set([...fromLive.keys(), ...fromLog.keys()])) {
    const a = fromLive.get(key) ?? [];
    const b = fromLog.get(key) ?? [];
    merged.push(...(a.length >= b.length ? a : b));
  }
  return merged.sort((a, b) => b.receivedAt - a.receivedAt).slice(0, limit);
}
