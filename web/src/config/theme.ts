import type { KpiStatus } from '@ssc-monitor/core';

/**
 * Colours of the dark wall-screen theme. Status colours are from the Okabe–Ito palette, which stays
 * distinguishable with the common colour-vision deficiencies; vermillion is lightened for contrast on
 * the dark background. Status is never shown by colour alone: every use also has an icon and a label.
 */
export const THEME = {
  background: '#0b0f14',
  surface: '#141a22',
  border: '#2a3441',
  text: '#e6edf3',
  muted: '#9aa7b4',
  accent: '#56b4e9',
  series: '#c9d4df',
  baseline: '#b8c2cc',
  target: '#f0e442',
  expected: '#cc79a7',
  /** Reference values (WHO guidelines, EU limits): Okabe–Ito bluish green, lightened for the dark panel. */
  reference: '#3cc9a0',
  fontFamily: 'system-ui, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
} as const;

export const STATUS_COLORS: Readonly<Record<KpiStatus, string>> = {
  on_track: '#56b4e9',
  at_risk: '#e69f00',
  off_track: '#f07b3f',
  no_data: '#9aa7b4',
};

/** Colours as plain strings, so other palettes (the printed report's) fit the same type. */
type Palette<T> = { readonly [K in keyof T]: string };

export type ChartTheme = Palette<
  Pick<
    typeof THEME,
    | 'surface'
    | 'text'
    | 'muted'
    | 'border'
    | 'series'
    | 'baseline'
    | 'target'
    | 'expected'
    | 'reference'
    | 'fontFamily'
  >
> & {
  /** Size of axis and label text, px; from the page's root font size, so charts scale with the screen. */
  readonly fontSize: number;
};
