import {
  UNASSIGNED_DISTRICT,
  type LatestRow,
  type LatestValue,
  type PlanSensor,
  type QuantityId,
  type Reading,
  type SensorState,
} from '@ssc-monitor/core';

/** Updated in place per reading; snapshots copy it, so what they hand out never changes. */
interface MutableLatest {
  value: number;
  ts: number;
}

interface MutableSensor {
  id: string;
  district: string;
  lastSeen: number | null;
  messages: number;
  errors: number;
  latest: Partial<Record<QuantityId, MutableLatest>>;
}

/** Live state of every sensor: district from the plan, last seen, counters, latest value per quantity. */
export class SensorRegistry {
  readonly #sensors = new Map<string, MutableSensor>();
  #districts = new Map<string, string>();

  constructor(planSensors: readonly PlanSensor[]) {
    this.replacePlanSensors(planSensors);
  }

  /** Takes the sensor → district assignment of a new plan version. */
  replacePlanSensors(planSensors: readonly PlanSensor[]): void {
    this.#districts = new Map(planSensors.map((s) => [s.id, s.district]));
    for (const sensor of this.#sensors.values()) sensor.district = this.districtOf(sensor.id);
  }

  districtOf(sensorId: string): string {
    return this.#districts.get(sensorId) ?? UNASSIGNED_DISTRICT;
  }

  /** Restores latest values and error counts after a restart. */
  restore(latest: readonly LatestRow[], errorCounts: ReadonlyMap<string, number>): void {
    for (const row of latest) {
      const sensor = this.#get(row.sensorId);
      sensor.latest[row.quantity] = { value: row.value, ts: row.ts };
    }
    for (const [sensorId, errors] of errorCounts) this.#get(sensorId).errors = errors;
  }

  recordMessage(sensorId: string, receivedAt: number): void {
    const sensor = this.#get(sensorId);
    sensor.messages += 1;
    sensor.lastSeen = receivedAt;
  }

  recordError(sensorId: string): void {
    this.#get(sensorId).errors += 1;
  }

  recordReading(reading: Reading): void {
    const sensor = this.#get(reading.sensorId);
    const previous = sensor.latest[reading.quantity];
    if (previous === undefined) sensor.latest[reading.quantity] = { value: reading.value, ts: reading.ts };
    // Late or replayed readings must not hide a newer value.
    else if (reading.ts >= previous.ts) {
      previous.value = reading.value;
      previous.ts = reading.ts;
    }
  }

  get(sensorId: string): SensorState | undefined {
    const sensor = this.#sensors.get(sensorId);
    return sensor === undefined ? undefined : snapshot(sensor);
  }

  all(): SensorState[] {
    return [...this.#sensors.values()].map(snapshot).sort((a, b) => a.id.localeCompare(b.id));
  }

  #get(sensorId: string): MutableSensor {
    let sensor = this.#sensors.get(sensorId);
    if (sensor === undefined) {
      sensor = {
        id: sensorId,
        district: this.districtOf(sensorId),
        lastSeen: null,
        messages: 0,
        errors: 0,
        latest: {},
      };
      this.#sensors.set(sensorId, sensor);
    }
    return sensor;
  }
}

function snapshot(sensor: MutableSensor): SensorState {
  const latest: Partial<Record<QuantityId, LatestValue>> = {};
  for (const [quantity, { value, ts }] of Object.entries(sensor.latest) as [QuantityId, MutableLatest][])
    latest[quantity] = { value, ts };
  return { ...sensor, latest };
}
