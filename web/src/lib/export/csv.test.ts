import { describe, expect, it } from 'vitest';
import { exportFileName, isoTime, toCsv, type CsvColumn } from './csv';

interface Row {
  readonly name: string;
  readonly value: number | null;
}

const columns: CsvColumn<Row>[] = [
  { header: 'name', value: (r) => r.name },
  { header: 'value [µg/m³]', value: (r) => r.value },
];

describe('toCsv', () => {
  it('writes a header and one CRLF-terminated line per row', () => {
    expect(toCsv(columns, [{ name: 'a', value: 1.5 }])).toBe('name,value [µg/m³]\r\na,1.5\r\n');
    expect(toCsv(columns, [])).toBe('name,value [µg/m³]\r\n');
  });

  it('quotes separators, quotes and line breaks as RFC 4180 asks', () => {
    const csv = toCsv(columns, [
      { name: 'Old Town, Centre', value: 1 },
      { name: 'say "hi"', value: 2 },
      { name: 'two\nlines', value: 3 },
    ]);
    expect(csv.split('\r\n').slice(1, 4)).toEqual([
      '"Old Town, Centre",1',
      '"say ""hi""",2',
      '"two\nlines",3',
    ]);
  });

  it('leaves missing and non-finite numbers empty and keeps full precision', () => {
    const csv = toCsv(columns, [
      { name: 'a', value: null },
      { name: 'b', value: Number.NaN },
      { name: 'c', value: 16.243333333 },
      { name: 'd', value: -4 },
    ]);
    expect(csv.split('\r\n').slice(1, 5)).toEqual(['a,', 'b,', 'c,16.243333333', 'd,-4']);
  });

  it('defuses text a spreadsheet would run as a formula, but not negative numbers', () => {
    const csv = toCsv(columns, [
      { name: '=HYPERLINK("x")', value: -1 },
      { name: '+1', value: 0 },
      { name: '@SUM(A1)', value: 0 },
    ]);
    expect(csv.split('\r\n').slice(1, 4)).toEqual(['"\'=HYPERLINK(""x"")",-1', "'+1,0", "'@SUM(A1),0"]);
  });
});

describe('export helpers', () => {
  it('writes times as ISO 8601 UTC', () => {
    expect(isoTime(Date.UTC(2026, 10, 25, 12, 0, 0))).toBe('2026-11-25T12:00:00.000Z');
    expect(isoTime(null)).toBe('');
  });

  it('names files by what and when, without unsafe characters', () => {
    const at = Date.UTC(2026, 10, 25);
    expect(exportFileName('env.air.pm25 history', 'csv', at)).toBe('env.air.pm25-history-2026-11-25.csv');
    expect(exportFileName('a/b:c', 'png', at)).toBe('a-b-c-2026-11-25.png');
  });
});
