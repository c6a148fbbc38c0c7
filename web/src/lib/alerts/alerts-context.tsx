import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Plan } from '@ssc-monitor/core';
import { useDeadLetters } from '../data/dead-letters';
import { useKpis } from '../data/kpis';
import { useSensors } from '../data/sensors';
import { useNow } from '../use-now';
import { parseAlertSettings, type AlertSettings } from './alert-settings';
import { loadAlerts, saveAlerts } from './alert-storage';
import type { Alert } from './alert-types';
import { alertConditions, openSilentAlerts } from './conditions';
import { useThrottled } from '../use-throttled';
import { acknowledgeAlerts, reconcileAlerts } from './reconcile';
import {
  isSilentSensor,
  observeSensor,
  silentAfterMs,
  typicalInterval,
  type IntervalEstimate,
} from './silence';

/** Shortest time between two runs of the sensor rules (silence, message intervals). */
const SENSOR_RULES_MS = 1000;

/** Rejected messages fetched for burst detection: enough to cover a burst at the default rule many times. */
const DEAD_LETTER_SAMPLE = 200;

export interface AlertsState {
  /** Newest first, acknowledged or not. */
  readonly alerts: readonly Alert[];
  readonly acknowledge: (ids: ReadonlySet<string> | 'all') => void;
  /** How long a sensor may be quiet now before it counts as silent, ms. */
  readonly silentAfterMs: number;
  /** The city's typical message interval, ms; null until learnt. */
  readonly typicalIntervalMs: number | null;
  /** Ids of sensors silent now. */
  readonly silentSensorIds: ReadonlySet<string>;
  /** Mean time between a sensor's messages as learnt on this screen, ms; null until known. Stable. */
  readonly intervalOf: (sensorId: string) => number | null;
  readonly settings: AlertSettings;
}

const AlertsContext = createContext<AlertsState | null>(null);

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** District ids of the KPIs the plan restricts to districts (the others cover the whole city). */
function kpiDistricts(plan: Plan | undefined): ReadonlyMap<string, readonly string[]> {
  return new Map(
    (plan?.kpis ?? []).flatMap((kpi) =>
      kpi.scope?.districts ? [[kpi.id, kpi.scope.districts] as const] : [],
    ),
  );
}

/**
 * Derives alerts for the whole app from the live stream and polling, whatever view is shown, so that a
 * KPI turning off track while someone looks at the map is still an alert on the operations view. The
 * rules themselves are pure functions (conditions.ts, reconcile.ts); this only feeds them.
 */
export function AlertsProvider({ plan, children }: { plan: Plan | undefined; children: ReactNode }) {
  const settings = useMemo(() => parseAlertSettings(window.location.search), []);
  const storage = useMemo(browserStorage, []);
  const kpis = useKpis(settings.pollMs);
  const sensors = useSensors(settings.pollMs);
  // Silence is judged in minutes: once a second is plenty, and 1,000 sensors updated 4 times a second
  // would otherwise rerun every rule on each update.
  const sensorList = useThrottled(sensors.sensors, SENSOR_RULES_MS);
  // Until the throttled list has caught up with the first fetch, the rules must not see "no sensors".
  const sensorsLoaded = sensors.loaded && (sensorList.length > 0 || sensors.sensors.length === 0);
  const deadLetters = useDeadLetters(DEAD_LETTER_SAMPLE, settings.pollMs);
  const now = useNow();
  const [alerts, setAlerts] = useState<readonly Alert[]>(() => loadAlerts(storage));
  const estimates = useRef(new Map<string, IntervalEstimate>());
  const [typicalMs, setTypicalMs] = useState<number | null>(null);

  useEffect(() => {
    for (const sensor of sensorList) {
      const estimate = observeSensor(estimates.current.get(sensor.id), sensor);
      if (estimate !== undefined) estimates.current.set(sensor.id, estimate);
    }
    setTypicalMs(typicalInterval(estimates.current.values()));
  }, [sensorList]);

  const threshold = silentAfterMs(typicalMs, settings);
  const names = useMemo(() => new Map((plan?.city.districts ?? []).map((d) => [d.id, d.name])), [plan]);
  const scopes = useMemo(() => kpiDistricts(plan), [plan]);

  useEffect(() => {
    setAlerts((current) => {
      const { conditions, ready } = alertConditions({
        kpis: kpis.loaded ? kpis.kpis : null,
        sensors: sensorsLoaded ? sensorList : null,
        deadLetters: deadLetters.data === undefined ? null : deadLetters.letters,
        silentAfterMs: threshold,
        districtNames: names,
        kpiDistricts: scopes,
        now,
        settings,
        openSilent: openSilentAlerts(current),
      });
      return reconcileAlerts(current, conditions, ready, now, settings);
    });
    // Listed field by field: the hook results themselves are new objects on every render.
  }, [
    kpis.loaded,
    kpis.kpis,
    sensorsLoaded,
    sensorList,
    deadLetters.data,
    deadLetters.letters,
    threshold,
    names,
    scopes,
    now,
    settings,
  ]);

  useEffect(() => saveAlerts(storage, alerts), [storage, alerts]);

  const acknowledge = useCallback(
    (ids: ReadonlySet<string> | 'all') => setAlerts((current) => acknowledgeAlerts(current, ids, Date.now())),
    [],
  );
  const silentKey = sensorList
    .filter((s) => isSilentSensor(s, now, threshold))
    .map((s) => s.id)
    .join('|');
  const silentSensorIds = useMemo(() => new Set(silentKey === '' ? [] : silentKey.split('|')), [silentKey]);
  // Reads the estimates as they are now: views that show it re-render with every sensor update anyway.
  const intervalOf = useCallback((id: string) => estimates.current.get(id)?.intervalMs ?? null, []);
  const value = useMemo(
    () => ({
      alerts,
      acknowledge,
      silentAfterMs: threshold,
      typicalIntervalMs: typicalMs,
      silentSensorIds,
      intervalOf,
      settings,
    }),
    [alerts, acknowledge, threshold, typicalMs, silentSensorIds, intervalOf, settings],
  );
  return <AlertsContext.Provider value={value}>{children}</AlertsContext.Provider>;
}

export function useAlerts(): AlertsState {
  const state = useContext(AlertsContext);
  if (state === null) throw new Error('useAlerts must be used inside <AlertsProvider>');
  return state;
}
