import type { ChartTheme } from '../../../config/theme';
import { THEME } from '../../../config/theme';

/**
 * Report charts are printed on white paper, so they use dark ink on white rather than the wall-screen
 * colours; the target yellow of the dashboard would vanish on paper, hence a darker amber.
 */
export const REPORT_CHART_THEME: ChartTheme = {
  surface: '#ffffff',
  text: '#1b1f24',
  muted: '#5b6570',
  border: '#c9d0d8',
  series: '#1b1f24',
  baseline: '#5b6570',
  target: '#b07a00',
  expected: '#a8326e',
  reference: '#0f7a5c',
  fontFamily: THEME.fontFamily,
  fontSize: 10,
};
