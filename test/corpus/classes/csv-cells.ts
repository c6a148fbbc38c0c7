import { file, goodLines, refused, rows, type FileClass, type FileDraft } from '../file-case.js';

const HEAD = 'time,pm25';
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
const good = goodLines(3);

const BAD_DATES = [
  'yesterday',
  '2026-02-30T00:00:00Z',
  '2026-13-01T00:00:00Z',
  '2026-11-24T25:00:00Z',
  '1999-12-31T23:00:00Z',
  '2100-01-01T00:00:00Z',
  '2026-11-24T10:00:00',
  '1763942400',
  '24/11/2026 10:00',
];

function badDates(): FileClass {
  const drafts: FileDraft[] = BAD_DATES.map((date) =>
    file(`time ${date}`, csv(HEAD, ...good, `${date},4`), rows(3, { FEED_ERR_BAD_TIMESTAMP: 1 })),
  );
  const epochMs = { time: { column: 'time', format: 'epoch_ms' } };
  drafts.push(
    file(
      'epoch seconds in an epoch_ms column',
      csv(HEAD, '1763942400,4'),
      rows(0, { FEED_ERR_BAD_TIMESTAMP: 1 }),
      epochMs,
    ),
  );
  drafts.push(file('epoch ms (accepted)', csv(HEAD, '1763942400000,4'), rows(1), epochMs));
  return { name: 'csv-bad-dates', drafts };
}

function dst(): FileClass {
  const berlin = { time: { column: 'time', format: 'yyyy-MM-dd HH:mm', timeZone: 'Europe/Berlin' } };
  const newYork = { time: { column: 'time', format: 'yyyy-MM-dd HH:mm', timeZone: 'America/New_York' } };
  return {
    name: 'csv-dst',
    drafts: [
      file(
        'Berlin 02:30 on the spring-forward day',
        csv(HEAD, '2026-03-29 01:30,1', '2026-03-29 02:30,2', '2026-03-29 03:30,3'),
        rows(2, { FEED_ERR_BAD_TIMESTAMP: 1 }),
        berlin,
      ),
      file(
        'Berlin 02:00 on the spring-forward day',
        csv(HEAD, '2026-03-29 02:00,2'),
        rows(0, { FEED_ERR_BAD_TIMESTAMP: 1 }),
        berlin,
      ),
      file(
        'Berlin repeated 02:30 in autumn (both kept)',
        csv(HEAD, '2026-10-25 02:30,1', '2026-10-25 02:30,2'),
        rows(2),
        berlin,
      ),
      file(
        'New York 02:15 on the spring-forward day',
        csv(HEAD, '2026-03-08 02:15,2', '2026-03-08 03:15,2'),
        rows(1, { FEED_ERR_BAD_TIMESTAMP: 1 }),
        newYork,
      ),
      file(
        'local time with no zone configured',
        csv(HEAD, '2026-11-24 10:00,1'),
        rows(0, { FEED_ERR_BAD_TIMESTAMP: 1 }),
      ),
    ],
  };
}

const BAD_NUMBERS: [string, string][] = [
  ['n/a', 'FEED_ERR_NOT_A_NUMBER'],
  ['NaN', 'FEED_ERR_NOT_A_NUMBER'],
  ['Infinity', 'FEED_ERR_NOT_A_NUMBER'],
  ['0x1A', 'FEED_ERR_NOT_A_NUMBER'],
  ['"12,5"', 'FEED_ERR_NOT_A_NUMBER'],
  ['1.2.3', 'FEED_ERR_NOT_A_NUMBER'],
  ['12 µg/m3', 'FEED_ERR_NOT_A_NUMBER'],
  ['1e400', 'FEED_ERR_OUT_OF_RANGE'],
  ['-5', 'FEED_ERR_OUT_OF_RANGE'],
  ['5000', 'FEED_ERR_OUT_OF_RANGE'],
];

function numbers(): FileClass {
  const drafts = BAD_NUMBERS.map(([value, code]) =>
    file(`value ${value}`, csv(HEAD, ...good, `2026-11-24T07:00:00Z,${value}`), rows(3, { [code]: 1 })),
  );
  drafts.push(
    file(
      'exponent and padding (accepted)',
      csv(HEAD, '2026-11-24T07:00:00Z,1e3', '2026-11-24T07:01:00Z, 12 '),
      rows(2),
    ),
  );
  return { name: 'csv-numbers', drafts };
}

/** The sensor id comes from a column: what would split a line-protocol line must be refused. */
function sensorIds(): FileClass {
  const byColumn = { sensor: { column: 'station', prefix: 'st-' } };
  const head = `${HEAD},station`;
  const drafts: FileDraft[] = ['a b', '"a,b"', 'a=b', '"a\nb"', 'a\\b', 'ä', '"a\rb"'].map((id) =>
    file(
      `station ${JSON.stringify(id)}`,
      csv(head, `2026-11-24T08:00:00Z,4,${id}`),
      rows(0, { FEED_ERR_BAD_SENSOR_ID: 1 }),
      byColumn,
    ),
  );
  drafts.push(
    file(
      'empty station',
      csv(head, '2026-11-24T08:00:00Z,4,'),
      rows(0, { FEED_ERR_EMPTY_VALUE: 1 }),
      byColumn,
    ),
  );
  drafts.push(
    file(
      'station constructor (accepted)',
      csv(head, '2026-11-24T08:00:00Z,4,constructor'),
      rows(1),
      byColumn,
    ),
  );
  return { name: 'csv-sensor-id-injection', drafts };
}

function prototypeHeaders(): FileClass {
  const proto = { readings: [{ quantity: 'pm25', column: '__proto__' }] };
  return {
    name: 'csv-prototype-headers',
    drafts: [
      file('value column named __proto__', csv('time,__proto__', '2026-11-24T09:00:00Z,4'), rows(1), proto),
      file('value column named constructor', csv('time,constructor', '2026-11-24T09:00:00Z,4'), rows(1), {
        readings: [{ quantity: 'pm25', column: 'constructor' }],
      }),
      file('unused __proto__ column', csv('time,pm25,__proto__', '2026-11-24T09:00:00Z,4,{}'), rows(1)),
      file('__proto__ column missing', csv(HEAD, ...good), refused('FEED_ERR_MISSING_COLUMN'), proto),
    ],
  };
}

export const csvCellClasses = (): FileClass[] => [
  badDates(),
  dst(),
  numbers(),
  sensorIds(),
  prototypeHeaders(),
];
