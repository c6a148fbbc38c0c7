import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MqttClient } from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, launchBrowser, signedInPage } from '../helpers/browser.js';
import { findColourOnCanvas, focusedAttribute, pageLayout, tabThrough } from '../helpers/page-probes.js';
import { writeDemoPlanWith } from '../helpers/plan-file.js';
import { publishHourlyHistory } from '../helpers/senml-history.js';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';

const DEMO_DISTRICTS = ['centre', 'east', 'harbour', 'north', 'university'];
/** A calendar KPI with WHO and EU reference values, added to the demo plan. */
const ANNUAL_PM25 = {
  id: 'env.air.pm25.annual',
  baseline: { value: 9.5, period: { from: '2024-01-01', to: '2024-12-31' } },
  targets: [{ horizon: 'short' as const, date: '2027-12-31', value: 8 }],
};
/** Sky blue, the colour of a sensor that is reporting: the only one on the map in the first test. */
const REPORTING_BLUE = [86, 180, 233] as const;

let platform: TestPlatform;
let browser: Browser;
let client: MqttClient;
let planDir: string;

beforeAll(async () => {
  planDir = await mkdtemp(join(tmpdir(), 'ssc-plan-'));
  platform = await startTestPlatform({ PLAN_FILE: await writeDemoPlanWith(planDir, [ANNUAL_PM25]) });
  browser = await launchBrowser();
  client = await platform.publisher();
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await rm(planDir, { recursive: true, force: true });
});

async function open(path: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await signedInPage(browser, platform.httpUrl, platform.adminKey, viewport);
  await page.goto(`${platform.httpUrl}/${path}`);
  return page;
}

const publish = (sensorId: string, payload: unknown) =>
  client.publishAsync(
    `sensors/${sensorId}`,
    typeof payload === 'string' ? payload : JSON.stringify(payload),
    {
      qos: 1,
    },
  );

const shot = (page: Page, name: string, fullPage = false) =>
  page.screenshot({ path: join(ARTIFACTS_DIR, name), fullPage });

