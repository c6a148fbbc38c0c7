import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigSchema } from '@ssc-monitor/ingest';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/spawn-platform.js';

interface ComposeService {
  build?: unknown;
  image?: string;
  environment?: Record<string, string | null>;
  healthcheck?: unknown;
  volumes?: unknown[];
}

/** docker-compose.yml as Docker would resolve it (anchors merged, variables substituted). */
function resolvedCompose(): { services: Record<string, ComposeService> } {
  const text = execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return parse(text) as { services: Record<string, ComposeService> };
}

describe('docker-compose.yml', () => {
  it('is accepted by docker-compose config', () => {
    expect(() =>
      execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config', '-q'], { cwd: REPO_ROOT }),
    ).not.toThrow();
  });

  it('sets only variables the platform reads, and runs a monitor and two workers sharing the load', () => {
    const { services } = resolvedCompose();
    const known = new Set(Object.keys(ConfigSchema.properties));
    const platform = Object.entries(services).filter(([, s]) => s.build !== undefined);
    expect(platform.map(([name]) => name).sort()).toEqual(['ingest-1', 'ingest-2', 'monitor']);
    for (const [name, service] of platform) {
      const unknown = Object.keys(service.environment ?? {}).filter((key) => !known.has(key));
      expect(unknown, `${name} sets variables the platform does not read`).toEqual([]);
      expect(service.volumes?.length, `${name} keeps its data in a volume`).toBeGreaterThan(0);
    }
    const env = (name: string) => services[name]?.environment ?? {};
    expect(env('monitor').ROLE).toBe('monitor');
    expect([env('ingest-1').ROLE, env('ingest-2').ROLE]).toEqual(['worker', 'worker']);
    expect(env('ingest-1').MQTT_SHARED_GROUP).toBe(env('ingest-2').MQTT_SHARED_GROUP);
    expect(env('ingest-1').MQTT_CLIENT_ID).not.toBe(env('ingest-2').MQTT_CLIENT_ID);
  });

  it('has health checks, InfluxDB initialised by its DOCKER_INFLUXDB_INIT_* variables, and a broker requiring passwords', () => {
    const { services } = resolvedCompose();
    for (const name of ['mosquitto', 'influxdb', 'redis'])
      expect(services[name]?.healthcheck, name).toBeDefined();
    expect(services.influxdb?.image).toBe('influxdb:2.7');
    expect(services.influxdb?.environment?.DOCKER_INFLUXDB_INIT_MODE).toBe('setup');
    expect(services.influxdb?.environment?.DOCKER_INFLUXDB_INIT_BUCKET).toBe(
      services.monitor?.environment?.INFLUX_BUCKET,
    );
    const conf = readFileSync(join(REPO_ROOT, 'deploy/mosquitto/mosquitto.conf'), 'utf8');
    expect(conf).toMatch(/^listener 1883$/m);
    expect(conf).toMatch(/^allow_anonymous false$/m);
    expect(conf).toMatch(/^password_file /m);
    // The ACL the container copies (with the platform user's name) to where acl_file points.
    expect(conf).toMatch(/^acl_file \/mosquitto\/data\/acl$/m);
    const mounts = (services.mosquitto?.volumes ?? []).map(String);
    expect(mounts.some((m) => m.endsWith('deploy/mosquitto/acl:/mosquitto/config/acl:ro'))).toBe(true);
    const acl = readFileSync(join(REPO_ROOT, 'deploy/mosquitto/acl'), 'utf8');
    expect(acl).toMatch(/^pattern write sensors\/%u$/m);
  });
});
