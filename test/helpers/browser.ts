import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium, installed by test/scripts/setup.sh; never a downloaded browser. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = fileURLToPath(new URL('../artifacts/', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-sync',
    ],
  });
}

/**
 * A new page whose context holds a session for `key` (POST /api/session through the page's own request
 * context, which shares its cookies), so the dashboard and its EventSource are signed in.
 */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  key: string,
  viewport = { width: 1920, height: 1080 },
): Promise<Page> {
  const page = await browser.newPage({ viewport });
  const response = await page.request.post(`${baseUrl}/api/session`, { data: { key } });
  if (!response.ok()) throw new Error(`sign-in failed with HTTP ${response.status()}`);
  return page;
}
