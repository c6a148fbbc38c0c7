import type { FeedErrorCode } from '@ssc-monitor/core';
import type { ImportMapping } from '@ssc-monitor/ingest/import';

/**
 * What importing a file must give: refused as a whole with a code, or read row by row with exactly
 * this many readings stored and these row errors counted.
 */
export type FileExpectation =
  | { readonly outcome: 'refused'; readonly code: FeedErrorCode }
  | {
      readonly outcome: 'rows';
      readonly readings: number;
      readonly errors: Partial<Record<FeedErrorCode, number>>;
    };

export interface FileCase {
  readonly class: string;
  readonly description: string;
  /** Sensor of the case's readings, unique in the corpus, unless a column names the sensor. */
  readonly sensorId: string;
  readonly mapping: ImportMapping;
  readonly text: string;
  readonly expect: FileExpectation;
}

export interface FileDraft {
  readonly description: string;
  readonly text: string;
  readonly expect: FileExpectation;
  /** Changes to the base mapping (time, csv options, format, readings). */
  readonly mapping?: Partial<ImportMapping>;
}

export interface FileClass {
  readonly name: string;
  readonly drafts: readonly FileDraft[];
}

export const refused = (code: FeedErrorCode): FileExpectation => ({ outcome: 'refused', code });
export const rows = (
  readings: number,
  errors: Partial<Record<FeedErrorCode, number>> = {},
): FileExpectation => ({ outcome: 'rows', readings, errors });
export const file = (
  description: string,
  text: string,
  expect: FileExpectation,
  mapping?: Partial<ImportMapping>,
): FileDraft => (mapping ? { description, text, expect, mapping } : { description, text, expect });

/** `n` valid `time,pm25` lines, one minute apart, from 1 October 2026 (before the corpus clock). */
export function goodLines(n: number, delimiter = ',', from = 0): string[] {
  const start = Date.UTC(2026, 9, 1, 0, 0, 0);
  return Array.from({ length: n }, (_, i) => {
    const ts = new Date(start + (from + i) * 60_000).toISOString();
    return `${ts}${delimiter}${(i % 50) + 1}`;
  });
}

/** Receive time the file corpus is imported at: after every good line. */
export const FILE_CORPUS_NOW = Date.UTC(2026, 10, 25, 12, 0, 0);
