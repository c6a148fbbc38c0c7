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
import { chromium, type Browser } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const READY_TIMEOUT_MS = 60_000;

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

async function renderReport(browser: Browser, options: Options): Promise<void> {
  const { url, out } = options;
  // A4 width at 96 dpi, so the screen layout the charts are drawn for is the printed one.
  const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
  // The session cookie lands in the page's context, so the dashboard and its stream are signed in.
  const signIn = await page.request.post(`${url}/api/session`, { data: { key: options.key } });
  if (!signIn.ok()) throw new Error(`signing in at ${url} failed with HTTP ${signIn.status()}`);
  await page.goto(`${url}/#/report`);
  await page.waitForSelector('[data-testid="report"][data-report-ready="true"]', {
    timeout: READY_TIMEOUT_MS,
  });
  await page.waitForFunction(
    `document.querySelectorAll('[data-chart-ready="false"]').length === 0`,
    undefined,
    { timeout: READY_TIMEOUT_MS },
  );
  await page.pdf({ path: out, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.close();
}

async function main(): Promise<void> {
  const parsed = options();
  await checkReachable(parsed.url, parsed.key);
  const browser = await chromium
    .launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    })
    .catch((cause: unknown) => {
      const reason = cause instanceof Error ? cause.message.split('\n')[0] : String(cause);
      throw new Error(
        `cannot start Chromium at ${CHROMIUM} (${reason}); install it with "apt-get install chromium"`,
      );
    });
  try {
    await renderReport(browser, parsed);
  } finally {
    await browser.close();
  }
  console.log(`report saved to ${parsed.out}`);
}

main().catch((error: unknown) => {
  console.error(`report: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
