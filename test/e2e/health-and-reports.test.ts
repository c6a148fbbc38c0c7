import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, launchBrowser, signedInPage } from '../helpers/browser.js';
import { writeDemoPlanWith } from '../helpers/plan-file.js';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';

/** Three hourly PM2.5 values from a city portal, within the last day so they count as recent. */
function portalCsv(now: number): string {
  const hour = 3_600_000;
  const at = (h: number) => new Date(Math.floor(now / hour) * hour - h * hour).toISOString();
  return `time,pm25\r\n${at(3)},11.5\r\n${at(2)},12\r\n${at(1)},12.5\r\n`;
}

let portal: Server;
let platform: TestPlatform;
let browser: Browser;
let planDir: string;

beforeAll(async () => {
  const csv = portalCsv(Date.now());
  // A portal stand-in: one file that answers, one that has gone (404), so both states show.
  portal = createServer((req, res) => {
    if (req.url === '/air.csv') res.writeHead(200, { 'content-type': 'text/csv' }).end(csv);
    else res.writeHead(404).end('no such file');
  });
  await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
  const feed = (id: string, path: string) => ({
    id,
    url: `${base}${path}`,
    format: 'csv',
    schedule: '1h',
    time: { column: 'time' },
    readings: [{ quantity: 'pm25', column: 'pm25', sensor: 'portal-aq-1' }],
  });
  planDir = await mkdtemp(join(tmpdir(), 'ssc-plan-'));
  const planFile = await writeDemoPlanWith(planDir, [], {
    feeds: [feed('portal-air', '/air.csv'), feed('portal-gone', '/gone.csv')],
  });
  platform = await startTestPlatform({ PLAN_FILE: planFile, FEEDS_ALLOW_PRIVATE_NETWORKS: 'true' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await new Promise((resolve) => portal?.close(resolve));
  await rm(planDir, { recursive: true, force: true });
});

describe('data health view in Chromium', () => {
  it('lists every feed with its state, stored readings, last error and next run, and exports them', async () => {
    const page = await signedInPage(browser, platform.httpUrl, platform.adminKey);
    await page.goto(`${platform.httpUrl}/#/health`);
    const row = (id: string) => page.locator(`[data-testid="feed-row"][data-feed-id="${id}"]`);
    // Both feeds are pulled at start; the table polls, so wait for the first results.
    await row('portal-air').and(page.locator('[data-feed-state="ok"]')).waitFor({ timeout: 20_000 });
    await row('portal-gone').and(page.locator('[data-feed-state="failing"]')).waitFor({ timeout: 20_000 });

    expect(await row('portal-air').getByTestId('feed-stored').innerText()).toMatch(/^3\b/);
    await expect.poll(() => row('portal-air').innerText()).toMatch(/OK/);
    const gone = await row('portal-gone').innerText();
    expect(gone).toMatch(/Failing/);
    expect(gone).toContain('FEED_ERR_HTTP_STATUS');
    expect(gone).not.toContain('not scheduled');
    expect(await page.getByRole('table', { name: /open-data feeds/i }).count()).toBe(1);

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('[data-export="feeds"]').click(),
    ]);
    const path = await download.path();
    // The download starts with a byte-order mark, so spreadsheets read it as UTF-8.
    const lines = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^feed,state,schedule,/);
    expect(lines.some((l) => l.startsWith('portal-gone,failing,1h,'))).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'health-feeds.png'), fullPage: true });
    await page.close();
  });

  it('lists the scheduled council report with its next run, renders one on request and offers the PDF', async () => {
    const page = await signedInPage(browser, platform.httpUrl, platform.adminKey);
    await page.goto(`${platform.httpUrl}/#/report`);
    const monthly = page.locator('[data-testid="report-schedule"][data-report-id="council-monthly"]');
    await monthly.waitFor({ timeout: 20_000 });
    expect(await monthly.innerText()).toMatch(/Monthly, 06:00 UTC/);
    expect(await monthly.getByTestId('report-next-run').innerText()).toMatch(
      /^1 [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/,
    );
    expect(await page.getByTestId('report-archive-empty').count()).toBe(1);

    await page.getByRole('button', { name: 'Render Progress report now' }).click();
    const file = page.locator('[data-testid="report-file"]');
    await file.first().waitFor({ timeout: 90_000 });
    const link = file.first().getByRole('link');
    expect(await link.innerText()).toMatch(/^Progress report — /);
    const response = await page.request.get(`${platform.httpUrl}${await link.getAttribute('href')}`);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect((await response.body()).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'report-archive.png') });
    await page.close();
  }, 120_000);

  it('shows each sensor’s message rate once it has been seen twice', async () => {
    const page = await signedInPage(browser, platform.httpUrl, platform.adminKey);
    await page.goto(`${platform.httpUrl}/#/sensors`);
    const client = await platform.publisher();
    const publish = () => client.publishAsync('sensors/rate-probe', JSON.stringify({ pm25: 12 }), { qos: 1 });
    const rate = page.locator(
      '[data-testid="sensor-row"][data-sensor-id="rate-probe"] [data-testid="sensor-rate"]',
    );
    await publish();
    await rate.waitFor({ timeout: 20_000 });
    expect(await rate.innerText()).toBe('—');
    // Two more messages a second apart: the screen learns about one message a second, 60 a minute.
    for (let i = 0; i < 2; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await publish();
    }
    await expect.poll(() => rate.innerText(), { timeout: 20_000 }).toMatch(/^\d+ \/min$/);
    await page.close();
  });
});
