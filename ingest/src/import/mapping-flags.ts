import type { ImportMapping } from './import-mapping.js';

export interface MappingFlags {
  readonly sensor?: string;
  readonly 'time-column'?: string;
  readonly 'time-format'?: string;
  readonly 'time-zone'?: string;
  readonly column?: string[];
  readonly delimiter?: string;
}

/** A mapping from command-line flags, for simple files: one sensor, `--column "Name=quantity[:unit]"`. */
export function mappingFromFlags(
  flags: MappingFlags,
  extension: string,
  fail: (message: string) => never,
): ImportMapping {
  const timeColumn = flags['time-column'];
  if (!flags.sensor || !timeColumn || !flags.column?.length)
    fail(
      'give --mapping <file>, or --sensor, --time-column and at least one --column "Name=quantity" (see --help)',
    );
  const readings = flags.column.map((spec) => {
    const match = /^(.+)=([A-Za-z0-9_.]+)(?::(.+))?$/.exec(spec);
    if (!match) fail(`--column "${spec}" is not "Name=quantity" or "Name=quantity:unit"`);
    const [, column = '', quantity = '', unit] = match;
    return { column, quantity, ...(unit ? { unit } : {}) };
  });
  return {
    format: extension.toLowerCase() === '.json' ? 'json' : 'csv',
    sensor: flags.sensor,
    time: {
      column: timeColumn,
      format: flags['time-format'] ?? 'iso8601',
      ...(flags['time-zone'] ? { timeZone: flags['time-zone'] } : {}),
    },
    readings,
    ...(flags.delimiter
      ? {
          csv: {
            delimiter: flags.delimiter === '\\t' ? '\t' : flags.delimiter,
            header: true,
            decimal: '.' as const,
          },
        }
      : {}),
  };
}
