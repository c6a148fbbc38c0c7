import { useRef } from 'react';
import type { EChartsType } from 'echarts/core';
import type { Plan } from '@ssc-monitor/core';
import { LoadingState } from '../../../components/ui/async-state';
import { Panel } from '../../../components/ui/panel';
import { useCityOutlines } from '../hooks/use-city-outlines';
import { useMapModel } from '../hooks/use-map-model';
import { CityMap } from './city-map';
import { DistrictTable, MetricKey } from './district-legend';
import { resetMap } from './map-actions';
import { MapControls } from './map-controls';
import { SensorKey, SensorList } from './sensor-list';
import './map.css';

export interface MapViewProps {
  /** Undefined while the plan loads. */
  readonly plan: Plan | undefined;
  /** From the URL: `status` or a quantity id; and the heat layer's quantity. */
  readonly metric: string | null;
  readonly heat: string | null;
}

function CityMapView({ plan, metric: metricText, heat: heatText }: MapViewProps & { plan: Plan }) {
  const { model, metric, heat, quantities } = useMapModel(plan, metricText, heatText);
  const outlines = useCityOutlines(plan);
  const chartRef = useRef<EChartsType | null>(null);
  const missing = plan.city.districts.length - outlines.drawn;
  return (
    <div className="map-view" data-testid="map-view">
      <Panel title="City map" label="City map" className="map-view__map">
        <MapControls
          metric={metric}
          heat={heat}
          quantities={quantities}
          chartRef={chartRef}
          onReset={() => resetMap(chartRef.current, outlines.box)}
        />
        {outlines.drawn === 0 ? (
          <p className="async-state">
            The plan has no district outlines. Add a GeoJSON `geometry` to each district.
          </p>
        ) : (
          <CityMap plan={plan} model={model} metric={metric} chartRef={chartRef} outlines={outlines} />
        )}
        {missing > 0 && (
          <p className="muted small">{missing} districts have no outline and are listed only.</p>
        )}
      </Panel>
      <div className="map-view__side">
        <Panel title="Districts" label="Districts">
          <MetricKey metric={metric} scale={model.scale} />
          <DistrictTable model={model} metric={metric} />
          {metric.kind === 'status' && (
            <p className="muted small">
              KPIs without a district scope cover the whole city, so they mark every district.
            </p>
          )}
        </Panel>
        <Panel title="Sensors" label="Sensors on the map">
          <SensorKey />
          {model.clusters !== null && (
            <p className="small">
              {model.points.length} sensors: drawn as one cluster per district, with the count of silent ones.
            </p>
          )}
          <SensorList points={model.points} unplaced={model.unplaced} />
        </Panel>
      </div>
    </div>
  );
}

/** Districts and sensors on the city's own outlines, coloured by a metric chosen in the URL. */
export function MapView(props: MapViewProps) {
  if (props.plan === undefined) return <LoadingState what="the plan" />;
  return <CityMapView {...props} plan={props.plan} />;
}
