import { memo } from 'react';
import type { SensorState } from '@ssc-monitor/core';
import { SENSOR_SILENT_AFTER_MS } from '../../../config/app-config';
import { formatCount, formatDateTime, formatPercent, formatRelativeTime } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import { errorRate, isSilent, latestValues } from '../utils/sensor-display';

function LastSeen({ sensor }: { sensor: SensorState }) {
  const now = useNow();
  const silent = isSilent(sensor, now, SENSOR_SILENT_AFTER_MS);
  return (
    <td data-silent={silent} title={sensor.lastSeen === null ? undefined : formatDateTime(sensor.lastSeen)}>
      {formatRelativeTime(sensor.lastSeen, now)}
      {silent && <span className="tag tag--warn">Silent</span>}
    </td>
  );
}

/** One sensor; memoised so that a `sensor` event re-renders only its own row. */
export const SensorRow = memo(function SensorRow({
  sensor,
  district,
}: {
  sensor: SensorState;
  district: string;
}) {
  const rate = errorRate(sensor);
  const values = latestValues(sensor);
  return (
    <tr data-testid="sensor-row" data-sensor-id={sensor.id}>
      <th scope="row">
        <code>{sensor.id}</code>
      </th>
      <td>{district}</td>
      <LastSeen sensor={sensor} />
      <td className="num">{formatCount(sensor.messages)}</td>
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
