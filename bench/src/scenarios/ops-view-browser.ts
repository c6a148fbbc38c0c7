import mqtt from 'mqtt';
import type { Browser, Page } from 'playwright-core';
import type { BenchContext, BenchRow, Scenario, ScenarioResult } from '../scenario.js';
import { OPS_VIEW_KPIS as KPIS, opsViewRig } from '../lib/ops-view-rig.js';
const RATE = 1000;
const TARGET_LOAD_MS = 2000;
/** A frame gap above this is a visible stutter; below it the screen "stays responsive". */
const TARGET_FRAME_P95_MS = 50;
const TARGET_INPUT_MS = 100;

/** Payload per sensor kind of the demo city, with a little variation per message. */
const PAYLOADS: Record<string, (n: number) => Record<string, number>> = {
  air_quality: (n) => ({ pm25: 10 + (n % 20), no2: 20 + (n % 30), pm10: 18 + (n % 25) }),
  noise: (n) => ({ noise_laeq: 50 + (n % 20) }),
  traffic: (n) => ({ traffic_count: 40 + (n % 60), traffic_speed: 20 + (n % 30) }),
  cycling: (n) => ({ cycling_count: n % 40 }),
  energy: (n) => ({ energy_kwh: 100 + (n % 50), pv_kwh: 10 + (n % 20) }),
  water: (n) => ({ water_m3: 30 + (n % 10), water_pressure: 4 + (n % 3) / 10 }),
  waste: (n) => ({ waste_fill_pct: n % 100 }),
  weather: (n) => ({ temperature: 5 + (n % 10), humidity: 60 + (n % 30) }),
};

/*
 * Browser-side code is kept as text: this project compiles for Node, without DOM types.
 */

/** Resolves with performance.now() (ms since navigation start) at the frame where every tile shows. */
const ALL_TILES_VISIBLE = `new Promise((resolve) => {
  const check = () => {
    const tiles = document.querySelectorAll('[data-testid="kpi-tile"]');
    const last = tiles[${KPIS - 1}];
    if (last !== undefined && last.offsetParent !== null) resolve(performance.now());
    else requestAnimationFrame(check);
  };
  check();
})`;

/** Frame gaps from requestAnimationFrame, long tasks, and keydown → next frame after focus moved. */
const INSTALL_PROBES = `(() => {
  const probe = { frames: [], longTasks: [], inputs: [] };
  window.__bench = probe;
  let last = performance.now();
  const frame = (t) => { probe.frames.push(t - last); last = t; requestAnimationFrame(frame); };
  requestAnimationFrame(frame);
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  let keyAt = null;
  document.addEventListener('keydown', (event) => { keyAt = event.timeStamp; }, true);
  // The focus ring is painted in the frame after focus moves. Focus moved by a script (the first
  // tile, before any key) has no key press to measure from.
  document.addEventListener('focusin', () => {
    const from = keyAt;
    keyAt = null;
    if (from !== null) requestAnimationFrame(() => probe.inputs.push(performance.now() - from));
  });
})()`;

interface Probe {
  readonly frames: number[];
  readonly longTasks: number[];
  readonly inputs: number[];
}

/** Opens the ops view in a new page: ms from navigation start to every tile visible, and the page. */
async function load(browser: Browser, url: string): Promise<{ ms: number; page: Page }> {
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${url}/#/`);
  return { ms: Number(await page.evaluate(ALL_TILES_VISIBLE)), page };
}

async function loadTime(browser: Browser, url: string): Promise<number> {
  const { ms, page } = await load(browser, url);
  await page.close();
  return ms;
}

/** Platforms whose uncounted warm-up load is done: a quick run does it with the other set-ups. */
const warmedUp = new Set<string>();

async function warmUp(browser: Browser, url: string): Promise<void> {
  if (warmedUp.has(url)) return;
  await loadTime(browser, url);
  warmedUp.add(url);
}

async function installProbes(page: Page): Promise<void> {
  await page.evaluate(INSTALL_PROBES);
}

