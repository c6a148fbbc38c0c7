import type { HealthReport } from '@ssc-monitor/core';
import { getJson } from '../../../lib/api-client';
import { isHealthReport } from '../../../lib/domain-guards';

export function fetchHealth(signal: AbortSignal): Promise<HealthReport> {
  return getJson('/health', isHealthReport, { signal });
}
