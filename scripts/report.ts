/**
 * Saves the progress report (#/report) as an A4 PDF, rendered by Debian's headless Chromium:
 *
 *   npm run report -- --out report.pdf [--url http://localhost:8080]
 *
 * The platform must be running (npm start). The script waits until the report has all its numbers
 * (data-report-ready) and every chart has rendered (data-chart-ready), then prints with backgrounds.
 */
import { parseArgs } from 'node:util';
import { renderReportPdf } from '@ssc-monitor/ingest/reports';

interface Options {
  readonly out: string;
  readonly url: string;
}

function options(): Options {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, url: { type: 'string', default: 'http://localhost:8080' } },
  });
  if (values.out === undefined || values.out === '') throw new Error('give the PDF file: --out report.pdf');
  return { out: values.out, url: values.url.replace(/\/+$/, '') };
}

/** Fails with one line when nothing answers at the URL, before a browser is started for nothing. */
async function checkReachable(url: string): Promise<void> {
  try {
    const response = await fetch(`${url}/api/plan`, { signal: AbortSignal.timeout(5000) });
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
  const { out, url } = options();
  await checkReachable(url);
  await renderReportPdf({ baseUrl: url, out });
  console.log(`report saved to ${out}`);
}

main().catch((error: unknown) => {
  console.error(`report: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
