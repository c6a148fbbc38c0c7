import { memo, useEffect, useRef } from 'react';
import type { SensorState } from '@ssc-monitor/core';
import { formatCount, formatDateTime, formatPercent, formatRelativeTime } from '../../../lib/format';
import { sensorHref } from '../../../lib/hash-route';
import { useNow } from '../../../lib/use-now';
import { errorRate, formatMessageRate, isSilent, latestValues } from '../utils/sensor-display';

function LastSeen({ sensor, silentAfterMs }: { sensor: SensorState; silentAfterMs: number }) {
  const now = useNow();
  const silent = isSilent(sensor, now, silentAfterMs);
  return (
    <td data-silent={silent} title={sensor.lastSeen === null ? undefined : formatDateTime(sensor.lastSeen)}>
      {formatRelativeTime(sensor.lastSeen, now)}
      {silent && <span className="tag tag--warn">Silent</span>}
    </td>
  );
}

export interface SensorRowProps {
  readonly sensor: SensorState;
  readonly district: string;
  /** The alert rule's threshold, so the table and the alerts agree on who is silent. */
  readonly silentAfterMs: number;
  /** Selected by the URL (e.g. from a click on the map): highlighted, scrolled to and focused. */
  readonly selected: boolean;
  /** Mean time between its messages, ms, as learnt on this screen; null until known. */
  readonly intervalMs: number | null;
}

/** One sensor; memoised so that a `sensor` event re-renders only its own row. */
export const SensorRow = memo(function SensorRow({
  sensor,
  district,
  silentAfterMs,
  selected,
  intervalMs,
}: SensorRowProps) {
  const rowRef = useRef<HTMLTableRowElement>(null);
  useEffect(() => {
    if (!selected) return;
    rowRef.current?.scrollIntoView({ block: 'center' });
    rowRef.current?.focus({ preventScroll: true });
  }, [selected]);
  const rate = errorRate(sensor);
  const values = latestValues(sensor);
  return (
    <tr
      ref={rowRef}
      tabIndex={selected ? -1 : undefined}
      className={selected ? 'row--selected' : undefined}
      aria-current={selected ? 'true' : undefined}
      data-testid="sensor-row"
      data-sensor-id={sensor.id}
      data-selected={selected ? 'true' : 'false'}
    >
      <th scope="row">
        <a href={sensorHref(sensor.id)} className="row-link" aria-label={`Select sensor ${sensor.id}`}>
          <code>{sensor.id}</code>
        </a>
      </th>
      <td>{district}</td>
      <LastSeen sensor={sensor} silentAfterMs={silentAfterMs} />
      <td className="num">{formatCount(sensor.messages)}</td>
      <td className="num nowrap" data-testid="sensor-rate">
        {formatMessageRate(intervalMs)}
      </td>
      <td className={`num${sensor.errors > 0 ? ' warn-text' : ''}`} data-testid="sensor-errors">
        {formatCount(sensor.errors)}
        {sensor.errors > 0 && rate !== null && <span className="muted"> ({formatPercent(rate)})</span>}
      </td>
      <td data-testid="sensor-latest">
        {values.length === 0 ? (
          <span className="muted">No valid reading yet</span>
        ) : (
          <ul className="inline-list">
            {values.map((v) => (
              <li key={v.quantity} data-quantity={v.quantity}>
                <span className="muted">{v.label}</span> {v.text}
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
});
