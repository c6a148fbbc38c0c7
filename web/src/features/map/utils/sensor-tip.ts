import { quantityDisplay } from '../../../config/quantities';
import { formatDateTime, formatValue } from '../../../lib/format';
import { SENSOR_STYLE } from './map-markers';
import type { SensorPoint } from './map-points';

/** ECharts renders tooltip strings as HTML; plan names and ids are text and must stay text. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A sensor's tooltip: id, district, state, last message and latest values. */
export function sensorTip(point: SensorPoint, districtName: string): string {
  const lines = [
    `<strong>${escapeHtml(point.id)}</strong> · ${escapeHtml(districtName)}`,
    `${SENSOR_STYLE[point.freshness].label}${point.lastSeen === null ? '' : ` · last message ${escapeHtml(formatDateTime(point.lastSeen))}`}`,
  ];
  for (const [quantity, latest] of Object.entries(point.state?.latest ?? {})) {
    if (latest === undefined) continue;
    const { label, unit } = quantityDisplay(quantity);
    lines.push(`${escapeHtml(label)}: ${escapeHtml(formatValue(latest.value, unit))}`);
  }
  return lines.join('<br/>');
}
