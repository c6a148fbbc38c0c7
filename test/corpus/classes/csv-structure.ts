import { file, goodLines, refused, rows, type FileClass } from '../file-case.js';

const HEAD = 'time,pm25';
const csv = (...lines: string[]) => `${lines.join('\n')}\n`;
const good = goodLines(3);
const BOM = '\ufeff';

function bom(): FileClass {
  return {
    name: 'csv-bom',
    drafts: [
      file('BOM before the header', BOM + csv(HEAD, ...good), rows(3)),
      file('BOM before a quoted header', BOM + csv('"time","pm25"', ...good), rows(3)),
      file('BOM with CRLF line ends', BOM + [HEAD, ...good].join('\r\n'), rows(3)),
      file('BOM with a ; delimiter set', BOM + csv('time;pm25', ...goodLines(3, ';')), rows(3), {
        csv: { delimiter: ';', header: true, decimal: '.' },
      }),
      file('BOM alone', BOM, refused('FEED_ERR_EMPTY')),
      // Only one mark is a BOM; header names are trimmed, and String.prototype.trim drops U+FEFF too.
      file('two BOMs', BOM + BOM + csv(HEAD, ...good), rows(3)),
    ],
  };
}

function delimiter(): FileClass {
  const semi = { csv: { delimiter: ';', header: true, decimal: ',' as const } };
  return {
    name: 'csv-wrong-delimiter',
    drafts: [
      file('; file read with ,', csv('time;pm25', ...goodLines(3, ';')), refused('FEED_ERR_CSV_DELIMITER')),
      file(
        'tab file read with ,',
        csv('time\tpm25', ...goodLines(3, '\t')),
        refused('FEED_ERR_CSV_DELIMITER'),
      ),
      file('| file read with ,', csv('time|pm25', ...goodLines(3, '|')), refused('FEED_ERR_CSV_DELIMITER')),
      file(', file read with ;', csv(HEAD, ...good), refused('FEED_ERR_CSV_DELIMITER'), semi),
      file(
        '; file with decimal commas, configured',
        csv('time;pm25', '2026-11-24T01:00:00Z;12,5'),
        rows(1),
        semi,
      ),
      file(
        'header with , and rows with ;',
        csv(HEAD, ...goodLines(4, ';')),
        rows(0, { FEED_ERR_ROW_WIDTH: 4 }),
      ),
      file(
        'some rows with ;',
        csv(HEAD, ...good, ...goodLines(2, ';', 10)),
        rows(3, { FEED_ERR_ROW_WIDTH: 2 }),
      ),
    ],
  };
}

function empty(): FileClass {
  const texts: [string, string][] = [
    ['zero bytes', ''],
    ['one newline', '\n'],
    ['blank CRLF lines', '\r\n\r\n'],
    ['spaces', '   '],
    ['a tab', '\t'],
  ];
  return {
    name: 'csv-empty',
    drafts: [
      ...texts.map(([what, text]) => file(what, text, refused('FEED_ERR_EMPTY'))),
      file('one comma', ',\n', refused('FEED_ERR_MISSING_COLUMN')),
    ],
  };
}

function headerOnly(): FileClass {
  return {
    name: 'csv-header-only',
    drafts: [
      file('header without newline', HEAD, rows(0)),
      file('header with newline', csv(HEAD), rows(0)),
      file('header and blank lines', `${HEAD}\n\n\n`, rows(0)),
      file('header without the value column', csv('time,pm10', ...good), refused('FEED_ERR_MISSING_COLUMN')),
      file('header without the time column', csv('date,pm25', ...good), refused('FEED_ERR_MISSING_COLUMN')),
      file('header in upper case', csv('TIME,PM25', ...good), refused('FEED_ERR_MISSING_COLUMN')),
      file(
        'a column twice',
        csv('time,pm25,pm25', '2026-11-24T00:00:00Z,1,2'),
        refused('FEED_ERR_CSV_HEADER'),
      ),
      file('header names padded with spaces', csv(' time , pm25 ', ...good), rows(3)),
      file('no header, data in the first line', csv(...good), refused('FEED_ERR_MISSING_COLUMN')),
    ],
  };
}

