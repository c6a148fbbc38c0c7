import { readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { formatPlanIssues } from '@ssc-monitor/core';
import { FilePlanRepository } from '../adapters/plan/file-plan-repository.js';
import { loadConfig } from '../config.js';
import { createLogger } from '../logger.js';
import { DEMO_PLAN_FILE, loadPlanFile } from '../plan-loader.js';
import { openPlatformStorage } from '../storage.js';
import { importText, type ImportSummary } from './import-file.js';
import { mappingFromFlags, type MappingFlags } from './mapping-flags.js';
import { parseImportMapping, type ImportMapping } from './import-mapping.js';

const HELP = `Usage: npm run import -- <file.csv|file.json> --mapping <mapping.yaml>
       npm run import -- <file.csv> --sensor <id> --time-column <name> [--time-format <pattern>]
                         [--time-zone <IANA zone>] --column "<name>=<quantity>[:<unit>]" [--column …]

Loads historical data into the store (DATA_DIR, or InfluxDB with STORE=influx). Rows that cannot be
read are reported with their line numbers; importing the same file again stores nothing new.

Examples:
  npm run import -- FremontBridge.csv --mapping simulators/mappings/fremont-bridge.yaml
  npm run import -- station.csv --sensor aq-1 --time-column time --column "pm25=pm25" --column "no2=no2:ppb"
`;

function fail(message: string): never {
  process.stderr.write(`import: ${message}\n`);
  process.exit(1);
}

async function readMapping(path: string): Promise<ImportMapping> {
  const result = parseImportMapping(
    await readFile(path, 'utf8').catch(() => fail(`cannot read the mapping file ${path}`)),
  );
  if (!result.ok) fail(`the mapping has errors:\n${formatPlanIssues(path, result.issues)}`);
  return result.value;
}

function progressBar(done: number, total: number): void {
  if (!process.stdout.isTTY) return;
  const width = 30;
  const filled = Math.round((done / Math.max(1, total)) * width);
  process.stdout.write(
    `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} readings`,
  );
  if (done >= total) process.stdout.write('\n');
}

function report(file: string, summary: ImportSummary): void {
  const range =
    summary.from === null
      ? 'no readings'
      : `${new Date(summary.from).toISOString()} … ${new Date(summary.to ?? summary.from).toISOString()}`;
  const lines = [
    `${basename(file)}: ${summary.rowsRead.toLocaleString('en')} rows read, ${summary.readings.toLocaleString('en')} readings stored, ${summary.rowsRejected.toLocaleString('en')} rows with refused cells`,
    `  sensors: ${summary.sensors.join(', ') || '—'}`,
    `  time range: ${range}`,
    ...summary.errors
      .slice(0, 20)
      .map((e) => `  line ${e.line ?? e.row}${e.column ? ` [${e.column}]` : ''}: ${e.message} (${e.code})`),
  ];
  const counts = Object.entries(summary.errorCounts).map(([code, n]) => `${code} ${n.toLocaleString('en')}`);
  if (counts.length > 0)
    lines.push(
      `  refused cells by reason: ${counts.join(', ')}${summary.errors.length > 20 ? ' (first 20 shown above)' : ''}`,
    );
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      mapping: { type: 'string' },
      sensor: { type: 'string' },
      'time-column': { type: 'string' },
      'time-format': { type: 'string' },
      'time-zone': { type: 'string' },
      column: { type: 'string', multiple: true },
      delimiter: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help || positionals.length !== 1) {
    process.stdout.write(HELP);
    process.exit(values.help ? 0 : 1);
  }
  const file = positionals[0] ?? '';
  const mapping = values.mapping
    ? await readMapping(values.mapping)
    : mappingFromFlags(values as MappingFlags, extname(file), fail);
  const parsed = loadConfig(process.env);
  if (!parsed.ok) fail(`invalid configuration:\n  ${parsed.errors.join('\n  ')}`);
  const config = parsed.config;
  const plan =
    (await new FilePlanRepository(join(config.DATA_DIR, 'plans')).latest())?.plan ??
    (await loadPlanFile(config.PLAN_FILE ?? DEMO_PLAN_FILE));
  const districts = new Map(plan.sensors.map((s) => [s.id, s.district]));
  const text = await readFile(file, 'utf8').catch(() => fail(`cannot read ${file}`));
  const storage = await openPlatformStorage(
    config,
    createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL),
  ).catch((error: unknown) =>
    fail(`${(error as Error).message} (is the platform running on the same DATA_DIR? stop it first)`),
  );
  try {
    const result = await importText(text, basename(file), mapping, {
      store: storage.store,
      districtOf: (id) => districts.get(id) ?? 'unassigned',
      onProgress: progressBar,
    });
    if (!result.ok)
      fail(
        `the mapping does not fit ${basename(file)}:\n${result.issues.map((i) => `  ${i.path || '/'}: ${i.message}`).join('\n')}`,
      );
    report(file, result.summary);
  } finally {
    await storage.close();
  }
}

await main();
