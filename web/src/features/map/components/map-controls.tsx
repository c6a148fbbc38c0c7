import { useId, useState, type RefObject } from 'react';
import type { EChartsType } from 'echarts/core';
import type { QuantityId } from '@ssc-monitor/core';
import { PngButton } from '../../../components/charts/png-button';
import { quantityDisplay } from '../../../config/quantities';
import { routeHref } from '../../../lib/hash-route';
import { metricId, type MapMetric } from '../utils/district-metrics';
import { zoomMap } from './map-actions';

export interface MapControlsProps {
  readonly metric: MapMetric;
  readonly heat: QuantityId | null;
  readonly quantities: readonly QuantityId[];
  readonly chartRef: RefObject<EChartsType | null>;
  readonly onReset: () => void;
}

/** The choices live in the URL, so a wall screen can be set to a map of one quantity by its address. */
function navigate(metric: string, heat: string | null): void {
  window.location.hash = routeHref({ page: 'map', metric: metric === 'status' ? null : metric, heat });
}

const label = (q: QuantityId) => {
  const { label: name, unit } = quantityDisplay(q);
  return unit === '' ? name : `${name} (${unit})`;
};

/** Native form controls and buttons: reachable and operable by keyboard, with visible focus. */
export function MapControls({ metric, heat, quantities, chartRef, onReset }: MapControlsProps) {
  const id = useId();
  const current = metricId(metric);
  const [heatChoice, setHeatChoice] = useState<QuantityId | null>(
    heat ?? (metric.kind === 'quantity' ? metric.quantity : (quantities[0] ?? null)),
  );
  const chosenHeat = heatChoice ?? quantities[0] ?? null;
  return (
    <div className="map-controls" data-testid="map-controls">
      <label className="map-controls__field" htmlFor={`${id}-metric`}>
        Colour districts by
        <select
          id={`${id}-metric`}
          value={current}
          onChange={(e) => navigate(e.target.value, heat)}
          data-testid="map-metric"
        >
          <option value="status">Worst KPI status</option>
          {quantities.map((q) => (
            <option key={q} value={q}>
              Latest {label(q)}, mean of sensors
            </option>
          ))}
        </select>
      </label>
      <div className="map-controls__field">
        <label className="map-controls__check">
          <input
            type="checkbox"
            checked={heat !== null}
            disabled={chosenHeat === null}
            onChange={(e) => navigate(current, e.target.checked ? chosenHeat : null)}
            data-testid="map-heat-toggle"
          />
          Heat layer
        </label>
        <select
          aria-label="Quantity of the heat layer"
          value={chosenHeat ?? ''}
          disabled={quantities.length === 0}
          onChange={(e) => {
            const quantity = e.target.value as QuantityId;
            setHeatChoice(quantity);
            if (heat !== null) navigate(current, quantity);
          }}
          data-testid="map-heat-quantity"
        >
          {quantities.map((q) => (
            <option key={q} value={q}>
              {label(q)}
            </option>
          ))}
        </select>
      </div>
      <div className="map-controls__buttons" role="group" aria-label="Zoom">
        <button
          type="button"
          className="button button--small"
          onClick={() => zoomMap(chartRef.current, 1.5)}
          aria-label="Zoom in"
        >
          +
        </button>
        <button
          type="button"
          className="button button--small"
          onClick={() => zoomMap(chartRef.current, 1 / 1.5)}
          aria-label="Zoom out"
        >
          −
        </button>
        <button type="button" className="button button--small" onClick={onReset}>
          Reset view
        </button>
        <PngButton chartRef={chartRef} fileStem="city-map" what="the map" exportId="city-map" />
      </div>
    </div>
  );
}
