import { useMemo, type KeyboardEvent, type RefObject } from 'react';
import type { EChartsType } from 'echarts/core';
import type { Plan } from '@ssc-monitor/core';
import { EChart } from '../../../components/charts/e-chart';
import { useChartTheme } from '../../../components/charts/use-chart-font';
import { sensorHref } from '../../../lib/hash-route';
import { MAP_NAME, type CityOutlines } from '../hooks/use-city-outlines';
import { metricId, type MapMetric } from '../utils/district-metrics';
import { buildCityMapOption, sensorIdOf } from '../utils/map-option';
import type { MapModel } from '../utils/map-model';
import { sensorTip } from '../utils/sensor-tip';
import { panMap, resetMap, zoomMap } from './map-actions';

/** Layers come and go (heat on and off): replaced on update rather than merged. */
const REPLACED = ['series', 'visualMap'] as const;

function prefersReducedMotion(): boolean {
  return window.matchMedia('(prefers-reduced-motion: reduce)').matches;
}

export interface CityMapProps {
  readonly plan: Plan;
  readonly model: MapModel;
  readonly metric: MapMetric;
  readonly chartRef: RefObject<EChartsType | null>;
  readonly outlines: CityOutlines;
}

/** Keys on the focused map: arrows pan, + and − zoom, 0 resets; the buttons above do the same. */
function onMapKey(event: KeyboardEvent, chartRef: CityMapProps['chartRef'], reset: () => void) {
  const step = 60;
  const moves: Record<string, [number, number]> = {
    ArrowLeft: [step, 0],
    ArrowRight: [-step, 0],
    ArrowUp: [0, step],
    ArrowDown: [0, -step],
  };
  const move = moves[event.key];
  if (move !== undefined) panMap(chartRef.current, move[0], move[1]);
  else if (event.key === '+' || event.key === '=') zoomMap(chartRef.current, 1.5);
  else if (event.key === '-') zoomMap(chartRef.current, 1 / 1.5);
  else if (event.key === '0') reset();
  else return;
  event.preventDefault();
}

export function CityMap({ plan, model, metric, chartRef, outlines }: CityMapProps) {
  const theme = useChartTheme();
  const option = useMemo(() => {
    const names = new Map(plan.city.districts.map((d) => [d.id, d.name]));
    const sensorTips = new Map(
      model.points.map((p) => [p.id, sensorTip(p, names.get(p.district) ?? p.district)]),
    );
    return buildCityMapOption({
      mapName: MAP_NAME,
      aspectScale: outlines.aspect,
      districts: model.districts.filter((d) => d.hasOutline),
      points: model.points,
      clusters: model.clusters,
      heat: model.heat,
      sensorTips,
      theme,
      animate: !prefersReducedMotion(),
    });
  }, [plan.city.districts, model, outlines.aspect, theme]);
  const reset = () => resetMap(chartRef.current, outlines.box);
  const attributes = {
    'data-districts': outlines.drawn,
    'data-district-ids': model.districts
      .filter((d) => d.hasOutline)
      .map((d) => d.id)
      .join(' '),
    'data-sensors': model.clusters === null ? model.points.length : 0,
    'data-silent': model.points.filter((p) => p.freshness === 'silent').length,
    'data-clusters': model.clusters?.length ?? 0,
    'data-metric': metricId(metric),
    'data-heat': model.heat === null ? '' : model.heat.label,
  };
  return (
    <div
      className="city-map__frame"
      tabIndex={0}
      role="group"
      aria-label="City map. Arrow keys pan, plus and minus zoom, 0 resets the view. Sensors are listed below the legend."
      onKeyDown={(event) => onMapKey(event, chartRef, reset)}
      data-testid="city-map-frame"
    >
      <EChart
        option={option}
        className="city-map__canvas"
        ariaLabel={`Map of ${plan.city.name}: ${outlines.drawn} districts coloured by ${metric.kind === 'status' ? 'KPI status' : 'the latest value'}, sensors as points`}
        testId="city-map"
        attributes={attributes}
        instanceRef={chartRef}
        replaceMerge={REPLACED}
        readyOn="rendered"
        onItemClick={(event) => {
          const sensorId = sensorIdOf(event.data);
          if (sensorId !== null) window.location.hash = sensorHref(sensorId);
        }}
      />
    </div>
  );
}
