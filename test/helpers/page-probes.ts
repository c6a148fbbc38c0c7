import type { Page } from 'playwright-core';

/** What has keyboard focus: enough to tell tiles, nav links and buttons apart, and whether a ring shows. */
export interface FocusedElement {
  readonly tag: string;
  readonly testId: string | null;
  readonly kpiId: string | null;
  readonly text: string;
  /** The element draws a focus outline (style other than none, width above zero). */
  readonly ring: boolean;
}

/*
 * Browser-side code is kept as text: the test project compiles for Node, without DOM types, and these
 * run in the page, not here.
 */
const FOCUSED_ELEMENT = `(() => {
  const el = document.activeElement;
  const style = el === null ? null : getComputedStyle(el);
  return {
    tag: el ? el.tagName.toLowerCase() : '',
    testId: el ? el.getAttribute('data-testid') : null,
    kpiId: el ? el.getAttribute('data-kpi-id') : null,
    text: (el ? el.getAttribute('aria-label') || el.textContent || '' : '').trim().slice(0, 80),
    ring: style !== null && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0,
  };
})()`;

/** Presses Tab `presses` times from the top of the page and records each focused element. */
export async function tabThrough(page: Page, presses: number): Promise<FocusedElement[]> {
  const seen: FocusedElement[] = [];
  for (let i = 0; i < presses; i += 1) {
    await page.keyboard.press('Tab');
    seen.push(await page.evaluate<FocusedElement>(FOCUSED_ELEMENT));
  }
  return seen;
}

/** Mean position of the pixels of one colour on the canvas inside `selector`, in page coordinates. */
const COLOUR_ON_CANVAS = `(({ selector, rgb }) => {
  const canvas = document.querySelector(selector + ' canvas');
  const context = canvas ? canvas.getContext('2d') : null;
  if (!canvas || !context) return null;
  const { data, width, height } = context.getImageData(0, 0, canvas.width, canvas.height);
  let sx = 0, sy = 0, n = 0;
  for (let y = 0; y < height; y += 1)
    for (let x = 0; x < width; x += 1) {
      const i = (y * width + x) * 4;
      if (data[i] === rgb[0] && data[i + 1] === rgb[1] && data[i + 2] === rgb[2]) {
        sx += x;
        sy += y;
        n += 1;
      }
    }
  if (n === 0) return null;
  const box = canvas.getBoundingClientRect();
  const scale = box.width / width;
  return { x: box.left + (sx / n) * scale, y: box.top + (sy / n) * scale };
})`;

/**
 * Where a colour is drawn on the chart canvas inside `selector`, as page coordinates of the middle of
 * the matching pixels; null if it is nowhere. Lets a test click a point on a canvas chart.
 */
export async function findColourOnCanvas(
  page: Page,
  selector: string,
  rgb: readonly [number, number, number],
): Promise<{ x: number; y: number } | null> {
  return page.evaluate<{ x: number; y: number } | null>(
    `${COLOUR_ON_CANVAS}(${JSON.stringify({ selector, rgb })})`,
  );
}

/** Page facts for layout checks: root font size and overflow beyond the viewport, px. */
export async function pageLayout(page: Page): Promise<{ rem: string; overflowX: number; overflowY: number }> {
  return page.evaluate(`({
    rem: getComputedStyle(document.documentElement).fontSize,
    overflowX: document.documentElement.scrollWidth - window.innerWidth,
    overflowY: document.documentElement.scrollHeight - window.innerHeight,
  })`);
}

/** The `data-*` attribute `name` of the focused element, or null. */
export async function focusedAttribute(page: Page, name: string): Promise<string | null> {
  return page.evaluate<string | null>(
    `document.activeElement ? document.activeElement.getAttribute(${JSON.stringify(name)}) : null`,
  );
}
