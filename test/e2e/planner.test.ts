import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS_DIR, launchBrowser, signedInPage } from '../helpers/browser.js';
import { writeDemoPlanWithInitiatives } from '../helpers/plan-with-initiatives.js';
import { publishHourlyHistory } from '../helpers/senml-history.js';
import { startTestPlatform, type TestPlatform } from '../helpers/test-platform.js';
import { waitFor } from '../helpers/wait-for.js';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const KPI = 'env.air.pm25';
const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The bus-lane initiative started 30 days ago, while PM2.5 was slowly falling. */
const START = Date.now() - 30 * DAY;
const HISTORY_DAYS = 90;

let platform: TestPlatform;
let browser: Browser;
let planDir: string;

interface KpiDetailBody {
  kpi: { current: { value: number | null }; status: string };
  trend: { verdict: string } | null;
}

beforeAll(async () => {
  planDir = await mkdtemp(join(tmpdir(), 'ssc-planner-'));
  const planFile = await writeDemoPlanWithInitiatives(
    planDir,
    [
      {
        id: 'bus-lanes',
        name: 'Electric bus lanes',
        owner: 'Transport department',
        budget: { amount: 2_500_000, currency: 'EUR' },
        start: isoDate(START),
        end: isoDate(Date.now() + 700 * DAY),
        kpis: [KPI],
        description: 'Zero-emission buses on the ring road.',
      },
    ],
    [{ name: 'Ana Lund', role: 'Plan owner', organisation: 'City council' }],
  );
  platform = await startTestPlatform({ PLAN_FILE: planFile });
  browser = await launchBrowser();
  const client = await platform.publisher();
  // 90 days of hourly PM2.5 in the centre falling from 15 to 14 µg/m³ (−4 a year): a trend, and a
  // lower mean since the initiative started than in the months before.
  const hours = HISTORY_DAYS * 24;
  await publishHourlyHistory(client, {
    sensorId: 'aq-centre-1',
    quantity: 'pm25',
    from: Date.now() - hours * HOUR,
    hours,
    value: (hour) => 15 - hour / hours,
  });
  await waitFor(
    'PM2.5 to have a value and a trend',
    async () => {
      const { body } = await platform.get<KpiDetailBody>(`/api/kpis/${KPI}`);
      return body.kpi.current.value !== null && body.trend !== null;
    },
    { timeoutMs: 15_000 },
  );
});
afterAll(async () => {
  await browser?.close();
  await platform?.close();
  await rm(planDir, { recursive: true, force: true });
});

async function open(hash: string, viewport = { width: 1920, height: 1080 }): Promise<Page> {
  const page = await signedInPage(browser, platform.httpUrl, platform.adminKey, viewport);
  await page.goto(`${platform.httpUrl}/${hash}`);
  return page;
}

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS_DIR, name), fullPage: true });

