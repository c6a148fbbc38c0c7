import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { BUNDLE_NODE_FLAGS, bundlePath } from './bundles.js';
import { REPO_ROOT } from './platform.js';
import { freePort, pollUntil, sleep, spawnChild, type BenchChild } from './processes.js';
import { release, shared } from './shared-setup.js';

const CHROMIUM = '/usr/bin/chromium';
/** KPIs of the large demo: the platform is ready once it lists them all. */
export const OPS_VIEW_KPIS = 50;

/** The large demo platform, its demo backfill done, and a headless Chromium to look at it. */
export interface OpsViewRig {
  readonly url: string;
  readonly mqttUrl: string;
  readonly browser: Browser;
}

interface Running extends OpsViewRig {
  readonly dataDir: string;
  readonly platform: BenchChild;
}

/** Messages received so far, from the health report. */
async function messages(url: string): Promise<number> {
  const body = (await (await fetch(`${url}/api/health`)).json()) as { ingest: { messages: number } };
  return body.ingest.messages;
}

/** `npm start` as its own process with the large demo: the browser measures a real server. */
async function startDemoPlatform(
  dataDir: string,
  backfill: string,
): Promise<{ platform: BenchChild; url: string; mqttUrl: string }> {
  const [port, mqttPort] = [await freePort(), await freePort()];
  const platform = spawnChild(
    'ops-view platform',
    process.execPath,
    [...BUNDLE_NODE_FLAGS, bundlePath('platform')],
    {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        PORT: String(port),
        MQTT_PORT: String(mqttPort),
        DATA_DIR: dataDir,
        DEMO: 'on',
        DEMO_SCALE: 'large',
        // The wall screen as a public dashboard: no sign-in for the page, its stream or the probes.
        PUBLIC_DASHBOARD: 'true',
        API_RATE_LIMIT: '1000000',
        // 48 h of 1,000 sensors would take minutes; the tiles need only recent readings.
        DEMO_BACKFILL: backfill,
        LOG_LEVEL: 'warn',
      },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  try {
    await pollUntil(
      'the platform with 50 KPIs',
      async () => {
        if (platform.child.exitCode !== null) throw new Error(`platform exited:\n${platform.output()}`);
        const body = (await (await fetch(`${url}/api/kpis`)).json()) as { kpis: unknown[] };
        return body.kpis.length === OPS_VIEW_KPIS ? true : undefined;
      },
      180_000,
      250,
    );
    // Loads are measured on a platform in its steady state, not while it ingests the demo's
    // history: done once fewer than 150 messages arrive in half a second (the live demo sends 100/s).
    await pollUntil(
      'the end of the demo backfill',
      async () => {
        const before = await messages(url);
        await sleep(500);
        return (await messages(url)) - before < 150 ? true : undefined;
      },
      180_000,
      250,
    );
  } catch (error) {
    await platform.stop();
    throw error;
  }
  return { platform, url, mqttUrl: `mqtt://127.0.0.1:${mqttPort}` };
}

async function startRig(backfill: string): Promise<Running> {
  const dataDir = await mkdtemp(join(tmpdir(), 'ssc-bench-ops-'));
  // Both are set-up: the browser starts while the platform ingests its demo history.
  const [platform, browser] = await Promise.allSettled([
    startDemoPlatform(dataDir, backfill),
    chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    }),
  ]);
  if (platform.status === 'fulfilled' && browser.status === 'fulfilled')
    return { ...platform.value, browser: browser.value, dataDir };
  if (browser.status === 'fulfilled') await browser.value.close();
  if (platform.status === 'fulfilled') await platform.value.platform.stop();
  await rm(dataDir, { recursive: true, force: true });
  throw platform.status === 'rejected' ? platform.reason : (browser as PromiseRejectedResult).reason;
}

async function stopRig(rig: Running, signal?: NodeJS.Signals): Promise<void> {
  await Promise.all([rig.browser.close(), rig.platform.stop(signal)]);
  await rm(rig.dataDir, { recursive: true, force: true });
}

const KEY = 'ops view';
/** Demo history before the loads: an hour in full runs; a quick run only what fills every tile. */
const FULL_BACKFILL = '1h';
const QUICK_BACKFILL = '10m';

/**
 * The rig, started once: a quick run starts it with the other set-ups (the demo platform is busy
 * only while it ingests its history, which ends before any measurement).
 */
export function opsViewRig(quick: boolean): Promise<OpsViewRig & { stop(): Promise<void> }> {
  const withStop = (rig: Running) => ({ ...rig, stop: () => (quick ? release(KEY) : stopRig(rig)) });
  const start = () => startRig(quick ? QUICK_BACKFILL : FULL_BACKFILL);
  // A quick run's demo store is scratch: the platform is killed rather than left to flush it.
  return (quick ? shared(KEY, start, (rig) => stopRig(rig, 'SIGKILL')) : start()).then(withStop);
}
