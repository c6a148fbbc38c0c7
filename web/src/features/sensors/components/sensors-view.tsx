import type { SensorState } from '@ssc-monitor/core';
import { ErrorState, LoadingState } from '../../../components/ui/async-state';
import { CsvButton } from '../../../components/ui/csv-button';
import { Panel } from '../../../components/ui/panel';
import { useAlerts } from '../../../lib/alerts/alerts-context';
import { useSensors } from '../../../lib/data/sensors';
import { sensorHref } from '../../../lib/hash-route';
import { useNow } from '../../../lib/use-now';
import { sensorsCsv } from '../utils/sensors-csv';
import { isSilent } from '../utils/sensor-display';
import { SensorRow } from './sensor-row';

export interface SensorsViewProps {
  /** District names by id, from the plan; a sensor outside the plan shows its district id. */
  readonly districtNames: ReadonlyMap<string, string>;
  /** Sensor id selected by the URL, or null. */
  readonly selected: string | null;
}

function SensorsSummary({
  sensors,
  silentAfterMs,
}: {
  sensors: readonly SensorState[];
  silentAfterMs: number;
}) {
  const now = useNow();
  const silent = sensors.filter((s) => isSilent(s, now, silentAfterMs)).length;
  const withErrors = sensors.filter((s) => s.errors > 0).length;
  return (
    <p className="panel__summary" data-testid="sensors-summary">
      {sensors.length} sensors · {silent} silent · {withErrors} with rejected messages
    </p>
  );
}

function SensorsTable({
  sensors,
  districtNames,
  selected,
  silentAfterMs,
}: SensorsViewProps & { sensors: readonly SensorState[]; silentAfterMs: number }) {
  const { intervalOf } = useAlerts();
  return (
    <div className="table-scroll">
      <table className="table" data-testid="sensors-table">
        <thead>
          <tr>
            <th scope="col">Sensor</th>
            <th scope="col">District</th>
            <th scope="col">Last seen</th>
            <th scope="col" className="num">
              Messages
            </th>
            <th scope="col" className="num">
              Rate
            </th>
            <th scope="col" className="num">
              Rejected
            </th>
            <th scope="col">Latest values</th>
          </tr>
        </thead>
        <tbody>
          {sensors.map((sensor) => (
            <SensorRow
              key={sensor.id}
              sensor={sensor}
              district={districtNames.get(sensor.district) ?? sensor.district}
              silentAfterMs={silentAfterMs}
              selected={sensor.id === selected}
              intervalMs={intervalOf(sensor.id)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Every sensor the platform has heard from, live; one may be selected by the URL. */
export function SensorsView({ districtNames, selected }: SensorsViewProps) {
  const { sensors, loading, error, retryAt, reload } = useSensors();
  const { silentAfterMs } = useAlerts();
  let body;
  if (error !== undefined) body = <ErrorState error={error} retryAt={retryAt} onRetry={reload} />;
  else if (loading) body = <LoadingState what="sensors" />;
  else if (sensors.length === 0) body = <p className="async-state">No sensor has published yet.</p>;
  else
    body = (
      <SensorsTable
        sensors={sensors}
        districtNames={districtNames}
        selected={selected}
        silentAfterMs={silentAfterMs}
      />
    );
  const unknown = selected !== null && !loading && !sensors.some((s) => s.id === selected);
  const actions = sensors.length > 0 && (
    <div className="panel__actions">
      <SensorsSummary sensors={sensors} silentAfterMs={silentAfterMs} />
      <CsvButton
        build={() => sensorsCsv(sensors, districtNames)}
        fileStem="sensors"
        what="the sensors table"
        exportId="sensors"
      />
    </div>
  );
  return (
    <Panel title="Sensors" label="Sensors" testId="sensors-panel" actions={actions}>
      {unknown && (
        <p className="notice" role="status" data-testid="sensor-not-found">
          Sensor <code>{selected}</code> has not published since the platform started.{' '}
          <a href={sensorHref(null)}>Clear the selection</a>
        </p>
      )}
      {body}
    </Panel>
  );
}