describe('the planner workspace, master plan and report in Chromium', () => {
  it('edits a target on the KPI page and shows the new status, trajectory and plan version', async () => {
    const page = await open(`#/kpi/${KPI}`);
    const detail = page.locator('[data-testid="kpi-detail"]');
    const chart = page.locator('[data-testid="trajectory-chart"]');
    await expect.poll(() => detail.getAttribute('data-status'), { timeout: 10_000 }).toBe('on_track');
    await expect.poll(() => chart.getAttribute('data-chart-ready')).toBe('true');
    expect(await chart.getAttribute('data-trajectory')).toBe('2027-12-31:15|2030-12-31:10|2035-12-31:5');
    expect(await chart.getAttribute('data-trend')).toBe('true');
    expect(await page.locator('[data-testid="trend-verdict"]').textContent()).toMatch(
      /^At the current trend, the 2027 target of 15 µg\/m³ is (met|missed)/,
    );

    await page.getByLabel('Your name').fill('Ana Planner');
    await page.getByLabel('Value of target 1 (µg/m³)').fill('5');
    await page.getByRole('button', { name: 'Save as new plan version' }).click();
    const status = page.locator('[data-testid="save-status"]');
    await expect
      .poll(() => status.textContent(), { timeout: 10_000 })
      .toMatch(/Saved as plan version 2 by Ana Planner/);
    expect(await status.getAttribute('data-version')).toBe('2');
    // The form starts again from the plan as saved, not from the plan as it was loaded.
    await expect.poll(() => page.getByLabel('Value of target 1 (µg/m³)').inputValue()).toBe('5');
    // An ambitious 2027 target puts today's expected value far below the measured one.
    await expect.poll(() => detail.getAttribute('data-status'), { timeout: 10_000 }).toBe('off_track');
    await expect
      .poll(() => chart.getAttribute('data-trajectory'))
      .toBe('2027-12-31:5|2030-12-31:10|2035-12-31:5');
    expect(await page.locator('[data-testid="kpi-status"]').first().textContent()).toMatch(/Off track/);
    const history = await platform.get<{ versions: { version: number; author: string }[] }>(
      '/api/plan/history',
    );
    expect(history.body.versions[0]).toMatchObject({ version: 2, author: 'Ana Planner' });
    await shot(page, 'planner-saved.png');

    // A target dated inside the baseline period is refused at once, next to its field, and not saved.
    const date = page.getByLabel('Due date of target 1');
    await date.fill('2024-06-30');
    const error = page.locator('[data-testid="field-error"][data-field="targets.0.date"]');
    await expect.poll(() => error.textContent()).toMatch(/after the baseline period \(it ends 2024-12-31\)/);
    expect(await date.getAttribute('aria-invalid')).toBe('true');
    await page.getByRole('button', { name: 'Save as new plan version' }).click();
    expect(await page.evaluate('document.activeElement && document.activeElement.id')).toBe(
      'field-targets-0-date',
    );
    expect((await platform.get<{ versions: unknown[] }>('/api/plan/history')).body.versions).toHaveLength(2);
    await shot(page, 'planner-validation.png');
    await page.close();
  });

  it('shows the master plan in its four phases, with the initiative’s before/after effect', async () => {
    const page = await open('#/plan');
    for (const section of ['baseline', 'targets', 'initiatives', 'monitoring'])
      await page.locator(`[data-testid="plan-section-${section}"]`).waitFor({ timeout: 10_000 });
    expect(await page.locator('[data-testid="baseline-row"]').count()).toBe(platform.view.plan.kpis.length);
    const baseline = page.locator(`[data-testid="baseline-row"][data-kpi-id="${KPI}"]`);
    // The demo plan flags this baseline as measured; readings start ten days ago, so the 2024
    // baseline period has nothing to measure, and says so.
    await expect.poll(() => baseline.textContent()).toMatch(/17\.8 µg\/m³.*Measured.*No.*No stored data$/);
    const effect = page.locator(`[data-testid="initiative-effect"][data-kpi-id="${KPI}"]`);
    await expect.poll(() => effect.getAttribute('data-tone'), { timeout: 10_000 }).toBe('better');
    expect(await effect.textContent()).toMatch(/Fell \d+ % \(14\.\d µg\/m³ → 14\.\d µg\/m³\): better/);
    expect(await page.locator('[data-testid="initiative"]').textContent()).toMatch(
      /Transport department.*€2,500,000/,
    );
    expect(await page.locator('[data-testid="history-row"]').count()).toBeGreaterThanOrEqual(2);
    const counts = await page
      .locator('[data-testid="status-count"]')
      .evaluateAll((els) => els.reduce((sum, el) => sum + Number(el.getAttribute('data-count')), 0));
    expect(counts).toBe(platform.view.plan.kpis.length);
    await shot(page, 'plan-view.png');
    await page.close();
  });

  it('renders the progress report and prints it to a PDF', async () => {
    const page = await open('#/report', { width: 794, height: 1123 });
    const report = page.locator('[data-testid="report"]');
    await expect.poll(() => report.getAttribute('data-report-ready'), { timeout: 15_000 }).toBe('true');
    await page.waitForFunction(`document.querySelectorAll('[data-chart-ready="false"]').length === 0`);
    expect(await page.locator('[data-testid="report-kpi"]').count()).toBe(platform.view.plan.kpis.length);
    expect(await page.locator('[data-testid="report-chart"]').count()).toBe(platform.view.plan.kpis.length);
    expect(await page.locator(`[data-testid="report-kpi"][data-kpi-id="${KPI}"]`).textContent()).toMatch(
      /Off track.*At the current trend/,
    );
    const summary = await page
      .locator('[data-testid="report-summary"] li[data-status="off_track"]')
      .getAttribute('data-count');
    expect(Number(summary)).toBeGreaterThanOrEqual(1);
    await shot(page, 'report.png');
    // On paper: no navigation, nothing wider than the sheet.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await page.evaluate('document.documentElement.scrollWidth <= window.innerWidth')).toBe(true);
    await shot(page, 'report-print.png');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    await writeFile(join(ARTIFACTS_DIR, 'report.pdf'), pdf);
    await page.close();
  });
});
