import type { KpiStatus } from '@ssc-monitor/core';
import { STATUS_COLORS } from '../config/theme';

export type StatusIconShape = 'check' | 'warning' | 'cross' | 'dash';

export interface StatusMeta {
  readonly label: string;
  /** Each status has its own shape as well as colour, so it reads without colour vision and in greyscale. */
  readonly icon: StatusIconShape;
  readonly color: string;
  readonly description: string;
}

export const STATUS_META: Readonly<Record<KpiStatus, StatusMeta>> = {
  on_track: {
    label: 'On track',
    icon: 'check',
    color: STATUS_COLORS.on_track,
    description: 'At or ahead of the expected trajectory from baseline to target',
  },
  at_risk: {
    label: 'At risk',
    icon: 'warning',
    color: STATUS_COLORS.at_risk,
    description: "Behind the expected trajectory, within the plan's tolerance",
  },
  off_track: {
    label: 'Off track',
    icon: 'cross',
    color: STATUS_COLORS.off_track,
    description: "Behind the expected trajectory by more than the plan's tolerance",
  },
  no_data: {
    label: 'No data',
    icon: 'dash',
    color: STATUS_COLORS.no_data,
    description: 'No readings in the current window',
  },
};

export const statusLabel = (status: KpiStatus): string => STATUS_META[status].label;

/** Worst first, so a summary names what needs attention before what is fine. */
export const STATUS_ORDER: readonly KpiStatus[] = ['off_track', 'at_risk', 'on_track', 'no_data'];

/** "2 off track · 1 at risk · 6 on track", statuses with no KPI left out. */
export function statusSummary(statuses: readonly KpiStatus[]): string {
  return STATUS_ORDER.map((status) => [status, statuses.filter((s) => s === status).length] as const)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${statusLabel(status).toLowerCase()}`)
    .join(' · ');
}