/** Publishes RATE readings a second across the plan's sensors for `seconds`, in 10 slices a second. */
async function publishLoad(mqttUrl: string, sensors: Array<{ id: string; kind?: string }>, seconds: number) {
  const client = await mqtt.connectAsync(mqttUrl, { reconnectPeriod: 0 });
  let sent = 0;
  const start = Date.now();
  try {
    for (let slice = 0; slice < seconds * 10; slice += 1) {
      for (let i = 0; i < RATE / 10; i += 1, sent += 1) {
        const sensor = sensors[sent % sensors.length];
        const payload = PAYLOADS[sensor?.kind ?? ''] ?? PAYLOADS.air_quality;
        if (sensor !== undefined && payload !== undefined)
          client.publish(`sensors/${sensor.id}`, JSON.stringify(payload(sent)), { qos: 0 });
      }
      const wait = start + (slice + 1) * 100 - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  } finally {
    await client.endAsync();
  }
  return sent / ((Date.now() - start) / 1000);
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const round = (ms: number) => Math.round(ms);

async function planSensors(url: string): Promise<Array<{ id: string; kind?: string }>> {
  const plan = (await (await fetch(`${url}/api/plan`)).json()) as {
    sensors: Array<{ id: string; kind?: string }>;
  };
  return plan.sensors;
}

async function measure(context: BenchContext, browser: Browser, url: string, mqttUrl: string) {
  // One load first, not counted: the browser's cache and code caches are warm on a wall screen.
  await warmUp(browser, url);
  const sensors = await planSensors(url);
  const loads: number[] = [];
  for (let i = 1; i < (context.quick ? 1 : 5); i += 1) loads.push(await loadTime(browser, url));
  // The last counted load's page, every tile shown, is the one measured under load.
  const last = await load(browser, url);
  loads.push(last.ms);
  context.log(`load to all ${KPIS} tiles: ${loads.map(round).join(', ')} ms`);
  const page = last.page;
  await installProbes(page);
  context.log('probes installed');
  await page.locator('[data-testid="kpi-tile"]').first().focus();
  const seconds = context.quick ? 2 : 20;
  context.log(`publishing ${RATE} readings/s for ${seconds} s`);
  const publishing = publishLoad(mqttUrl, sensors, seconds);
  const typing = (async () => {
    for (let i = 0; i < seconds * 2; i += 1) {
      await page.keyboard.press('Tab');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  })();
  const [rate] = await Promise.all([publishing, typing]);
  const probe = (await page.evaluate('window.__bench')) as Probe;
  await page.close();
  return { loads, rate, ...probe };
}

async function run(context: BenchContext): Promise<ScenarioResult> {
  const rig = await opsViewRig(context.quick);
  try {
    const m = await measure(context, rig.browser, rig.url, rig.mqttUrl);
    const summary = {
      ops_view_load_ms: round(percentile(m.loads, 50)),
      ops_view_frame_p95_ms: round(percentile(m.frames, 95)),
      ops_view_longest_task_ms: round(Math.max(0, ...m.longTasks)),
      ops_view_input_latency_ms: round(percentile(m.inputs, 50)),
    };
    const rows: BenchRow[] = [
      ...m.loads.map((ms, i) => ({ measure: `load ${i + 1}: all tiles visible`, ms: round(ms) })),
      { measure: 'frame gap p95 under load', ms: summary.ops_view_frame_p95_ms },
      { measure: 'frame gap max under load', ms: round(Math.max(0, ...m.frames)) },
      { measure: `longest task (${m.longTasks.length} over 50 ms)`, ms: summary.ops_view_longest_task_ms },
      { measure: `Tab → focus ring p50 (${m.inputs.length} presses)`, ms: summary.ops_view_input_latency_ms },
      { measure: 'Tab → focus ring max', ms: round(Math.max(0, ...m.inputs)) },
      { measure: 'readings published per second', ms: round(m.rate) },
    ];
    const met = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const notes = [
      `load < ${TARGET_LOAD_MS} ms (p50 of ${m.loads.length} loads): ${met(summary.ops_view_load_ms < TARGET_LOAD_MS)}`,
      `responsive under ${RATE} updates/s (frame p95 < ${TARGET_FRAME_P95_MS} ms, input < ${TARGET_INPUT_MS} ms): ${met(
        summary.ops_view_frame_p95_ms < TARGET_FRAME_P95_MS &&
          summary.ops_view_input_latency_ms < TARGET_INPUT_MS,
      )}`,
      'loads measured after the demo backfill, with one uncounted warm-up load',
      'headless Chromium without a GPU on a shared machine: frames are software-rasterised',
    ];
    return { rows, summary, notes };
  } finally {
    await rig.stop();
  }
}

export const opsViewBrowser: Scenario = {
  name: 'ops-view-browser',
  title: 'Operations view in Chromium: 50 KPIs, 1,000 sensors, 1,000 updates/s',
  async prepare() {
    const rig = await opsViewRig(true);
    await warmUp(rig.browser, rig.url);
  },
  run,
};