describe('dashboard views in Chromium', () => {
  it('draws the five demo districts offline and opens a clicked sensor in the sensors table', async () => {
    await publish('aq-centre-1', { pm25: 12, ts: Date.now() });
    const page = await open('#/map');
    const map = page.locator('[data-testid="city-map"]');
    await expect.poll(() => map.getAttribute('data-chart-ready'), { timeout: 10_000 }).toBe('true');
    expect(await map.getAttribute('data-districts')).toBe('5');
    expect((await map.getAttribute('data-district-ids'))?.split(' ').sort()).toEqual(DEMO_DISTRICTS);
    expect(await map.getAttribute('data-sensors')).toBe('32');
    expect(await page.locator('[data-testid="district-row"]').count()).toBe(5);
    await expect.poll(() => map.getAttribute('data-clusters')).toBe('0');
    await shot(page, 'map-view.png');

    const point = await findColourOnCanvas(page, '[data-testid="city-map"]', REPORTING_BLUE);
    expect(point).not.toBeNull();
    await page.mouse.click(point?.x ?? 0, point?.y ?? 0);
    await page.waitForURL(/#\/sensors\?sensor=aq-centre-1$/, { timeout: 5000 });
    const row = page.locator('[data-testid="sensor-row"][data-sensor-id="aq-centre-1"]');
    await expect.poll(() => row.getAttribute('data-selected')).toBe('true');
    expect(await focusedAttribute(page, 'data-sensor-id')).toBe('aq-centre-1');
    await shot(page, 'sensors-view.png');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-testid="csv-button"][data-export="sensors"]'),
    ]);
    expect(download.suggestedFilename()).toMatch(/^sensors-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFsensor,district_id,district,last_seen,messages,rejected,pm25 [µg/m³],pm25_at',
    );
    expect(csv).toContain('aq-centre-1,centre,Old Town Centre,');
    await page.close();
  });

  it('raises a silent-sensor alert that is acknowledged and stays so after a reload', async () => {
    // Short thresholds by URL: silent after 2 s instead of 10 min, polling every second.
    const page = await open('?alert-silent-min=2s&alert-poll=1s#/');
    await publish('noise-harbour-1', { noise_laeq: 55, ts: Date.now() });
    for (let i = 0; i < 5; i += 1) {
      await publish('noise-east-1', { noise_laeq: 50 + i, ts: Date.now() });
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const silentAlert = page.locator(
      '[data-testid="alerts-open"] [data-kind="sensor_silent"][data-subject="noise-east-1"]',
    );
    await silentAlert.waitFor({ timeout: 10_000 });
    expect(await silentAlert.textContent()).toMatch(/noise-east-1 is silent.*East Industrial/);

    // A burst of rejected messages from another source is an alert of its own.
    for (let i = 0; i < 12; i += 1) await publish('burst-probe', 'not json');
    const burst = page.locator('[data-testid="alerts-open"] [data-kind="dead_letter_burst"]');
    await burst.waitFor({ timeout: 5000 });
    await expect.poll(() => burst.textContent()).toContain('12 messages rejected');
    await shot(page, 'operations-alerts.png');

    await silentAlert.locator('[data-testid="alert-ack"]').click();
    const acknowledged = page.locator('[data-testid="alerts-acknowledged"] [data-subject="noise-east-1"]');
    await expect.poll(() => acknowledged.count()).toBe(1);
    expect(await silentAlert.count()).toBe(0);
    expect(await acknowledged.getAttribute('data-acknowledged')).toBe('true');

    await page.reload();
    await page.locator('[data-testid="alerts-panel"]').waitFor();
    await expect.poll(() => acknowledged.count()).toBe(1);
    // noise-harbour-1 is silent too: once its alert is back, the rules have seen the sensors again.
    await page
      .locator('[data-testid="alerts-open"] [data-subject="noise-harbour-1"]')
      .waitFor({ timeout: 5000 });
    expect(await silentAlert.count()).toBe(0);

    await page.goto(`${platform.httpUrl}/#/health`);
    await page.locator('[data-testid="dead-letter-row"]').first().waitFor();
    await shot(page, 'health-view.png');
    await page.close();
  });

  it('reaches every KPI tile, nav item, alert button and map control by keyboard, with a focus ring', async () => {
    // PM2.5 far above its trajectory turns the KPI off track: an alert with a button to reach.
    await publish('aq-north-1', { pm25: 60, ts: Date.now() });
    const page = await open('#/');
    const kpiIds = platform.view.plan.kpis.map((k) => k.id);
    await expect
      .poll(() => page.locator('[data-testid="kpi-tile"]').count(), { timeout: 10_000 })
      .toBe(kpiIds.length);
    await page.locator('[data-testid="alert-ack"]').first().waitFor({ timeout: 10_000 });

    const focused = await tabThrough(page, 70);
    expect(focused[0]?.text).toBe('Skip to content');
    for (const id of kpiIds)
      expect(
        focused.some((f) => f.kpiId === id),
        `tile ${id}`,
      ).toBe(true);
    for (const nav of ['nav-operations', 'nav-map', 'nav-sensors', 'nav-health'])
      expect(
        focused.some((f) => f.testId === nav),
        nav,
      ).toBe(true);
    expect(focused.some((f) => f.testId === 'alert-ack')).toBe(true);
    // Past the last control, focus leaves the page (body), which draws no ring.
    expect(focused.filter((f) => !f.ring && f.tag !== 'body').map((f) => f.text)).toEqual([]);

    await page.goto(`${platform.httpUrl}/#/map`);
    await page.locator('[data-testid="city-map"][data-chart-ready="true"]').waitFor({ timeout: 10_000 });
    const onMap = await tabThrough(page, 14);
    for (const control of [
      'map-metric',
      'map-heat-toggle',
      'map-heat-quantity',
      'png-button',
      'city-map-frame',
    ])
      expect(
        onMap.some((f) => f.testId === control),
        control,
      ).toBe(true);
    for (const label of ['Zoom in', 'Zoom out', 'Reset view'])
      expect(
        onMap.some((f) => f.text === label),
        label,
      ).toBe(true);
    expect(onMap.filter((f) => !f.ring && f.tag !== 'body').map((f) => f.text)).toEqual([]);
    await page.close();
  });

  it('shows the measured baseline with its coverage after a year of readings is replayed', async () => {
    // 2024 in the city's zone (Europe/Oslo) starts at 23:00 UTC the day before.
    const from = Date.UTC(2023, 11, 31, 23);
    await publishHourlyHistory(client, {
      sensorId: 'aq-university-1',
      quantity: 'pm25',
      from,
      hours: 366 * 24,
      value: (hour) => 8 + (hour % 24) / 6,
    });
    await publishHourlyHistory(client, {
      sensorId: 'aq-university-1',
      quantity: 'no2',
      from,
      hours: 30 * 24,
      value: () => 30,
    });
    await expect
      .poll(
        async () =>
          (await platform.get<{ readings: number }>('/api/kpis/env.air.pm25.annual/measure')).body.readings,
        {
          timeout: 10_000,
        },
      )
      .toBe(366 * 24);

    const page = await open('#/kpi/env.air.pm25.annual?range=all');
    const measured = page.locator('[data-testid="measured-baseline"]');
    await measured.waitFor({ timeout: 10_000 });
    expect(await measured.getAttribute('data-sufficient')).toBe('true');
    expect(await measured.getAttribute('data-readings')).toBe(String(366 * 24));
    expect(Number(await measured.getAttribute('data-coverage'))).toBeGreaterThan(0.99);
    expect(await measured.textContent()).toMatch(
      /9\.9 µg\/m³.*Enough data.*100% of hours.*1 sensor \(aq-university-1\)/,
    );

    const chart = page.locator('[data-testid="kpi-series-chart"]');
    await expect.poll(() => chart.getAttribute('data-chart-ready'), { timeout: 10_000 }).toBe('true');
    expect(await chart.getAttribute('data-references')).toBe('3');
    expect(await page.locator('[data-testid="kpi-references"]').textContent()).toContain(
      'WHO AQG annual 5 µg/m³',
    );
    const year = new Date().getUTCFullYear();
    expect(await page.locator('[data-testid="kpi-period"]').getAttribute('data-from')).toBe(`${year}-01-01`);
    await shot(page, 'kpi-page.png', true);

    await page.goto(`${platform.httpUrl}/#/kpi/env.air.no2`);
    const partial = page.locator('[data-testid="measured-baseline"][data-kpi-id="env.air.no2"]');
    await partial.waitFor({ timeout: 10_000 });
    expect(await partial.getAttribute('data-sufficient')).toBe('false');
    expect(await partial.textContent()).toMatch(/Insufficient data.*8% of hours/);
    await page.close();
  });

  it('scales the operations view with the screen, from 1920 × 1080 to 3840 × 2160', async () => {
    const widths: number[] = [];
    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 3840, height: 2160 },
    ]) {
      const page = await open('#/', viewport);
      const tile = page.locator('[data-testid="kpi-tile"]').first();
      await tile.waitFor({ timeout: 10_000 });
      const layout = await pageLayout(page);
      expect(layout.rem).toBe(`${viewport.width / 120}px`);
      expect(layout.overflowX).toBeLessThanOrEqual(0);
      expect(layout.overflowY).toBeLessThanOrEqual(0);
      widths.push((await tile.boundingBox())?.width ?? 0);
      await shot(page, viewport.width === 1920 ? 'operations-1080p.png' : 'operations-4k.png');
      await page.close();
    }
    // The same layout at twice the size: a tile is twice as wide, not one of four times as many.
    expect((widths[1] ?? 0) / (widths[0] ?? 1)).toBeCloseTo(2, 1);
  });
});
