/**
 * Saves the progress report (#/report) as an A4 PDF, rendered by Debian's headless Chromium:
 *
 *   npm run report -- --out report.pdf [--url http://localhost:8080] [--key-file data/admin-key]
 *
 * The platform must be running (npm start). The script signs in with an API key (viewer or above) read
 * from --key-file, by default the admin key the platform generated in ./data. The script waits until the report has all its numbers
 * (data-report-ready) and every chart has rendered (data-chart-ready), then prints with backgrounds.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { renderReportPdf } from '@ssc-monitor/ingest/reports';

interface Options {
  readonly out: string;
  readonly url: string;
  readonly key: string;
}

function readKey(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch (cause) {
    throw new Error(`cannot read an API key from ${file}; pass --key-file with a viewer key`, { cause });
  }
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      out: { type: 'string' },
      url: { type: 'string', default: 'http://localhost:8080' },
      'key-file': { type: 'string', default: 'data/admin-key' },
    },
  });
  if (values.out === undefined || values.out === '') throw new Error('give the PDF file: --out report.pdf');
  return { out: values.out, url: values.url.replace(/\/+$/, ''), key: readKey(values['key-file']) };
}

/** Fails with one line when nothing answers at the URL, before a browser is started for nothing. */
async function checkReachable(url: string, key: string): Promise<void> {
  try {
    const response = await fetch(`${url}/api/plan`, {
      headers: { authorization: `Bearer ${key}` },
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`${url}/api/plan answered HTTP ${response.status}`);
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(
      `the platform is not reachable at ${url} (${reason}); start it with "npm start" or pass --url`,
      { cause },
    );
  }
}

async function main(): Promise<void> {
  const { out, url, key } = options();
  await checkReachable(url, key);
  await renderReportPdf({ baseUrl: url, out, key });
  console.log(`report saved to ${out}`);
}

main().catch((error: unknown) => {
  console.error(`report: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
