import type { MapMetric } from '../utils/district-metrics';
import type { MapModel } from '../utils/map-model';
import { quantityDisplay } from '../../../config/quantities';
import { formatCount, formatValue } from '../../../lib/format';
import { STATUS_META, STATUS_ORDER } from '../../../lib/kpi-status';
import { StatusBadge } from '../../../components/ui/status-badge';
import { NO_DATA_FILL, SEQUENTIAL } from '../utils/colour-scale';

function Swatch({ fill }: { fill: string }) {
  return <span className="swatch" style={{ background: fill }} aria-hidden="true" />;
}

/** The colour key: the status colours with their icons, or the value scale with its ends in numbers. */
export function MetricKey({ metric, scale }: { metric: MapMetric; scale: MapModel['scale'] }) {
  if (metric.kind === 'status') {
    return (
      <ul className="map-key" aria-label="Colour key">
        {STATUS_ORDER.map((status) => (
          <li key={status}>
            <Swatch fill={STATUS_META[status].color} /> <StatusBadge status={status} />
          </li>
        ))}
      </ul>
    );
  }
  const { label } = quantityDisplay(metric.quantity);
  return (
    <div className="map-key" aria-label="Colour key">
      <span
        className="map-scale"
        style={{ background: `linear-gradient(to right, ${SEQUENTIAL.join(', ')})` }}
        aria-hidden="true"
      />
      <p className="map-scale__ends">
        {scale === null ? (
          <span className="muted">No recent {label} values</span>
        ) : (
          <>
            <span>low {formatValue(scale.min, scale.unit)}</span>
            <span>high {formatValue(scale.max, scale.unit)}</span>
          </>
        )}
      </p>
      <p className="small">
        <Swatch fill={NO_DATA_FILL} /> no value in the last 24 h
      </p>
    </div>
  );
}

/** Every district with what the map shows of it, in words: the map's accessible twin. */
export function DistrictTable({ model, metric }: { model: MapModel; metric: MapMetric }) {
  return (
    <table className="table district-table" data-testid="district-table">
      <thead>
        <tr>
          <th scope="col">District</th>
          <th scope="col">{metric.kind === 'status' ? 'Status' : 'Mean'}</th>
          <th scope="col" className="num">
            Sensors
          </th>
          <th scope="col" className="num">
            Silent
          </th>
        </tr>
      </thead>
      <tbody>
        {model.districts.map((d) => (
          <tr
            key={d.id}
            data-testid="district-row"
            data-district-id={d.id}
            data-value={d.value ?? ''}
            data-status={d.status ?? ''}
          >
            <th scope="row">
              <Swatch fill={d.fill} /> {d.name}
              {!d.hasOutline && <span className="tag">No outline</span>}
            </th>
            <td title={d.offTrack.length > 0 ? `Off track: ${d.offTrack.join(', ')}` : undefined}>
              {d.status === null ? d.text : <StatusBadge status={d.status} />}
            </td>
            <td className="num">{formatCount(d.sensors)}</td>
            <td className={`num${d.silent > 0 ? ' warn-text' : ''}`}>
              {d.silent > 0 && <span aria-hidden="true">▲ </span>}
              {formatCount(d.silent)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
