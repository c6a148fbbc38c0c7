import { describe, expect, it } from 'vitest';
import { DEFAULT_MQTT_URL, parseCliArgs, type CliEnvironment } from './cli-options.js';
import { parseReplayArgs } from './replay-options.js';

const PLAN = 'demo/plan.yaml';
const NOW = Date.UTC(2026, 10, 25, 12);
const run = (argv: string[], env: CliEnvironment = {}) => parseCliArgs(argv, env, PLAN, NOW);

function optionsOf(argv: string[], env: CliEnvironment = {}) {
  const result = run(argv, env);
  if (result.kind !== 'run') throw new Error(`expected options, got ${JSON.stringify(result)}`);
  return result.options;
}

describe('parseCliArgs', () => {
  it('defaults to the local broker, the demo plan, 10 s in real time, and no backfill', () => {
    expect(optionsOf([])).toEqual({
      url: DEFAULT_MQTT_URL,
      username: undefined,
      password: undefined,
      planFile: PLAN,
      scenarioFile: undefined,
      prefix: '',
      seed: undefined,
      intervalMs: 10_000,
      backfillMs: 0,
      qos: 0,
      speed: undefined,
      from: undefined,
      to: undefined,
      durationMs: undefined,
      stepMs: undefined,
      faults: true,
      maxInFlight: 1000,
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

  it('reads the real-time options', () => {
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

  it('reads the scenario and fast-mode options', () => {
    const argv = [
      '--scenario',
      's.yaml',
      '--speed',
      '10000',
      '--duration',
      '1y',
      '--step',
      '1h',
      '--no-faults',
      '--max-in-flight',
      '50',
    ];
    expect(optionsOf(argv)).toMatchObject({
      scenarioFile: 's.yaml',
      speed: 10_000,
      durationMs: 31_536_000_000,
      stepMs: 3_600_000,
      faults: false,
      maxInFlight: 50,
    });
    expect(optionsOf(['--from', '2025-01-01', '--to', 'now'])).toMatchObject({
      from: Date.UTC(2025, 0, 1),
      to: NOW,
    });
    expect(optionsOf(['--from', '2025-01-01T06:00:00+01:00'])).toMatchObject({
      from: Date.UTC(2025, 0, 1, 5),
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

  it.each(['10', 'ten', '10 s', '-5s', '1H', '', '50ms'])('refuses the interval %j', (text) => {
    expect(run(['--interval', text]).kind).toBe('invalid');
  });

  it.each([
    [['--from', '2025-01-01 06:00']],
    [['--speed', '0']],
    [['--speed', 'fast']],
    [['--plan', 'a.yaml', '--scenario', 'b.yaml']],
    [['--duration', '1y', '--backfill', '2d']],
    [['--rate', '100']],
  ])('refuses %j', (argv) => {
    expect(run(argv).kind).toBe('invalid');
  });

  it('reports every bad option at once', () => {
    const result = run(['--seed', 'x', '--qos', '2', '--backfill', 'soon']);
    expect(result.kind === 'invalid' ? result.problems.length : 0).toBe(3);
  });

  it('refuses unknown options and positional arguments', () => {
    expect(run(['--warp', '3']).kind).toBe('invalid');
    expect(run(['extra']).kind).toBe('invalid');
  });

  it('asks for help with --help and -h', () => {
    expect(run(['--help']).kind).toBe('help');
    expect(run(['-h', '--seed', 'x']).kind).toBe('help');
  });
});

describe('parseCliArgs --load', () => {
  it('reads the load generator’s options, with defaults', () => {
    const argv = [
      '--load',
      '--rate',
      '5000',
      '--sensors',
      '1000',
      '--clients',
      '4',
      '--qos',
      '1',
      '--duration',
      '30s',
    ];
    expect(run(argv)).toEqual({
      kind: 'load',
      options: expect.objectContaining({
        rate: 5000,
        sensors: 1000,
        clients: 4,
        qos: 1,
        durationMs: 30_000,
      }) as unknown,
    });
    expect(run(['--load'])).toMatchObject({
      kind: 'load',
      options: { rate: 1000, sensors: 100, clients: 1, durationMs: 10_000 },
    });
  });

  it('refuses simulation options with --load', () => {
    const result = run(['--load', '--scenario', 'x.yaml', '--speed', '10']);
    expect(result.kind === 'invalid' ? result.problems : []).toEqual([
      '--scenario does not apply to --load',
      '--speed does not apply to --load',
    ]);
  });
});

describe('parseReplayArgs', () => {
  it('reads a file, its mapping and the period', () => {
    const result = parseReplayArgs(
      ['data.csv', '--mapping', 'm.yaml', '--speed', '3600', '--from', '2014-05-12'],
      {},
      NOW,
    );
    expect(result).toMatchObject({
      kind: 'run',
      options: {
        file: 'data.csv',
        mappingFile: 'm.yaml',
        speed: 3600,
        from: Date.UTC(2014, 4, 12),
        qos: 1,
        prefix: '',
      },
    });
  });

  it('replays as fast as possible without a speed', () => {
    expect(parseReplayArgs(['d.csv', '--mapping', 'm.yaml'], {}, NOW)).toMatchObject({
      options: { speed: 0 },
    });
  });

  it('needs exactly one file and a mapping', () => {
    const result = parseReplayArgs(['a.csv', 'b.csv'], {}, NOW);
    expect(result.kind === 'invalid' ? result.problems : []).toEqual([
      'give exactly one CSV file',
      '--mapping is required',
    ]);
  });
});
