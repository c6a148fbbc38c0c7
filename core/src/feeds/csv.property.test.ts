import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

const quote = (field: string, sep: string) =>
  field.includes(sep) || /["\r\n]/.test(field) || field === '' ? `"${field.replaceAll('"', '""')}"` : field;

describe('CSV parsing', () => {
  it('reads back any table written by the RFC 4180 rules, with any delimiter and a BOM or not', () => {
    const sep = fc.constantFrom(',', ';', '\t', '|');
    const field = fc.string({
      unit: fc.constantFrom('a', ',', ';', '\t', '|', '"', '\n', '\r', ' ', 'ü', '😀'),
      maxLength: 6,
    });
    const table = fc.array(fc.array(field, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 10 });
    fc.assert(
      fc.property(table, sep, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (rows, d, eol, bom) => {
        const text = (bom ? '\ufeff' : '') + rows.map((r) => r.map((f) => quote(f, d)).join(d)).join(eol);
        const parsed = parseCsv(text, d);
        expect(parsed.ok && parsed.records.map((r) => r.fields)).toEqual(rows);
      }),
    );
  });

  it('never throws, and numbers records by increasing line', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', ' ', '\ufeff'), maxLength: 60 }),
        (text) => {
          const parsed = parseCsv(text);
          if (!parsed.ok) {
            expect(parsed.line).toBeGreaterThanOrEqual(1);
            return;
          }
          const lines = parsed.records.map((r) => r.line);
          expect(lines).toEqual([...lines].sort((a, b) => a - b));
          expect(new Set(lines).size).toBe(lines.length);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
