import { pino } from 'pino';
import { SimulatorError } from './errors.js';
import { loadMapping } from './load-files.js';
import { MqttPublisher } from './publish/mqtt-publisher.js';
import { readCsvFile } from './replay/csv-reader.js';
import { runReplay, type ReplayOptions, type ReplayProgress, type ReplaySummary } from './replay/replay.js';
import { parseReplayArgs, REPLAY_HELP, type ReplayCliOptions } from './replay-options.js';
import { clockTime, grouped, ProgressReporter } from './run/progress.js';

const iso = (t: number | undefined) => (t === undefined ? '–' : new Date(t).toISOString());

function progressLine(p: ReplayProgress): string {
  const rate = p.wallMs > 0 ? (p.published * 1000) / p.wallMs : 0;
  return `replay ${iso(p.current)}  ${grouped(p.rows)} rows  ${grouped(p.published)} msgs  ${grouped(rate)} msg/s  ${grouped(p.failed)} failed`;
}

function summaryLine(s: ReplaySummary): string {
  return (
    `replay: ${grouped(s.rows)} rows from ${iso(s.first)} to ${iso(s.current)}: ${grouped(s.published)} messages published, ` +
    `${grouped(s.failed)} failed, ${grouped(s.missingValues)} empty cells, ${grouped(s.outside)} rows outside the period, ` +
    `${grouped(s.badRows)} rows refused for their time${s.firstProblem ? ` (first: ${s.firstProblem})` : ''} in ${clockTime(s.wallMs / 1000)}`
  );
}

async function replay(options: ReplayCliOptions): Promise<number> {
  const mapping = await loadMapping(options.mappingFile);
  const logger = pino({ name: 'replay', level: 'warn' });
  const publisher = new MqttPublisher({ ...options, logger });
  await publisher.start();
  const progress = new ProgressReporter(process.stderr);
  const abort = new AbortController();
  const stop = () => abort.abort();
  process.once('SIGINT', stop).once('SIGTERM', stop);
  const run: ReplayOptions = {
    ...options,
    rows: readCsvFile(options.file, mapping.delimiter),
    mapping,
    publisher,
    signal: abort.signal,
    maxInFlight: options.maxInFlight,
    onProgress: (p) => progress.update({ type: 'progress', ...p, current: iso(p.current) }, progressLine(p)),
  };
  try {
    const summary = await runReplay(run);
    progress.finish(
      { type: 'summary', ...summary, first: iso(summary.first), current: iso(summary.current) },
      summaryLine(summary),
    );
    return summary.failed > 0 ? 1 : 0;
  } finally {
    process.off('SIGINT', stop).off('SIGTERM', stop);
    await publisher.stop();
  }
}

function main(): Promise<number> {
  const parsed = parseReplayArgs(process.argv.slice(2), process.env);
  const err = (line: string) => process.stderr.write(`replay: ${line}\n`);
  if (parsed.kind === 'help') {
    process.stdout.write(REPLAY_HELP);
    return Promise.resolve(0);
  }
  if (parsed.kind === 'invalid') {
    for (const problem of parsed.problems) err(problem);
    err('run with --help for usage');
    return Promise.resolve(2);
  }
  return replay(parsed.options).catch((error: unknown) => {
    if (!(error instanceof SimulatorError)) throw error;
    err(error.message);
    return 1;
  });
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`replay: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
