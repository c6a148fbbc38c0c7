import { ReportError } from '@ssc-monitor/core';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium; never a browser downloaded by Playwright. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium';

export interface RenderReportOptions {
  /** Base URL of the running platform, e.g. http://127.0.0.1:8080. */
  readonly baseUrl: string;
  /** PDF file to write. */
  readonly out: string;
  /** An API key (viewer or above) to sign in with; the session cookie then carries the page. */
  readonly key?: string;
  /** @defaultValue DEFAULT_CHROMIUM_PATH */
  readonly chromiumPath?: string;
  /** Longest wait for the page to have all its numbers and charts, ms. @defaultValue 60000 */
  readonly readyTimeoutMs?: number;
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

async function launch(path: string): Promise<Browser> {
  try {
    return await chromium.launch({ executablePath: path, args: CHROMIUM_ARGS });
  } catch (cause) {
    const reason = cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : String(cause);
    throw new ReportError(
      'REPORT_ERR_CHROMIUM',
      `cannot start Chromium at ${path} (${reason}); install it with "apt-get install chromium"`,
      { cause },
    );
  }
}

/**
 * Prints the progress report page (#/report) to an A4 PDF with headless Chromium, once the page has
 * all its numbers (data-report-ready) and every chart has drawn (data-chart-ready). Used by
 * `npm run report` and by scheduled report jobs.
 */
export async function renderReportPdf(options: RenderReportOptions): Promise<void> {
  const timeout = options.readyTimeoutMs ?? 60_000;
  const browser = await launch(options.chromiumPath ?? DEFAULT_CHROMIUM_PATH);
  try {
    // A4 width at 96 dpi, so the screen layout the charts are drawn for is the printed one.
    const page = await browser.newPage({ viewport: { width: 794, height: 1123 } });
    const base = options.baseUrl.replace(/\/+$/, '');
    if (options.key !== undefined) {
      const signIn = await page.request.post(`${base}/api/session`, { data: { key: options.key } });
      if (!signIn.ok()) throw new Error(`signing in at ${base} failed with HTTP ${signIn.status()}`);
    }
    await page.goto(`${base}/#/report`);
    await page.waitForSelector('[data-testid="report"][data-report-ready="true"]', { timeout });
    await page.waitForFunction(
      `document.querySelectorAll('[data-chart-ready="false"]').length === 0`,
      undefined,
      { timeout },
    );
    await page.pdf({ path: options.out, format: 'A4', printBackground: true, preferCSSPageSize: true });
  } catch (cause) {
    if (cause instanceof ReportError) throw cause;
    const reason = cause instanceof Error ? (cause.message.split('\n')[0] ?? '') : String(cause);
    throw new ReportError('REPORT_ERR_RENDER', `the report page could not be printed: ${reason}`, { cause });
  } finally {
    await browser.close();
  }
}
