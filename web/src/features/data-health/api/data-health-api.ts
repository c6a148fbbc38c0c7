import type { DeadLetter, HealthReport } from '@ssc-monitor/core';
import { getJson } from '../../../lib/api-client';
import { isDeadLetter, isHealthReport } from '../../../lib/domain-guards';
import { envelopeOf } from '../../../lib/guards';

const isDeadLetterList = envelopeOf('deadLetters', isDeadLetter);

export async function fetchDeadLetters(limit: number, signal: AbortSignal): Promise<DeadLetter[]> {
  return (await getJson('/dead-letters', isDeadLetterList, { signal, query: { limit } })).deadLetters;
}

export function fetchHealth(signal: AbortSignal): Promise<HealthReport> {
  return getJson('/health', isHealthReport, { signal });
}
