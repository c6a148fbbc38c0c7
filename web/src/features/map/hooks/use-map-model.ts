import { useMemo } from 'react';
import type { Plan, QuantityId } from '@ssc-monitor/core';
import { TIME } from '../../../config/app-config';
import { QUANTITY_DISPLAY } from '../../../config/quantities';
import { useAlerts } from '../../../lib/alerts/alerts-context';
import { useKpis } from '../../../lib/data/kpis';
import { useSensors } from '../../../lib/data/sensors';
import { useNow } from '../../../lib/use-now';
import { metricId, parseMetric, type MapMetric } from '../utils/district-metrics';
import { buildMapModel, quantityOptions, type MapModel } from '../utils/map-model';

/** Latest values older than this leave a district uncoloured: the map shows the city now. */
const MAX_VALUE_AGE_MS = TIME.DAY;

const KNOWN_QUANTITIES: ReadonlySet<string> = new Set(Object.keys(QUANTITY_DISPLAY));

export interface MapState {
  readonly model: MapModel;
  readonly metric: MapMetric;
  readonly heat: QuantityId | null;
  readonly quantities: readonly QuantityId[];
}

/** The map's model from the plan, live sensors and KPIs, and the alerts' silent sensors. */
export function useMapModel(plan: Plan, metricText: string | null, heatText: string | null): MapState {
  const { sensors } = useSensors();
  const { kpis } = useKpis();
  const { silentSensorIds } = useAlerts();
  // Ages are judged to the minute: recomputing every second would redraw the map for nothing.
  const minute = Math.floor(useNow() / TIME.MINUTE);
  const metric = parseMetric(metricText, KNOWN_QUANTITIES);
  const heat = heatText !== null && KNOWN_QUANTITIES.has(heatText) ? (heatText as QuantityId) : null;
  const metricKey = metricId(metric);
  const model = useMemo(
    () =>
      buildMapModel({
        plan,
        sensors,
        kpis,
        silentIds: silentSensorIds,
        metric: parseMetric(metricKey, KNOWN_QUANTITIES),
        heat,
        now: minute * TIME.MINUTE,
        maxAgeMs: MAX_VALUE_AGE_MS,
      }),
    [plan, sensors, kpis, silentSensorIds, metricKey, heat, minute],
  );
  const quantities = useMemo(() => quantityOptions(sensors, [metricKey, heat]), [sensors, metricKey, heat]);
  return { model, metric, heat, quantities };
}
