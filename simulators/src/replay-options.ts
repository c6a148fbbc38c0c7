import { parseArgs } from 'node:util';
import { DEFAULT_MQTT_URL, type CliEnvironment } from './cli-options.js';
import { instant, optional, qosOf, wholeNumber, type Check } from './option-values.js';

export const REPLAY_HELP = `Usage: npm run replay -- <file.csv> --mapping <mapping.yaml> [options]

Republishes a real dataset as MQTT sensor readings on <prefix>sensors/<sensorId>, with the times
the file gives. The mapping (YAML) names the time column(s), format and time zone, the sensor id
(fixed or a column) and the column of each quantity; see simulators/mappings/.

Options:
  --mapping <file>       the mapping (required)
  --speed <n>            data time per wall time, e.g. 3600 = an hour of data per second;
                         0 or absent: as fast as the broker takes it
  --from <when>          only rows at or after: 2014-05-12 or 2014-05-12T00:00:00-07:00
  --to <when>            only rows before
  --url <url>            broker URL (default: $MQTT_URL or ${DEFAULT_MQTT_URL})
  --username <name>      broker user (default: $MQTT_USERNAME); the password comes from $MQTT_PASSWORD
  --prefix <prefix>      topic prefix (default: none)
  --qos <0|1>            MQTT quality of service (default: 1)
  --max-in-flight <n>    unacknowledged messages at most (default: 1000)
  -h, --help             show this help
`;

const OPTIONS = {
  mapping: { type: 'string' },
  speed: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  url: { type: 'string' },
  username: { type: 'string' },
  prefix: { type: 'string' },
  qos: { type: 'string' },
  'max-in-flight': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface ReplayCliOptions {
  readonly file: string;
  readonly mappingFile: string;
  readonly speed: number;
  readonly from?: number;
  readonly to?: number;
  readonly url: string;
  readonly username?: string;
  readonly password?: string;
  readonly prefix: string;
  readonly qos: 0 | 1;
  readonly maxInFlight: number;
}

const speedOf = (text: string): Check<number> =>
  /^\d+(\.\d+)?$/.test(text) ? { value: Number(text) } : { problem: `--speed '${text}' is not a number ≥ 0` };

/** Parses the replay CLI's arguments; every problem is reported, not only the first. */
export function parseReplayArgs(
  argv: readonly string[],
  env: CliEnvironment,
  now = Date.now(),
): { kind: 'help' } | { kind: 'run'; options: ReplayCliOptions } | { kind: 'invalid'; problems: string[] } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: true });
  } catch (error) {
    return { kind: 'invalid', problems: [error instanceof Error ? error.message : String(error)] };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const problems: string[] = [];
  if (positionals.length !== 1) problems.push('give exactly one CSV file');
  if (values.mapping === undefined) problems.push('--mapping is required');
  const options: ReplayCliOptions = {
    file: positionals[0] ?? '',
    mappingFile: values.mapping ?? '',
    speed: optional(values.speed, speedOf, problems) ?? 0,
    from: optional(values.from, instant('from', now), problems),
    to: optional(values.to, instant('to', now), problems),
    url: values.url ?? env.MQTT_URL ?? DEFAULT_MQTT_URL,
    username: values.username ?? env.MQTT_USERNAME,
    password: env.MQTT_PASSWORD,
    prefix: values.prefix ?? '',
    qos: optional(values.qos, qosOf, problems) ?? 1,
    maxInFlight:
      optional(values['max-in-flight'], wholeNumber('max-in-flight', 1, 100_000), problems) ?? 1000,
  };
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'run', options };
}
