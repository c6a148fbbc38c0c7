import { describe, expect, it } from 'vitest';
import { DEFAULT_ALERT_SETTINGS, parseAlertSettings, parseDuration } from './alert-settings';

describe('parseAlertSettings', () => {
  it('keeps the defaults without parameters', () => {
    expect(parseAlertSettings('')).toEqual(DEFAULT_ALERT_SETTINGS);
  });

  it('reads short thresholds from the URL query', () => {
    const settings = parseAlertSettings(
      '?alert-silent-min=2s&alert-silent-factor=3&alert-burst=5&alert-burst-window=10s&alert-poll=1500ms',
    );
    expect(settings).toMatchObject({
      silentMinMs: 2000,
      silentFactor: 3,
      burstCount: 5,
      burstWindowMs: 10_000,
      pollMs: 1500,
    });
  });

  it('ignores unreadable values rather than switching a rule off', () => {
    const settings = parseAlertSettings('?alert-silent-min=soon&alert-burst=2.5&alert-silent-factor=-1');
    expect(settings).toEqual(DEFAULT_ALERT_SETTINGS);
  });

  it('parses durations', () => {
    expect(['250ms', '2s', '1.5m', '1h', '0s', '5', 'm'].map(parseDuration)).toEqual([
      250,
      2000,
      90_000,
      3_600_000,
      null,
      null,
      null,
    ]);
  });
});
