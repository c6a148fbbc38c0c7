import { Type, type Static } from '@sinclair/typebox';
import { acceptedUnits, isQuantityId, SENSOR_ID_PATTERN, toCanonicalUnit } from '@ssc-monitor/core';
import { parseYamlFile, type PathIssue, type YamlResult } from '../yaml-file.js';
import { compileTimeFormat } from './time-format.js';
import { isTimeZone } from './zoned-time.js';

const opt = Type.Optional;
const Column = Type.String({ minLength: 1 });

const QuantityColumn = Type.Union([
  Column,
  Type.Object(
    {
      column: Column,
      /** Unit of the column's numbers when not the quantity's canonical one; sent with each value. */
      unit: opt(Type.String({ minLength: 1 })),
    },
    { additionalProperties: false },
  ),
]);

const SensorMapping = Type.Object(
  {
    /** A fixed sensor id … */
    id: opt(Type.String({ minLength: 1 })),
    /** … or the column that holds it (one sensor per distinct value), with an optional prefix. */
    idColumn: opt(Column),
    idPrefix: opt(Type.String()),
    /** Quantity id → column. */
    quantities: Type.Record(Type.String(), QuantityColumn, { minProperties: 1 }),
  },
  { additionalProperties: false },
);

/** How a CSV file's rows become sensor readings. */
export const MappingSchema = Type.Object(
  {
    version: Type.Literal(1),
    description: opt(Type.String()),
    delimiter: opt(Type.String({ minLength: 1, maxLength: 1 })),
    time: Type.Object(
      {
        /** The time column … */
        column: opt(Column),
        /** … or several, joined with single spaces before the format applies (year month day hour). */
        columns: opt(Type.Array(Column, { minItems: 1 })),
        /** Tokens YYYY MM M DD D HH H hh h mm ss SSS A, or iso, epoch-ms, epoch-s. */
        format: Type.String({ minLength: 1 }),
        /** IANA zone (America/Los_Angeles) or fixed offset (+08:00) of zone-less times. @defaultValue UTC */
        timeZone: opt(Type.String({ minLength: 1 })),
      },
      { additionalProperties: false },
    ),
    /** Cell values that mean "no measurement". @defaultValue ['', 'NA', 'NaN', 'null'] */
    missing: opt(Type.Array(Type.String())),
    sensors: Type.Array(SensorMapping, { minItems: 1 }),
  },
  { additionalProperties: false },
);

export type ReplayMapping = Static<typeof MappingSchema>;
export type SensorColumns = Static<typeof SensorMapping>;

export const SPECIAL_TIME_FORMATS = ['iso', 'epoch-ms', 'epoch-s'] as const;

function timeIssues(time: ReplayMapping['time']): PathIssue[] {
  const issues: PathIssue[] = [];
  if ((time.column === undefined) === (time.columns === undefined))
    issues.push({ path: '/time', message: 'give either column or columns' });
  if (time.timeZone !== undefined && !isTimeZone(time.timeZone))
    issues.push({ path: '/time/timeZone', message: `unknown time zone '${time.timeZone}'` });
  if (!(SPECIAL_TIME_FORMATS as readonly string[]).includes(time.format)) {
    try {
      compileTimeFormat(time.format);
    } catch (error) {
      issues.push({ path: '/time/format', message: error instanceof Error ? error.message : String(error) });
    }
  }
  return issues;
}

function sensorIssues(sensor: SensorColumns, i: number): PathIssue[] {
  const path = `/sensors/${i}`;
  const issues: PathIssue[] = [];
  if ((sensor.id === undefined) === (sensor.idColumn === undefined))
    issues.push({ path, message: 'give either id or idColumn' });
  if (sensor.id !== undefined && !SENSOR_ID_PATTERN.test(sensor.id))
    issues.push({
      path: `${path}/id`,
      message: `'${sensor.id}' is not a valid sensor id (letters, digits, . _ : -)`,
    });
  for (const [name, column] of Object.entries(sensor.quantities)) {
    const at = `${path}/quantities/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if (!isQuantityId(name)) {
      issues.push({ path: at, message: `unknown quantity '${name}' (see the vocabulary in the README)` });
      continue;
    }
    const unit = typeof column === 'string' ? undefined : column.unit;
    if (unit !== undefined && toCanonicalUnit(name, 1, unit) === undefined)
      issues.push({
        path: `${at}/unit`,
        message: `unit '${unit}' is not known for ${name}; use one of ${acceptedUnits(name).join(', ')}`,
      });
  }
  return issues;
}

/** Parses and validates a replay mapping; every issue carries its line. */
export function parseMappingYaml(text: string): YamlResult<ReplayMapping> {
  return parseYamlFile(text, MappingSchema, (m) => [
    ...timeIssues(m.time),
    ...m.sensors.flatMap(sensorIssues),
  ]);
}
