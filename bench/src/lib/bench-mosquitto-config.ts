import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';

const MOSQUITTO_CONF = fileURLToPath(new URL('../../../deploy/mosquitto/mosquitto.conf', import.meta.url));

/** The delivery settings the bench broker copies from the shipped production config. */
export const DELIVERY_SETTINGS = [
  'max_inflight_messages',
  'max_queued_messages',
  'max_queued_bytes',
] as const;

/**
 * `max_inflight_messages 1000`, … as set in `deploy/mosquitto/mosquitto.conf`, read from that file so
 * the bench cannot drift from what production runs. Fails when one of them is missing there.
 */
export function productionDeliverySettings(config = readFileSync(MOSQUITTO_CONF, 'utf8')): string[] {
  return DELIVERY_SETTINGS.map((name) => {
    const line = new RegExp(`^${name}\\s+(\\S+)\\s*$`, 'm').exec(config);
    if (line?.[1] === undefined) throw new Error(`${name} is not set in ${MOSQUITTO_CONF}`);
    return `${name} ${line[1]}`;
  });
}

/** What the machine description records about the broker every scenario measures through. */
export const benchBrokerSettings = (): string =>
  `own process on a free port, ${productionDeliverySettings().join(', ')}, persistence off`;

export function benchMosquittoConfig(port: number): string {
  return [
    `listener ${port} 127.0.0.1`,
    // Anonymous only because it listens on loopback for the bench's own clients.
    'allow_anonymous true',
    // Started as root, Mosquitto would otherwise drop to its own user.
    `user ${userInfo().username}`,
    // Off: the bench measures the MQTT hop, not the broker's periodic saves of its queues to disk.
    'persistence false',
    ...productionDeliverySettings(),
    '',
  ].join('\n');
}
