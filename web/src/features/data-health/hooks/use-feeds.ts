import { useEffect } from 'react';
import { HEALTH_POLL_MS } from '../../../config/app-config';
import { useApi } from '../../../lib/use-api';
import { fetchFeeds } from '../api/data-health-api';

/** Feed status, polled while shown like the health report: feed runs are not on the live stream. */
export function useFeeds() {
  const feeds = useApi('feeds', fetchFeeds);
  const { reload } = feeds;
  useEffect(() => {
    const timer = setInterval(reload, HEALTH_POLL_MS);
    return () => clearInterval(timer);
  }, [reload]);
  return feeds;
}
