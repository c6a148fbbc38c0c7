import { useMemo, useSyncExternalStore } from 'react';
import { THEME, type ChartTheme } from '../../config/theme';

/*
 * Type on the page scales with the viewport (the root font size is a clamp() of its width), so a 4K
 * wall screen reads like a 1080p one. Canvas text does not follow CSS; charts take their font size
 * from here instead. Resizes are rare, so one listener for the page is enough.
 */
const DEFAULT_REM_PX = 16;

function rootFontPx(): number {
  const size = Number.parseFloat(getComputedStyle(document.documentElement).fontSize);
  return Number.isFinite(size) && size > 0 ? size : DEFAULT_REM_PX;
}

function subscribe(notify: () => void): () => void {
  window.addEventListener('resize', notify);
  return () => window.removeEventListener('resize', notify);
}

/** Pixels per rem now; chart text sizes are multiples of it. */
export function useRemPx(): number {
  return useSyncExternalStore(subscribe, rootFontPx, () => DEFAULT_REM_PX);
}

/** The chart theme at the current type scale: 13 px text on a 16 px root, growing with the screen. */
export function useChartTheme(): ChartTheme {
  const remPx = useRemPx();
  return useMemo(() => ({ ...THEME, fontSize: Math.round(remPx * 0.8125) }), [remPx]);
}
