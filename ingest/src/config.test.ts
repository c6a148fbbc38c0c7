import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.js';

describe('loadConfig: the embedded broker security settings', () => {
  it('defaults the credentials poll to 30 s and leaves TLS off', () => {
    const result = loadConfig({});
    expect(result.ok && result.config.MQTT_CREDENTIALS_POLL_MS).toBe(30_000);
    expect(result.ok && result.config.MQTT_TLS_PORT).toBeUndefined();
  });

  it('takes a complete TLS listener', () => {
    const result = loadConfig({
      MQTT_TLS_PORT: '8883',
      MQTT_TLS_CERT_FILE: 'c.pem',
      MQTT_TLS_KEY_FILE: 'k.pem',
    });
    expect(result.ok && result.config.MQTT_TLS_PORT).toBe(8883);
  });

  it.each([
    [{ MQTT_TLS_PORT: '8883' }],
    [{ MQTT_TLS_CERT_FILE: 'c.pem', MQTT_TLS_KEY_FILE: 'k.pem' }],
    [{ MQTT_TLS_PORT: '8883', MQTT_TLS_KEY_FILE: 'k.pem' }],
  ])('refuses a partial TLS listener %j, naming the three variables', (env) => {
    const result = loadConfig(env);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors.join('\n')).toContain('MQTT_TLS_PORT, MQTT_TLS_CERT_FILE, MQTT_TLS_KEY_FILE');
  });

  it.each(['0', '99', '60001', 'soon'])('refuses MQTT_CREDENTIALS_POLL_MS=%s', (value) => {
    const result = loadConfig({ MQTT_CREDENTIALS_POLL_MS: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors[0]).toMatch(/^MQTT_CREDENTIALS_POLL_MS=/);
  });
});

describe('loadConfig: TRUST_PROXY', () => {
  it('is off by default', () => {
    const result = loadConfig({});
    expect(result.ok && result.config.TRUST_PROXY).toBe('false');
  });

  it.each(['true', '10.0.0.5', '10.0.0.0/8,192.168.1.1'])('takes %j', (value) => {
    const result = loadConfig({ TRUST_PROXY: value });
    expect(result.ok && result.config.TRUST_PROXY).toBe(value);
  });

  it.each(['2', 'yes', '10.0.0.999'])('refuses %j, naming the variable', (value) => {
    const result = loadConfig({ TRUST_PROXY: value });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.join('\n')).toContain(`TRUST_PROXY="${value}"`);
  });
});
