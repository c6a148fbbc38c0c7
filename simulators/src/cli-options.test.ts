import { describe, expect, it } from 'vitest';
import { DEFAULT_MQTT_URL, parseCliArgs, type CliEnvironment } from './cli-options.js';

const PLAN = 'demo/plan.yaml';
const run = (argv: string[], env: CliEnvironment = {}) => parseCliArgs(argv, env, PLAN);

function optionsOf(argv: string[], env: CliEnvironment = {}) {
  const result = run(argv, env);
  if (result.kind !== 'run') throw new Error(`expected options, got ${JSON.stringify(result)}`);
  return result.options;
}

describe('parseCliArgs', () => {
  it('defaults to the local broker, the demo plan, 10 s and no backfill', () => {
    expect(optionsOf([])).toEqual({
      url: DEFAULT_MQTT_URL,
      username: undefined,
      password: undefined,
      planFile: PLAN,
      prefix: '',
      seed: 1,
      intervalMs: 10_000,
      backfillMs: 0,
      qos: 0,
    });
  });

  it('takes the broker and credentials from the environment, options first', () => {
    const env = { MQTT_URL: 'mqtt://env:1883', MQTT_USERNAME: 'u', MQTT_PASSWORD: 'p' };
    expect(optionsOf([], env)).toMatchObject({ url: 'mqtt://env:1883', username: 'u', password: 'p' });
    expect(optionsOf(['--url', 'mqtt://arg:1883', '--username', 'v'], env)).toMatchObject({
      url: 'mqtt://arg:1883',
      username: 'v',
    });
  });

  it('reads every option', () => {
    const argv = [
      '--plan',
      'x.yaml',
      '--prefix',
      'city/',
      '--seed',
      '7',
      '--interval',
      '1m',
      '--backfill',
      '48h',
      '--qos',
      '1',
    ];
    expect(optionsOf(argv)).toMatchObject({
      planFile: 'x.yaml',
      prefix: 'city/',
      seed: 7,
      intervalMs: 60_000,
      backfillMs: 172_800_000,
      qos: 1,
    });
  });

  it.each([
    ['500ms', 500],
    ['10s', 10_000],
    ['5m', 300_000],
    ['1.5h', 5_400_000],
    ['2d', 172_800_000],
  ])('reads the interval %s as %d ms', (text, ms) => {
    expect(optionsOf(['--interval', text]).intervalMs).toBe(ms);
  });

  it.each([
    ['0', 0],
    ['48h', 172_800_000],
    ['7d', 604_800_000],
  ])('reads the backfill %s as %d ms', (text, ms) => {
    expect(optionsOf(['--backfill', text]).backfillMs).toBe(ms);
  });

  it.each(['10', 'ten', '10 s', '-5s', '1H', '', '50ms'])('refuses the interval %j', (text) => {
    const result = run(['--interval', text]);
    expect(result.kind).toBe('invalid');
  });

  it('reports every bad option at once', () => {
    const result = run(['--seed', 'x', '--qos', '2', '--backfill', 'soon']);
    expect(result.kind === 'invalid' ? result.problems.length : 0).toBe(3);
  });

  it('refuses unknown options and positional arguments', () => {
    expect(run(['--speed', '3']).kind).toBe('invalid');
    expect(run(['extra']).kind).toBe('invalid');
  });

  it('asks for help with --help and -h', () => {
    expect(run(['--help']).kind).toBe('help');
    expect(run(['-h', '--seed', 'x']).kind).toBe('help');
  });
});
