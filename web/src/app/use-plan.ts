import type { Plan } from '@ssc-monitor/core';
import { getJson } from '../lib/api-client';
import { isPlan } from '../lib/domain-guards';
import { useApi } from '../lib/use-api';

/** The master plan: the city's name for the header and district names for the sensors table. */
export function usePlan() {
  return useApi('plan', (signal) => getJson('/plan', isPlan, { signal }));
}

export type { Plan };
