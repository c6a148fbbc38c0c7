import { parseArgs } from 'node:util';
import { parseDurationMs } from '@ssc-monitor/core';
import { DEFAULT_DEMO_SIMULATION_OPTIONS, MIN_INTERVAL_MS } from './run-demo.js';

export const DEFAULT_MQTT_URL = 'mqtt://localhost:1883';

export interface CliOptions {
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  readonly planFile: string;
  readonly prefix: string;
  readonly seed: number;
  readonly intervalMs: number;
  readonly backfillMs: number;
  readonly qos: 0 | 1;
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
  | { readonly kind: 'invalid'; readonly problems: readonly string[] };

export const HELP_TEXT = `Usage: npm run simulate -- [options]

Publishes the simulated sensors of a master plan (air quality, noise, traffic, cycling, energy,
water, waste, weather) to an MQTT broker: one message per sensor per interval, on
<prefix>sensors/<sensorId>. Ctrl-C stops it.

Options:
  --url <url>         broker URL (default: $MQTT_URL or ${DEFAULT_MQTT_URL})
  --username <name>   broker user (default: $MQTT_USERNAME); the password is read from $MQTT_PASSWORD
  --plan <file>       master plan whose sensors are simulated (default: demo/plan.yaml)
  --prefix <prefix>   topic prefix, e.g. lakeside/ (default: none)
  --seed <n>          random seed; the same seed gives the same readings (default: ${DEFAULT_DEMO_SIMULATION_OPTIONS.seed})
  --interval <time>   real-time publishing interval (default: 10s)
  --backfill <time>   first publish this past period, with historical timestamps (default: 0)
  --qos <0|1>         MQTT quality of service (default: ${DEFAULT_DEMO_SIMULATION_OPTIONS.qos})
  -h, --help          show this help

Times: 500ms, 10s, 5m, 48h, 2d, 1.5h.

Examples:
  npm run simulate
  npm run simulate -- --backfill 48h
  npm run simulate -- --url mqtt://broker.example:1883 --prefix lakeside/ --qos 1
  npm run simulate -- --plan my-city.yaml --seed 7 --interval 1m
`;

const OPTIONS = {
  url: { type: 'string' },
  username: { type: 'string' },
  plan: { type: 'string' },
  prefix: { type: 'string' },
  seed: { type: 'string' },
  interval: { type: 'string' },
  backfill: { type: 'string' },
  qos: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Check<T> = { value: T } | { problem: string };

function duration(name: string, text: string, min: number): Check<number> {
  // A bare number is refused: whether `--interval 10` means ms or s would be a guess.
  const ms = /^\d+(?:\.\d+)?$/.test(text.trim()) && Number(text) !== 0 ? undefined : parseDurationMs(text);
  if (ms === undefined)
    return { problem: `--${name} '${text}' is not a time with a unit (e.g. 10s, 5m, 48h)` };
  if (ms < min) return { problem: `--${name} must be at least ${min} ms` };
  return { value: ms };
}

function seedOf(text: string): Check<number> {
  const seed = Number(text);
  return /^\d+$/.test(text) && Number.isSafeInteger(seed)
    ? { value: seed }
    : { problem: `--seed '${text}' is not a whole number` };
}

function qosOf(text: string): Check<0 | 1> {
  if (text === '0') return { value: 0 };
  if (text === '1') return { value: 1 };
  return { problem: `--qos '${text}' must be 0 or 1` };
}

function collect<T>(check: Check<T>, problems: string[], fallback: T): T {
  if ('problem' in check) {
    problems.push(check.problem);
    return fallback;
  }
  return check.value;
}

/** Parses the CLI's arguments; every bad option is reported, not only the first. */
export function parseCliArgs(
  argv: readonly string[],
  env: CliEnvironment,
  defaultPlanFile: string,
): CliParseResult {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  try {
    values = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }).values;
  } catch (error) {
    return { kind: 'invalid', problems: [error instanceof Error ? error.message : String(error)] };
  }
  if (values.help) return { kind: 'help' };
  const problems: string[] = [];
  const d = DEFAULT_DEMO_SIMULATION_OPTIONS;
  const options: CliOptions = {
    url: values.url ?? env.MQTT_URL ?? DEFAULT_MQTT_URL,
    username: values.username ?? env.MQTT_USERNAME,
    password: env.MQTT_PASSWORD,
    planFile: values.plan ?? defaultPlanFile,
    prefix: values.prefix ?? d.prefix,
    seed: values.seed === undefined ? d.seed : collect(seedOf(values.seed), problems, d.seed),
    intervalMs:
      values.interval === undefined
        ? d.intervalMs
        : collect(duration('interval', values.interval, MIN_INTERVAL_MS), problems, d.intervalMs),
    backfillMs:
      values.backfill === undefined
        ? d.backfillMs
        : collect(duration('backfill', values.backfill, 0), problems, 0),
    qos: values.qos === undefined ? d.qos : collect(qosOf(values.qos), problems, d.qos),
  };
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'run', options };
}
