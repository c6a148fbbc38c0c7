/**
 * The one place MQTT topics of sensor readings are built and parsed.
 * A reading of sensor S is published on `<prefix>sensors/S`; the prefix (empty by default) lets
 * several platforms or tests share a broker.
 */
export const SENSOR_TOPIC_ROOT = 'sensors';

/** Sensor ids: what MQTT topic levels and store tags can carry without escaping surprises. */
export const SENSOR_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function sensorTopic(prefix: string, sensorId: string): string {
  return `${prefix}${SENSOR_TOPIC_ROOT}/${sensorId}`;
}

/** Subscription filter for all sensor topics under a prefix. */
export function sensorTopicFilter(prefix: string): string {
  return `${prefix}${SENSOR_TOPIC_ROOT}/#`;
}

/** The sensor id of a topic, or undefined when the topic is not `<prefix>sensors/<valid id>`. */
export function parseSensorTopic(prefix: string, topic: string): string | undefined {
  const head = `${prefix}${SENSOR_TOPIC_ROOT}/`;
  if (!topic.startsWith(head)) return undefined;
  const sensorId = topic.slice(head.length);
  return SENSOR_ID_PATTERN.test(sensorId) ? sensorId : undefined;
}

/** Validated ingest results a worker forwards to the monitor process (scale-out), per worker. */
export const INGEST_FORWARD_ROOT = 'ssc/ingest';

export function ingestForwardTopic(prefix: string, workerId: string): string {
  return `${prefix}${INGEST_FORWARD_ROOT}/${workerId}`;
}

export function ingestForwardFilter(prefix: string): string {
  return `${prefix}${INGEST_FORWARD_ROOT}/+`;
}
