import type { DeadLetter } from '@ssc-monitor/core';
import { formatClock, formatCount, formatDateTime, excerpt } from '../../../lib/format';
import { RelativeTime } from '../../../components/ui/relative-time';

const EXCERPT_CHARS = 80;

export function DeadLettersTable({ letters }: { letters: readonly DeadLetter[] }) {
  if (letters.length === 0) {
    return (
      <p className="async-state" data-testid="dead-letters-empty">
        No rejected messages. Every message received so far was valid.
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="table" data-testid="dead-letters-table">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Sensor</th>
            <th scope="col">Code</th>
            <th scope="col">Reason</th>
            <th scope="col">Payload</th>
          </tr>
        </thead>
        <tbody>
          {letters.map((letter, index) => (
            <tr
              // Identical letters of one millisecond are distinct rejections: the index tells them apart.
              key={`${letter.receivedAt}|${letter.topic}|${letter.code}|${letter.payloadBytes}|${index}`}
              data-testid="dead-letter-row"
              data-code={letter.code}
              data-sensor-id={letter.sensorId ?? ''}
            >
              <td className="nowrap" title={formatDateTime(letter.receivedAt)}>
                {formatClock(letter.receivedAt)} <RelativeTime at={letter.receivedAt} className="muted" />
              </td>
              <td>
                {letter.sensorId === null ? (
                  <span className="muted">unknown</span>
                ) : (
                  <code>{letter.sensorId}</code>
                )}
                <div className="muted small" title="MQTT topic">
                  {letter.topic}
                </div>
              </td>
              <td>
                <code className="code-tag">{letter.code}</code>
              </td>
              <td>{letter.reason}</td>
              <td>
                <code className="payload" title={letter.payloadExcerpt}>
                  {excerpt(letter.payloadExcerpt, EXCERPT_CHARS)}
                </code>
                <div className="muted small">{formatCount(letter.payloadBytes)} bytes</div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
