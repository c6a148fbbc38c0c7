import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, launchBrowser } from '../helpers/browser.js';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';

let platform: TestPlatform;
let browser: Browser;

beforeAll(async () => {
  platform = await startTestPlatform();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
});

describe('the dashboard in Chromium', () => {
  it('shows KPI tiles and changes a tile live when a reading is published', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const cspViolations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) cspViolations.push(message.text());
    });
    await page.goto(platform.httpUrl);
    // Signed out, the dashboard asks for a key; the key goes into a session cookie.
    await page.getByLabel('API key').fill(platform.adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('session').getAttribute('data-role')).toBe('admin');
    const tile = page.locator('[data-testid="kpi-tile"][data-kpi-id="env.air.pm25"]');
    await tile.waitFor({ timeout: 15_000 });
    expect(await page.locator('[data-testid="kpi-tile"]').count()).toBe(platform.view.plan.kpis.length);
    await expect.poll(() => tile.getAttribute('data-status')).toBe('no_data');

    const client = await platform.publisher();
    await client.publishAsync('sensors/aq-centre-1', JSON.stringify({ pm25: 13.7, ts: Date.now() - 1000 }), {
      qos: 1,
    });
    const value = tile.locator('[data-testid="kpi-value"]');
    // The operations view must show a published reading within 2 s.
    await expect.poll(() => value.textContent(), { timeout: 2000 }).toContain('13.7');
    await expect.poll(() => tile.getAttribute('data-status')).toBe('on_track');
    expect(await tile.textContent()).toMatch(/On track/i);

    await client.publishAsync('sensors/aq-north-1', JSON.stringify({ pm25: 30.3, ts: Date.now() - 500 }), {
      qos: 1,
    });
    await expect.poll(() => value.textContent(), { timeout: 5000 }).toContain('22');
    await expect.poll(() => tile.getAttribute('data-status')).toBe('off_track');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'operations-view.png'), fullPage: true });
    expect(cspViolations).toEqual([]);
    await page.close();
  });

  it("draws a tile's trend from its stored history as soon as the page shows it", async () => {
    // Readings three and two hours back: two hours of the 48-hour trend.
    const client = await platform.publisher();
    for (const hoursAgo of [3, 2])
      await client.publishAsync(
        'sensors/aq-centre-1',
        JSON.stringify({ pm25: 11.2, ts: Date.now() - hoursAgo * 3_600_000 }),
        { qos: 1 },
      );
    await expect
      .poll(async () => {
        const to = Date.now();
        const path = `/api/kpis/env.air.pm25/series?from=${to - 48 * 3_600_000}&to=${to}&every=1h`;
        return (await platform.get<{ points: unknown[] }>(path)).body.points.length;
      })
      .toBeGreaterThanOrEqual(2);
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(platform.httpUrl);
    await page.getByLabel('API key').fill(platform.adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const tile = page.locator('[data-testid="kpi-tile"][data-kpi-id="env.air.pm25"]');
    await tile.waitFor({ timeout: 15_000 });
    // Sparklines redraw at most every 5 s under load; the history they load is not held back by it.
    const trend = tile.getByTestId('kpi-sparkline');
    await expect
      .poll(async () => Number(await trend.getAttribute('data-series-length')), { timeout: 2000 })
      .toBeGreaterThanOrEqual(2);
    await page.close();
  });

  it('refuses a wrong key, hides plan editing from a viewer, and signs out', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(platform.httpUrl);
    const key = page.getByLabel('API key');
    await key.fill('ssc_wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('unknown or revoked');
    await page.screenshot({ path: join(ARTIFACTS_DIR, 'sign-in.png') });

    await key.fill(await platform.createKey('viewer'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('session').textContent()).toContain('viewer');
    await page.goto(`${platform.httpUrl}/#/kpi/env.air.pm25`);
    await page.getByTestId('edit-not-allowed').waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('planner-workspace').locator('form').count()).toBe(0);

    await page.getByTestId('sign-out').click();
    await page.getByLabel('API key').waitFor({ timeout: 10_000 });
    expect((await platform.fetch('/api/kpis', {}, 'ssc_wrong')).status).toBe(401);
    await page.close();
  });
});

describe('the public dashboard in Chromium (PUBLIC_DASHBOARD=true)', () => {
  let open: TestPlatform;
  beforeAll(async () => {
    open = await startTestPlatform({ PUBLIC_DASHBOARD: 'true' });
  });
  afterAll(async () => {
    await open?.close();
  });

  it('shows the KPI tiles without sign-in, still refuses writes, and offers staff a way in', async () => {
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    await page.goto(open.httpUrl);
    await page.locator('[data-testid="kpi-tile"]').first().waitFor({ timeout: 15_000 });
    expect(await page.getByTestId('session').getAttribute('data-role')).toBe('public');
    const write = await fetch(`${open.httpUrl}/api/plan`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(open.view.plan),
    });
    expect(write.status).toBe(401);
    expect(open.view.planVersion).toBe(1);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('API key').fill(open.adminKey);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByTestId('session').getAttribute('data-role')).toBe('admin');
    await page.close();
  }, 60_000);
});
