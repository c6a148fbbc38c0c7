import { parseArgs } from 'node:util';
import {
  duration,
  instant,
  optional,
  positiveNumber,
  qosOf,
  wholeNumber,
  type Check,
} from './option-values.js';
import { DEFAULT_DEMO_SIMULATION_OPTIONS, MIN_INTERVAL_MS } from './run-demo.js';
import { DEFAULT_MAX_IN_FLIGHT } from './run/run-scenario.js';

export { HELP_TEXT } from './cli-help.js';

export const DEFAULT_MQTT_URL = 'mqtt://localhost:1883';

/** Where and how to publish: shared by the simulation and the load generator. */
export interface BrokerOptions {
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  readonly prefix: string;
  readonly qos: 0 | 1;
}

export interface CliOptions extends BrokerOptions {
  readonly planFile: string;
  /** A scenario file; its plan (if any) replaces `planFile`. */
  readonly scenarioFile?: string;
  /** Absent: the scenario's seed (1 for a plan). */
  readonly seed?: number;
  readonly intervalMs: number;
  readonly backfillMs: number;
  readonly speed?: number;
  readonly from?: number;
  readonly to?: number;
  readonly durationMs?: number;
  readonly stepMs?: number;
  /** Inject the scenario's faults. */
  readonly faults: boolean;
  readonly maxInFlight: number;
}

export interface LoadCliOptions extends BrokerOptions {
  /** Target messages per second, over all clients. */
  readonly rate: number;
  readonly sensors: number;
  readonly clients: number;
  readonly durationMs: number;
}

/** The environment variables the CLI reads; the password only comes from here, never from argv. */
export interface CliEnvironment {
  readonly MQTT_URL?: string;
  readonly MQTT_USERNAME?: string;
  readonly MQTT_PASSWORD?: string;
}

export type CliParseResult =
  | { readonly kind: 'help' }
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'load'; readonly options: LoadCliOptions }
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

const OPTIONS = {
  url: { type: 'string' },
  username: { type: 'string' },
  plan: { type: 'string' },
  scenario: { type: 'string' },
  prefix: { type: 'string' },
  seed: { type: 'string' },
  interval: { type: 'string' },
  backfill: { type: 'string' },
  qos: { type: 'string' },
  speed: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  duration: { type: 'string' },
  step: { type: 'string' },
  'no-faults': { type: 'boolean' },
  'max-in-flight': { type: 'string' },
  load: { type: 'boolean' },
  rate: { type: 'string' },
  sensors: { type: 'string' },
  clients: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];

/** Options that only make sense for one of the two commands. */
const SIMULATION_ONLY = [
  'plan',
  'scenario',
  'seed',
  'interval',
  'backfill',
  'speed',
  'from',
  'to',
  'step',
  'no-faults',
] as const;
const LOAD_ONLY = ['rate', 'sensors', 'clients'] as const;

export const DEFAULT_LOAD_OPTIONS = { rate: 1000, sensors: 100, clients: 1, durationMs: 10_000 } as const;

function brokerOptions(values: Values, env: CliEnvironment, problems: string[]): BrokerOptions {
  const d = DEFAULT_DEMO_SIMULATION_OPTIONS;
  return {
    url: values.url ?? env.MQTT_URL ?? DEFAULT_MQTT_URL,
    username: values.username ?? env.MQTT_USERNAME,
    password: env.MQTT_PASSWORD,
    prefix: values.prefix ?? d.prefix,
    qos: optional(values.qos, qosOf, problems) ?? d.qos,
  };
}

function misplaced(values: Values, names: readonly (keyof Values)[], command: string): string[] {
  return names
    .filter((name) => values[name] !== undefined)
    .map((name) => `--${String(name)} does not apply to ${command}`);
}

function loadOptions(values: Values, env: CliEnvironment, problems: string[]): LoadCliOptions {
  const d = DEFAULT_LOAD_OPTIONS;
  problems.push(...misplaced(values, SIMULATION_ONLY, '--load'));
  return {
    ...brokerOptions(values, env, problems),
    rate: optional(values.rate, positiveNumber('rate'), problems) ?? d.rate,
    sensors: optional(values.sensors, wholeNumber('sensors', 1, 1_000_000), problems) ?? d.sensors,
    clients: optional(values.clients, wholeNumber('clients', 1, 256), problems) ?? d.clients,
    durationMs: optional(values.duration, duration('duration', 1000), problems) ?? d.durationMs,
  };
}

function simulationOptions(
  values: Values,
  env: CliEnvironment,
  planFile: string,
  now: number,
  problems: string[],
): CliOptions {
  const d = DEFAULT_DEMO_SIMULATION_OPTIONS;
  problems.push(...misplaced(values, LOAD_ONLY, 'a simulation (add --load for the load generator)'));
  if (values.plan !== undefined && values.scenario !== undefined)
    problems.push('give --plan or --scenario, not both (a scenario names its plan)');
  const options: CliOptions = {
    ...brokerOptions(values, env, problems),
    planFile: values.plan ?? planFile,
    scenarioFile: values.scenario,
    seed: optional(values.seed, wholeNumber('seed', 0), problems),
    intervalMs: optional(values.interval, duration('interval', MIN_INTERVAL_MS), problems) ?? d.intervalMs,
    backfillMs: optional(values.backfill, duration('backfill', 0), problems) ?? d.backfillMs,
    speed: optional(values.speed, positiveNumber('speed'), problems),
    from: optional(values.from, instant('from', now), problems),
    to: optional(values.to, instant('to', now), problems),
    durationMs: optional(values.duration, duration('duration', 1000), problems),
    stepMs: optional(values.step, duration('step', 1000), problems),
    faults: values['no-faults'] !== true,
    maxInFlight:
      optional(values['max-in-flight'], wholeNumber('max-in-flight', 1, 100_000), problems) ??
      DEFAULT_MAX_IN_FLIGHT,
  };
  const fast =
    options.speed !== undefined ||
    options.from !== undefined ||
    options.to !== undefined ||
    options.durationMs !== undefined;
  if (fast && values.backfill !== undefined)
    problems.push('--backfill goes with real time; for a past period use --from/--to/--duration');
  return options;
}

function parsed(argv: readonly string[]): Check<Values> {
  try {
    return {
      value: parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values,
    };
  } catch (error) {
    return { problem: error instanceof Error ? error.message : String(error) };
  }
}

/** Parses the CLI's arguments; every bad option is reported, not only the first. */
export function parseCliArgs(
  argv: readonly string[],
  env: CliEnvironment,
  defaultPlanFile: string,
  now: number = Date.now(),
): CliParseResult {
  const args = parsed(argv);
  if ('problem' in args) return { kind: 'invalid', problems: [args.problem] };
  const values = args.value;
  if (values.help) return { kind: 'help' };
  const problems: string[] = [];
  if (values.load) {
    const options = loadOptions(values, env, problems);
    return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'load', options };
  }
  const options = simulationOptions(values, env, defaultPlanFile, now, problems);
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'run', options };
}
