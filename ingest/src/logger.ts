import pino, { type Logger } from 'pino';

/** pino JSON logs; human-readable through pino-pretty when writing to a terminal. */
export function createLogger(level: string, pretty = process.stdout.isTTY === true): Logger {
  return pino({
    level,
    redact: ['*.password', '*.MQTT_PASSWORD', 'config.MQTT_PASSWORD'],
    ...(pretty
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  });
}
