import { createReadStream } from 'node:fs';
import { SimulatorError } from '../errors.js';

/** One record of a CSV file, with the line it starts on (1-based). */
export interface CsvRecord {
  readonly fields: string[];
  readonly line: number;
}

const BOM = '\uFEFF';

/**
 * An incremental CSV parser (RFC 4180, leniently): quoted fields with doubled quotes, delimiters and
 * line breaks inside them; CRLF, LF or CR line ends; a leading byte-order mark; blank lines skipped.
 * Chunks may split anywhere, so a file of any size streams through in constant memory.
 */
export class CsvParser {
  readonly #delimiter: string;
  #field = '';
  #fields: string[] = [];
  /** Inside a quoted field. */
  #quoted = false;
  /** Inside a quoted field, just after a quote: either an escaped quote or the closing one. */
  #afterQuote = false;
  /** The field has content or was quoted: an empty quoted field still counts. */
  #touched = false;
  /** The previous character was a CR ending a record: a following LF belongs to it. */
  #afterCr = false;
  #started = false;
  #line = 1;
  #recordLine = 1;

  constructor(delimiter = ',') {
    if (delimiter.length !== 1 || delimiter === '"' || delimiter === '\n' || delimiter === '\r')
      throw new RangeError(`bad CSV delimiter ${JSON.stringify(delimiter)}`);
    this.#delimiter = delimiter;
  }

  push(chunk: string): CsvRecord[] {
    const out: CsvRecord[] = [];
    let text = chunk;
    if (!this.#started && text.length > 0) {
      this.#started = true;
      if (text.startsWith(BOM)) text = text.slice(1);
    }
    for (const c of text) this.#take(c, out);
    return out;
  }

  /** The last record, when the file does not end with a line break. */
  end(): CsvRecord[] {
    if (this.#quoted && !this.#afterQuote)
      throw new SimulatorError(
        'SIM_ERR_BAD_CSV',
        `a quoted field starting on line ${this.#recordLine} is never closed`,
      );
    const out: CsvRecord[] = [];
    this.#endRecord(out);
    return out;
  }

  #take(c: string, out: CsvRecord[]): void {
    if (this.#afterCr) {
      this.#afterCr = false;
      if (c === '\n') return;
    }
    if (this.#quoted) {
      if (this.#afterQuote) {
        this.#afterQuote = false;
        if (c === '"') {
          this.#field += '"';
          return;
        }
        this.#quoted = false;
      } else {
        if (c === '"') this.#afterQuote = true;
        else {
          this.#field += c;
          if (c === '\n') this.#line += 1;
        }
        return;
      }
    }
    this.#takeUnquoted(c, out);
  }

  #takeUnquoted(c: string, out: CsvRecord[]): void {
    if (c === this.#delimiter) {
      this.#fields.push(this.#field);
      this.#field = '';
      this.#touched = true;
    } else if (c === '\n' || c === '\r') {
      this.#endRecord(out);
      this.#line += 1;
      this.#recordLine = this.#line;
      this.#afterCr = c === '\r';
    } else if (c === '"' && this.#field === '') {
      // A quote opens a quoted field only at the field's start; elsewhere it is a character.
      this.#quoted = true;
      this.#touched = true;
    } else this.#field += c;
  }

  #endRecord(out: CsvRecord[]): void {
    if (this.#touched || this.#field !== '' || this.#fields.length > 0) {
      this.#fields.push(this.#field);
      out.push({ fields: this.#fields, line: this.#recordLine });
    }
    this.#fields = [];
    this.#field = '';
    this.#touched = false;
  }
}

/** Streams the records of a CSV file. */
export async function* readCsvFile(file: string, delimiter = ','): AsyncGenerator<CsvRecord> {
  const parser = new CsvParser(delimiter);
  const stream = createReadStream(file, { encoding: 'utf8', highWaterMark: 256 * 1024 });
  for await (const chunk of stream) yield* parser.push(chunk as string);
  yield* parser.end();
}

/** The records of CSV text held in memory (tests, small files). */
export function parseCsv(text: string, delimiter = ','): CsvRecord[] {
  const parser = new CsvParser(delimiter);
  return [...parser.push(text), ...parser.end()];
}
