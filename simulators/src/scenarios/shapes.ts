import { bump, normaliseWeekly, plateau, type LocalTime, type Shape } from './time.js';

/**
 * Road traffic over the week, mean 1: rush hours 7–9 h and 16–18 h on weekdays, a late and flat day
 * at weekends (about 80 % of a weekday). Air pollution and speed follow it.
 */
export const TRAFFIC_SHAPE: Shape = normaliseWeekly(({ hour, weekend }: LocalTime) =>
  weekend
    ? 0.15 + 0.85 * plateau(hour, 8, 22, 1.2) + 0.45 * bump(hour, 13, 2.5)
    : 0.15 + 0.85 * plateau(hour, 6, 21, 1) + 1.3 * bump(hour, 8, 0.8) + 1.1 * bump(hour, 17, 1.1),
);

/** Multiplies a level by (1 + sd × z) for a standard normal z, never below zero. */
export function vary(level: number, sd: number, z: number): number {
  return Math.max(0, level * (1 + sd * z));
}

/** A site's lasting scale factor from its centred bias, kept positive for outlying draws. */
export function siteFactor(bias: number, spread: number): number {
  return Math.max(0.3, 1 + spread * bias);
}
