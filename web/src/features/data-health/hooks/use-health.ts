import { useEffect } from 'react';
import { HEALTH_POLL_MS } from '../../../config/app-config';
import { useApi } from '../../../lib/use-api';
import { fetchHealth } from '../api/data-health-api';

/** The platform's health report, polled while shown: it is not on the live stream. */
export function useHealth() {
  const health = useApi('health', fetchHealth);
  const { reload } = health;
  useEffect(() => {
    const timer = setInterval(reload, HEALTH_POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return health;
}
