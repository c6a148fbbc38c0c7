import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

const fieldsOf = (text: string, delimiter?: string) => {
  const result = parseCsv(text, delimiter);
  if (!result.ok) throw new Error(`unexpected failure: ${result.reason}`);
  return result.records.map((r) => r.fields);
};

describe('parseCsv', () => {
  it.each([
    [
      'plain',
      'a,b\n1,2\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'no final newline',
      'a,b\n1,2',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'CRLF',
      'a,b\r\n1,2\r\n',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'old Mac CR',
      'a,b\r1,2\r',
      [
        ['a', 'b'],
        ['1', '2'],
      ],
    ],
    [
      'byte-order mark',
      '\ufeffDate,n\nx,1\n',
      [
        ['Date', 'n'],
        ['x', '1'],
      ],
    ],
    ['quoted delimiter', 'a,"b,c",d\n', [['a', 'b,c', 'd']]],
    ['quoted CRLF and LF', '"x\r\ny\nz",1\n', [['x\r\ny\nz', '1']]],
    ['escaped quotes', '"say ""hi""",2\n', [['say "hi"', '2']]],
    ['empty quoted field', '"",1\n', [['', '1']]],
    ['empty fields', ',,\n', [['', '', '']]],
    ['blank lines skipped', 'a\n\n\nb\n', [['a'], ['b']]],
    ['quote inside an unquoted field is text', 'ab"c,d\n', [['ab"c', 'd']]],
    ['text after a closing quote is kept', '"ab"cd,e\n', [['abcd', 'e']]],
    ['spaces are data', ' a , b \n', [[' a ', ' b ']]],
  ])('%s', (_name, text, expected) => expect(fieldsOf(text)).toEqual(expected));

  it('splits on another delimiter', () => {
    expect(fieldsOf('a;b;"c;d"\n', ';')).toEqual([['a', 'b', 'c;d']]);
    expect(fieldsOf('a\tb\n', '\t')).toEqual([['a', 'b']]);
  });

  it('numbers records by the line they start on, counting line breaks inside quotes', () => {
    const result = parseCsv('h1,h2\r\n"multi\r\nline",1\r\n\r\nlast,2\r\n');
    expect(result.ok && result.records.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('reports an unterminated quote at the line where it opens', () => {
    expect(parseCsv('a,b\n1,2\n3,"open\nnever closed\n')).toEqual({
      ok: false,
      line: 3,
      reason: 'a quoted field is never closed',
    });
  });

  it('gives nothing for empty text or only a byte-order mark', () => {
    expect(fieldsOf('')).toEqual([]);
    expect(fieldsOf('\ufeff')).toEqual([]);
  });

  it('reads back any table written by the RFC 4180 rules', () => {
    const field = fc.string({ unit: fc.constantFrom('a', 'b', ',', '"', '\n', '\r\n', ' ', 'é') });
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 8 });
    const quote = (f: string) => (/[",\r\n]/.test(f) || f === '' ? `"${f.replaceAll('"', '""')}"` : f);
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n'), (rows, eol) => {
        const text = rows.map((r) => r.map(quote).join(',')).join(eol) + eol;
        expect(fieldsOf(text)).toEqual(rows);
      }),
    );
  });
});
