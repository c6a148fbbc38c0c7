import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CsvParser, parseCsv, readCsvFile } from './csv-reader.js';

const fields = (text: string) => parseCsv(text).map((r) => r.fields);

describe('CsvParser', () => {
  it.each([
    [
      'plain rows',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final line break',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF line ends',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CR line ends',
      'a,b\r1,2\r',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'a byte-order mark',
      '\uFEFFDate,n\n1,2\n',
      [
        ['Date', 'n'],
        ['1', '2'],
      ],
    ],
    [
      'quoted fields',
      '"a","b c"\n"1",2\n',
      [
        ['a', 'b c'],
        ['1', '2'],
      ],
    ],
    ['a delimiter inside quotes', '"x,y",z\n', [['x,y', 'z']]],
    ['doubled quotes', '"say ""hi""",1\n', [['say "hi"', '1']]],
    ['a line break inside quotes', '"line 1\nline 2",x\r\n', [['line 1\nline 2', 'x']]],
    [
      'empty fields',
      ',,\n"",x,\n',
      [
        ['', '', ''],
        ['', 'x', ''],
      ],
    ],
    ['blank lines', 'a\n\n\r\nb\n', [['a'], ['b']]],
    ['a quote inside an unquoted field', 'ab"c,d\n', [['ab"c', 'd']]],
    ['text after a closing quote', '"ab"c,d\n', [['abc', 'd']]],
    [
      'the Beijing header',
      '"No","year","PM2.5","station"\r\n1,2013,6,"Tiantan"\r\n',
      [
        ['No', 'year', 'PM2.5', 'station'],
        ['1', '2013', '6', 'Tiantan'],
      ],
    ],
  ])('reads %s', (_label, text, expected) => {
    expect(fields(text)).toEqual(expected);
  });

  it('gives the same records whatever the chunk boundaries', () => {
    const text = '\uFEFF"a,1","b ""q"""\r\n"multi\r\nline",2\r\n\r\nlast,"x"';
    const whole = fields(text);
    for (let cut = 1; cut < text.length; cut += 1) {
      const parser = new CsvParser();
      const records = [...parser.push(text.slice(0, cut)), ...parser.push(text.slice(cut)), ...parser.end()];
      expect(records.map((r) => r.fields)).toEqual(whole);
    }
  });

  it('numbers records by the line they start on', () => {
    expect(parseCsv('a\n"b\nc"\nd\n').map((r) => r.line)).toEqual([1, 2, 4]);
  });

  it('takes another delimiter', () => {
    expect(parseCsv('a;b\n"1;2";3\n', ';').map((r) => r.fields)).toEqual([
      ['a', 'b'],
      ['1;2', '3'],
    ]);
  });

  it('fails on a quoted field that never closes, naming its line', () => {
    expect(() => parseCsv('a\n"open,x\n')).toThrow(
      expect.objectContaining({
        code: 'SIM_ERR_BAD_CSV',
        message: expect.stringMatching(/line 2/) as unknown,
      }),
    );
  });
});

const BEIJING = new URL(
  '../../../../shared/data/beijing-multisite-aq/PRSA_Data_Tiantan_20130301-20170228.csv',
  import.meta.url,
);
const haveBeijing = existsSync(BEIJING);
if (!haveBeijing)
  console.log('Beijing air-quality file not found (../shared/data absent): skipping the streaming check');

describe.runIf(haveBeijing)('readCsvFile', () => {
  it('streams a 2.6 MB station file: a header and 35,064 hourly rows of 18 fields', async () => {
    let rows = 0;
    let widths = new Set<number>();
    for await (const record of readCsvFile(fileURLToPath(BEIJING))) {
      rows += 1;
      widths = widths.add(record.fields.length);
    }
    expect(rows).toBe(35_065);
    expect(widths).toEqual(new Set([18]));
  });
});
