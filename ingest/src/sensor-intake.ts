import { sensorTopicFilter } from '@ssc-monitor/core';
import type { PublishInterceptor } from './adapters/broker/durable-publish-hook.js';
import type { Config } from './config.js';
import type { IngestPipeline } from './pipeline/ingest-pipeline.js';

export interface SensorIntake {
  /** Set when the embedded broker hands sensor messages to the pipeline itself. */
  readonly intercept?: PublishInterceptor;
  /** Whether the MQTT client subscribes to sensor topics. */
  readonly subscribeSensors: boolean;
}

/**
 * Where sensor messages enter. In one process with the embedded broker, the broker passes each one
 * to the pipeline before it acknowledges it, so the sensor's PUBACK means durable; the ingest client
 * then must not subscribe too, or every message would be taken twice. Otherwise (external broker, or
 * a worker) the MQTT client subscribes and holds its own PUBACKs until durable; a monitor takes none.
 */
export function sensorIntake(config: Config, pipeline: IngestPipeline): SensorIntake {
  if (config.ROLE === 'monitor') return { subscribeSensors: false };
  if (config.MQTT_URL !== undefined || config.ROLE !== 'all') return { subscribeSensors: true };
  const sensorsRoot = sensorTopicFilter(config.MQTT_TOPIC_PREFIX).slice(0, -1);
  const intercept: PublishInterceptor = (packet) => {
    if (!packet.topic.startsWith(sensorsRoot)) return undefined;
    const payload = typeof packet.payload === 'string' ? Buffer.from(packet.payload) : packet.payload;
    const qos = packet.qos;
    return pipeline.handle({ topic: packet.topic, payload, receivedAt: Date.now(), qos, dup: packet.dup });
  };
  return { intercept, subscribeSensors: false };
}
