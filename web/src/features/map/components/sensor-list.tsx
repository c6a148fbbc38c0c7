import { formatCount } from '../../../lib/format';
import { sensorHref } from '../../../lib/hash-route';
import { SENSOR_STYLE } from '../utils/map-markers';
import type { SensorFreshness, SensorPoint } from '../utils/map-points';

const SYMBOLS: Readonly<Record<SensorFreshness, string>> = { ok: '●', silent: '▲', no_data: '○' };

function Symbol({ freshness }: { freshness: SensorFreshness }) {
  return (
    <span className="sensor-symbol" style={{ color: SENSOR_STYLE[freshness].color }} aria-hidden="true">
      {SYMBOLS[freshness]}
    </span>
  );
}

/** What the point symbols mean. */
export function SensorKey() {
  return (
    <ul className="map-key" aria-label="Sensor symbols">
      {(Object.keys(SENSOR_STYLE) as SensorFreshness[]).map((f) => (
        <li key={f}>
          <Symbol freshness={f} /> {SENSOR_STYLE[f].label}
        </li>
      ))}
    </ul>
  );
}

/**
 * The sensors on the map as links to their rows, silent ones first: how a keyboard or screen-reader
 * user reaches what a mouse user clicks on the canvas.
 */
export function SensorList({ points, unplaced }: { points: readonly SensorPoint[]; unplaced: number }) {
  const order: Readonly<Record<SensorFreshness, number>> = { silent: 0, no_data: 1, ok: 2 };
  const sorted = [...points].sort(
    (a, b) => order[a.freshness] - order[b.freshness] || a.id.localeCompare(b.id),
  );
  return (
    <details className="sensor-list" data-testid="map-sensor-list">
      <summary>
        Sensors on the map ({formatCount(points.length)}
        {unplaced > 0 && `; ${formatCount(unplaced)} without a position`})
      </summary>
      <ul className="plain-list">
        {sorted.map((p) => (
          <li key={p.id}>
            <Symbol freshness={p.freshness} />{' '}
            <a href={sensorHref(p.id)} data-sensor-id={p.id}>
              {p.id}
            </a>{' '}
            <span className="muted">{SENSOR_STYLE[p.freshness].label}</span>
          </li>
        ))}
      </ul>
    </details>
  );
}
