import { ErrorState, LoadingState } from '../../../components/ui/async-state';
import { Panel } from '../../../components/ui/panel';
import { SENSOR_SILENT_AFTER_MS } from '../../../config/app-config';
import { useNow } from '../../../lib/use-now';
import { useSensors } from '../hooks/use-sensors';
import { isSilent } from '../utils/sensor-display';
import { SensorRow } from './sensor-row';

export interface SensorsViewProps {
  /** District names by id, from the plan; a sensor outside the plan shows its district id. */
  readonly districtNames: ReadonlyMap<string, string>;
}

function SensorsSummary({ sensors }: { sensors: ReturnType<typeof useSensors>['sensors'] }) {
  const now = useNow();
  const silent = sensors.filter((s) => isSilent(s, now, SENSOR_SILENT_AFTER_MS)).length;
  const withErrors = sensors.filter((s) => s.errors > 0).length;
  return (
    <p className="panel__summary" data-testid="sensors-summary">
      {sensors.length} sensors · {silent} silent · {withErrors} with rejected messages
    </p>
  );
}

/** Every sensor the platform has heard from, live. */
export function SensorsView({ districtNames }: SensorsViewProps) {
  const { sensors, loading, error, retryAt, reload } = useSensors();
  let body;
  if (error !== undefined) body = <ErrorState error={error} retryAt={retryAt} onRetry={reload} />;
  else if (loading) body = <LoadingState what="sensors" />;
  else if (sensors.length === 0) body = <p className="async-state">No sensor has published yet.</p>;
  else
    body = (
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
              />
            ))}
          </tbody>
        </table>
      </div>
    );
  return (
    <Panel
      title="Sensors"
      label="Sensors"
      testId="sensors-panel"
      actions={sensors.length > 0 ? <SensorsSummary sensors={sensors} /> : undefined}
    >
      {body}
    </Panel>
  );
}
