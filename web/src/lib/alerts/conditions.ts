import type { DeadLetter, KpiSnapshot, SensorState } from '@ssc-monitor/core';
import { formatCount, formatDuration, formatValue } from '../format';
import { kpiHref, routeHref, sensorHref } from '../hash-route';
import type { AlertSettings } from './alert-settings';
import type { Alert, AlertCondition, AlertKind } from './alert-types';
import { findBursts } from './bursts';
import { isSilentSensor } from './silence';

/** What the rules look at. A source that has not loaded yet is null: its alerts are left as they are. */
export interface AlertInputs {
  readonly kpis: readonly KpiSnapshot[] | null;
  readonly sensors: readonly SensorState[] | null;
  readonly deadLetters: readonly DeadLetter[] | null;
  /** From the typical message interval; see silence.ts. */
  readonly silentAfterMs: number;
  /** District names by id, for "where". */
  readonly districtNames: ReadonlyMap<string, string>;
  /** District ids a KPI is restricted to, by KPI id; a KPI not listed covers the whole city. */
  readonly kpiDistricts: ReadonlyMap<string, readonly string[]>;
  readonly now: number;
  readonly settings: AlertSettings;
  /**
   * Open silent-sensor alerts: when each was raised, by sensor id. Such a sensor stays silent until it
   * is heard from again, whatever the threshold does meanwhile: the threshold is learnt from the
   * sensors and moves as their messages arrive, and must not end and re-raise the same silence.
   */
  readonly openSilent?: ReadonlyMap<string, number>;
}

export interface ConditionSet {
  readonly conditions: readonly AlertCondition[];
  /** Kinds whose inputs were all loaded: only their alerts may be resolved by absence. */
  readonly ready: ReadonlySet<AlertKind>;
}

/** "Old Town Centre, Harbour +2 more". */
function listed(items: readonly string[], max = 3): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} +${items.length - max} more` : shown;
}

function kpiConditions(inputs: AlertInputs, kpis: readonly KpiSnapshot[]): AlertCondition[] {
  return kpis
    .filter((kpi) => kpi.status === 'off_track')
    .map((kpi) => {
      const districts = inputs.kpiDistricts.get(kpi.id);
      const where =
        districts === undefined
          ? 'Whole city'
          : listed(districts.map((id) => inputs.districtNames.get(id) ?? id));
      const expected = kpi.expected === null ? '' : `, expected ${formatValue(kpi.expected, kpi.unit)}`;
      return {
        key: `kpi_off_track:${kpi.id}`,
        kind: 'kpi_off_track' as const,
        subject: kpi.id,
        since: null,
        resolvedAt: null,
        what: `${kpi.name} is off track: ${formatValue(kpi.current.value, kpi.unit)}${expected}`,
        where,
        href: kpiHref(kpi.id),
      };
    });
}

function silentConditions(inputs: AlertInputs, sensors: readonly SensorState[]): AlertCondition[] {
  const threshold = inputs.silentAfterMs;
  const stillSilent = (sensor: SensorState): boolean => {
    const raisedAt = inputs.openSilent?.get(sensor.id);
    return raisedAt !== undefined && sensor.lastSeen !== null && sensor.lastSeen < raisedAt;
  };
  return sensors
    .filter((sensor) => isSilentSensor(sensor, inputs.now, threshold) || stillSilent(sensor))
    .map((sensor) => ({
      key: `sensor_silent:${sensor.id}`,
      kind: 'sensor_silent' as const,
      subject: sensor.id,
      // It became silent when the expected message failed to come, not when this screen noticed.
      since: (sensor.lastSeen ?? inputs.now) + threshold,
      resolvedAt: null,
      what: `Sensor ${sensor.id} is silent: no message for over ${formatDuration(threshold)}`,
      where: inputs.districtNames.get(sensor.district) ?? sensor.district,
      href: sensorHref(sensor.id),
    }));
}

function burstConditions(inputs: AlertInputs, letters: readonly DeadLetter[]): AlertCondition[] {
  const { settings, now } = inputs;
  const rule = { count: settings.burstCount, windowMs: settings.burstWindowMs };
  return findBursts(letters, now, rule)
    .filter((burst) => burst.end === null || now - burst.end <= settings.burstLookbackMs)
    .map((burst) => {
      const [topCode] = burst.codes;
      const mostly = topCode === undefined ? '' : `, mostly ${topCode[0]} (${formatCount(topCode[1])})`;
      return {
        key: `dead_letter_burst:${burst.start}`,
        kind: 'dead_letter_burst' as const,
        subject: '',
        since: burst.start,
        resolvedAt: burst.end,
        what: `${formatCount(burst.count)} messages rejected within ${formatDuration(settings.burstWindowMs)}${mostly}`,
        where: listed(burst.sources),
        href: routeHref({ page: 'health' }),
      };
    });
}

/** Open silent-sensor alerts by sensor id, with when they were raised: `AlertInputs.openSilent`. */
export function openSilentAlerts(alerts: readonly Alert[]): Map<string, number> {
  const open = new Map<string, number>();
  for (const alert of alerts)
    if (alert.kind === 'sensor_silent' && alert.resolvedAt === null) open.set(alert.subject, alert.raisedAt);
  return open;
}

/** Every alert condition the inputs show, worst-first order not implied. */
export function alertConditions(inputs: AlertInputs): ConditionSet {
  const ready = new Set<AlertKind>();
  const conditions: AlertCondition[] = [];
  if (inputs.kpis !== null) {
    ready.add('kpi_off_track');
    conditions.push(...kpiConditions(inputs, inputs.kpis));
  }
  if (inputs.sensors !== null) {
    ready.add('sensor_silent');
    conditions.push(...silentConditions(inputs, inputs.sensors));
  }
  if (inputs.deadLetters !== null) {
    ready.add('dead_letter_burst');
    conditions.push(...burstConditions(inputs, inputs.deadLetters));
  }
  return { conditions, ready };
}
