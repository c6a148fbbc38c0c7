import type { EChartsType } from 'echarts/core';
import type { Bounds } from '../utils/city-geo';

/** Zooms the map by `factor` about its centre, as a mouse wheel would about the pointer. */
export function zoomMap(chart: EChartsType | null, factor: number): void {
  if (chart === null) return;
  chart.dispatchAction({
    type: 'geoRoam',
    geoIndex: 0,
    zoom: factor,
    originX: chart.getWidth() / 2,
    originY: chart.getHeight() / 2,
  });
}

/** Moves the map by a number of pixels, as dragging would. */
export function panMap(chart: EChartsType | null, dx: number, dy: number): void {
  chart?.dispatchAction({ type: 'geoRoam', geoIndex: 0, dx, dy });
}

/** Back to the whole city, centred. */
export function resetMap(chart: EChartsType | null, box: Bounds | null): void {
  if (chart === null || box === null) return;
  const center = [(box.minLon + box.maxLon) / 2, (box.minLat + box.maxLat) / 2];
  chart.setOption({ geo: [{ zoom: 1, center }] });
}
