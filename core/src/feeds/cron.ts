/**
 * Five-field cron patterns (`minute hour day-of-month month day-of-week`), evaluated in UTC, so
 * that the in-process scheduler and BullMQ (given `tz: 'UTC'`) fire at the same instants.
 * Fields take `*`, numbers, ranges `a-b`, steps (`a-b/n`, `a/n`, or `*` followed by `/n`) and
 * lists `1,15,30`; day-of-week 0 and 7 are both Sunday. As in Vixie cron, when both day fields
 * are restricted (neither starts with `*`) a day matches if either does.
 */
export interface CronSchedule {
  readonly pattern: string;
  readonly minutes: ReadonlySet<number>;
  readonly hours: ReadonlySet<number>;
  readonly daysOfMonth: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly daysOfWeek: ReadonlySet<number>;
  readonly anyDayOfMonth: boolean;
  readonly anyDayOfWeek: boolean;
}

const FIELDS = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day of month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12 },
  { name: 'day of week', min: 0, max: 7 },
] as const;

const MINUTE = 60_000;
/** Every combination repeats within 4 years (leap day), plus a margin. */
const SEARCH_LIMIT_MS = 5 * 366 * 86_400_000;

export type CronParseResult = { ok: true; cron: CronSchedule } | { ok: false; reason: string };

function parseField(text: string, field: (typeof FIELDS)[number]): Set<number> | string {
  const values = new Set<number>();
  for (const part of text.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) return `${field.name} '${part}' is not a number, range, list or step`;
    const from = match[1] === '*' ? field.min : Number(match[2]);
    const to = match[1] === '*' ? field.max : match[3] !== undefined ? Number(match[3]) : from;
    const step = match[4] === undefined ? 1 : Number(match[4]);
    const until = match[4] !== undefined && match[3] === undefined && match[1] !== '*' ? field.max : to;
    if (from < field.min || until > field.max || from > until || step < 1)
      return `${field.name} '${part}' is outside ${field.min}-${field.max}`;
    for (let v = from; v <= until; v += step) values.add(v);
  }
  return values;
}

export function parseCron(pattern: string): CronParseResult {
  const parts = pattern.trim().split(/\s+/);
  if (parts.length !== 5)
    return { ok: false, reason: `cron pattern '${pattern}' needs 5 fields (minute hour day month weekday)` };
  const sets: Array<Set<number>> = [];
  for (const [i, field] of FIELDS.entries()) {
    const set = parseField(parts[i] ?? '', field);
    if (typeof set === 'string') return { ok: false, reason: `cron pattern '${pattern}': ${set}` };
    sets.push(set);
  }
  const [minutes, hours, daysOfMonth, months, daysOfWeek] = sets as [
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
    Set<number>,
  ];
  if (daysOfWeek.delete(7)) daysOfWeek.add(0);
  return {
    ok: true,
    cron: {
      pattern,
      minutes,
      hours,
      daysOfMonth,
      months,
      daysOfWeek,
      anyDayOfMonth: parts[2]?.startsWith('*') === true,
      anyDayOfWeek: parts[4]?.startsWith('*') === true,
    },
  };
}

function dayMatches(cron: CronSchedule, date: Date): boolean {
  const dom = cron.daysOfMonth.has(date.getUTCDate());
  const dow = cron.daysOfWeek.has(date.getUTCDay());
  if (cron.anyDayOfMonth || cron.anyDayOfWeek) return dom && dow;
  return dom || dow;
}

/** The first instant strictly after `after` (epoch ms) that the pattern matches; undefined if none. */
export function nextCronRun(cron: CronSchedule, after: number): number | undefined {
  let t = Math.floor(after / MINUTE) * MINUTE + MINUTE;
  const limit = after + SEARCH_LIMIT_MS;
  while (t <= limit) {
    const date = new Date(t);
    if (!cron.months.has(date.getUTCMonth() + 1)) {
      t = Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
    } else if (!dayMatches(cron, date)) {
      t = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() + 1);
    } else if (!cron.hours.has(date.getUTCHours())) {
      t = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate(), date.getUTCHours() + 1);
    } else if (!cron.minutes.has(date.getUTCMinutes())) {
      t += MINUTE;
    } else {
      return t;
    }
  }
  return undefined;
}
