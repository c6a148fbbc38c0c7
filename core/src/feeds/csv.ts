/** One parsed CSV record and the 1-based line of the file it starts on. */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

export type CsvParseResult =
  | { readonly ok: true; readonly records: CsvRecord[] }
  | { readonly ok: false; readonly line: number; readonly reason: string };

const QUOTE = 34; // "
const CR = 13;
const LF = 10;

/**
 * RFC 4180 CSV: fields separated by `delimiter`, records by CRLF, LF or CR; a field in double
 * quotes may hold delimiters, line breaks and `""` for a quote. A leading byte-order mark is
 * dropped and blank lines are skipped. Lenient where real portals are sloppy: a quote inside an
 * unquoted field, or text after a closing quote, is kept as text. Only an unterminated quoted
 * field is an error, reported at the line where it opens.
 */
export function parseCsv(input: string, delimiter = ','): CsvParseResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const sep = delimiter.charCodeAt(0);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    // A blank line is one empty field: no data, not a record.
    if (fields.length > 1 || fields[0] !== '') records.push({ fields, line: recordLine });
    fields = [];
    field = '';
  };
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE && field === '') {
      const closed = readQuoted(text, i + 1);
      if (closed === undefined) return { ok: false, line, reason: 'a quoted field is never closed' };
      field = closed.value;
      line += closed.lineBreaks;
      i = closed.next;
    } else if (c === sep) {
      fields.push(field);
      field = '';
      i += 1;
    } else if (c === CR || c === LF) {
      endRecord();
      i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
      line += 1;
      recordLine = line;
    } else {
      const next = nextSpecial(text, i, sep);
      field += text.slice(i, next);
      i = next;
    }
  }
  if (field !== '' || fields.length > 0) endRecord();
  return { ok: true, records };
}

/** Index of the next delimiter, quote or line break at or after `from` (end of text if none). */
function nextSpecial(text: string, from: number, sep: number): number {
  let i = from + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === sep || c === CR || c === LF || c === QUOTE) return i;
    i += 1;
  }
  return i;
}

/** Reads a quoted field from just after its opening quote. */
function readQuoted(
  text: string,
  from: number,
): { value: string; next: number; lineBreaks: number } | undefined {
  let value = '';
  let start = from;
  let lineBreaks = 0;
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === LF || (c === CR && text.charCodeAt(i + 1) !== LF)) lineBreaks += 1;
    if (c !== QUOTE) continue;
    value += text.slice(start, i);
    if (text.charCodeAt(i + 1) === QUOTE) {
      value += '"';
      start = i + 2;
      i += 1;
      continue;
    }
    return { value, next: i + 1, lineBreaks };
  }
  return undefined;
}
