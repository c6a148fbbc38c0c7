import { formatDateTime, formatRelativeTime } from '../../lib/format';
import { useNow } from '../../lib/use-now';

export interface RelativeTimeProps {
  /** Epoch ms, or null when it never happened. */
  readonly at: number | null;
  readonly prefix?: string;
  readonly className?: string;
}

/** "updated 12 s ago", ticking each second; only this element re-renders as time passes. */
export function RelativeTime({ at, prefix, className }: RelativeTimeProps) {
  const now = useNow();
  const text = formatRelativeTime(at, now);
  return (
    <time
      className={className}
      dateTime={at === null ? undefined : new Date(at).toISOString()}
      title={at === null ? undefined : formatDateTime(at)}
      data-testid="relative-time"
    >
      {prefix === undefined ? text : `${prefix} ${text}`}
    </time>
  );
}
