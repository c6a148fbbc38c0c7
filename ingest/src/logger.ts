import pino, { type Logger } from 'pino';

/** pino JSON logs; human-readable through pino-pretty when writing to a terminal. */
export function createLogger(level: string, pretty = process.stdout.isTTY === true): Logger {
  return pino({
    level,
    redact: ['*.password', '*.token', '*.MQTT_PASSWORD', '*.INFLUX_PASSWORD', '*.INFLUX_TOKEN'],
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
