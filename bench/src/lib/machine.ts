import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { benchBrokerSettings } from './bench-mosquitto-config.js';
import { mosquittoVersion } from './brokers.js';

/** What the figures were measured on: they only mean something next to it. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memory_gb: number;
  readonly node: string;
  readonly mosquitto: string;
  /** How the bench's own Mosquitto, which every MQTT figure goes through, was configured. */
  readonly mosquitto_settings: string;
  readonly influxdb: string;
}

function influxVersion(): string {
  try {
    const out = execFileSync('influxd', ['version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return /InfluxDB v?([\w.~-]+)/.exec(out)?.[1] ?? 'unknown';
  } catch {
    return 'not installed';
  }
}

export function describeMachine(): Machine {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    memory_gb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    mosquitto: mosquittoVersion() ?? 'not found',
    mosquitto_settings: benchBrokerSettings(),
    influxdb: influxVersion(),
  };
}