function huge(): FileClass {
  const many = goodLines(20_000);
  const bigCell = 'x'.repeat(1024 * 1024);
  const wide = Array.from({ length: 2000 }, (_, i) => `c${i}`);
  return {
    name: 'csv-huge',
    drafts: [
      file('20 000 rows', csv(HEAD, ...many), rows(20_000)),
      file(
        'a 1 MiB value cell',
        csv(HEAD, ...good, `2026-11-24T05:00:00Z,${bigCell}`),
        rows(3, { FEED_ERR_NOT_A_NUMBER: 1 }),
      ),
      file(
        'a 1 MiB quoted cell in an unused column',
        csv(`${HEAD},note`, `2026-11-24T05:00:00Z,4,"${bigCell}"`),
        rows(1),
      ),
      file(
        '2000 unused columns',
        csv([HEAD, ...wide].join(','), ['2026-11-24T05:00:00Z,4', ...wide].join(',')),
        rows(1),
      ),
      file('a 1 MiB time cell', csv(HEAD, ...good, `${bigCell},4`), rows(3, { FEED_ERR_BAD_TIMESTAMP: 1 })),
    ],
  };
}

function ragged(): FileClass {
  return {
    name: 'csv-ragged-rows',
    drafts: [
      file('a short row', csv(HEAD, ...good, '2026-11-24T05:00:00Z'), rows(3, { FEED_ERR_ROW_WIDTH: 1 })),
      file('a long row', csv(HEAD, ...good, '2026-11-24T05:00:00Z,1,2'), rows(3, { FEED_ERR_ROW_WIDTH: 1 })),
      file('trailing commas', csv(HEAD, ...good.map((l) => `${l},`)), rows(0, { FEED_ERR_ROW_WIDTH: 3 })),
      file('blank lines between rows', `${HEAD}\n\n${good.join('\n\n')}\n\n`, rows(3)),
      file('no newline after the last row', [HEAD, ...good].join('\n'), rows(3)),
      file('CR-only line ends', [HEAD, ...good].join('\r'), rows(3)),
      file(
        'an empty value',
        csv(HEAD, ...good, '2026-11-24T05:00:00Z,'),
        rows(3, { FEED_ERR_EMPTY_VALUE: 1 }),
      ),
      file('an empty time', csv(HEAD, ...good, ',4'), rows(3, { FEED_ERR_EMPTY_VALUE: 1 })),
    ],
  };
}

function quotes(): FileClass {
  const head = `${HEAD},note`;
  const row = (note: string) => `2026-11-24T06:00:00Z,5,${note}`;
  return {
    name: 'csv-quotes',
    drafts: [
      file('delimiter inside quotes', csv(head, row('"a, b"')), rows(1)),
      file(
        'line break inside quotes',
        csv(head, row('"line 1\nline 2"'), row('x').replace('06:00', '06:01')),
        rows(2),
      ),
      file('escaped quotes', csv(head, row('"say ""hi"""')), rows(1)),
      file('quoted number', csv(HEAD, '2026-11-24T06:00:00Z,"12"'), rows(1)),
      file('unterminated quote', csv(head, row('"never closed'), row('x')), refused('FEED_ERR_CSV_SYNTAX')),
      file(
        'quote inside an unquoted value',
        csv(HEAD, '2026-11-24T06:00:00Z,1"2'),
        rows(0, { FEED_ERR_NOT_A_NUMBER: 1 }),
      ),
      file(
        'text after a closing quote',
        csv(HEAD, '2026-11-24T06:00:00Z,"12"x'),
        rows(0, { FEED_ERR_NOT_A_NUMBER: 1 }),
      ),
    ],
  };
}

export const csvStructureClasses = (): FileClass[] => [
  bom(),
  delimiter(),
  empty(),
  headerOnly(),
  huge(),
  ragged(),
  quotes(),
];
