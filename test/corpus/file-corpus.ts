import type { ImportMapping } from '@ssc-monitor/ingest/import';
import { csvCellClasses } from './classes/csv-cells.js';
import { csvStructureClasses } from './classes/csv-structure.js';
import { jsonFileClasses } from './classes/json-files.js';
import type { FileCase, FileClass } from './file-case.js';

/** The mapping every file case starts from: an ISO time column and a pm25 column. */
const BASE: ImportMapping = {
  format: 'csv',
  time: { column: 'time', format: 'iso8601' },
  readings: [{ quantity: 'pm25', column: 'pm25' }],
};

export const fileClasses = (): FileClass[] => [
  ...csvStructureClasses(),
  ...csvCellClasses(),
  ...jsonFileClasses(),
];

/**
 * Every file case, each with its own sensor id (`file-<n>`, or `file-<n>-<station>` when a column
 * names the sensor), so that the readings a case stored can be counted per case.
 */
export function buildFileCorpus(): FileCase[] {
  const cases: FileCase[] = [];
  for (const cls of fileClasses())
    for (const d of cls.drafts) {
      const sensorId = `file-${cases.length}`;
      const mapping: ImportMapping = { ...BASE, ...d.mapping };
      const sensor =
        typeof mapping.sensor === 'object' ? { ...mapping.sensor, prefix: `${sensorId}-` } : sensorId;
      cases.push({
        class: cls.name,
        description: d.description,
        sensorId,
        mapping: { ...mapping, sensor },
        text: d.text,
        expect: d.expect,
      });
    }
  return cases;
}
