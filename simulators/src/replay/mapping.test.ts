import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMappingYaml } from './mapping.js';

const shipped = (name: string) => readFileSync(new URL(`../../mappings/${name}`, import.meta.url), 'utf8');

describe('replay mappings', () => {
  it.each(['fremont-bridge.yaml', 'beijing-aq.yaml'])('ships %s valid', (name) => {
    const result = parseMappingYaml(shipped(name));
    expect(result.ok ? 'ok' : result.issues).toBe('ok');
  });

  it('reports every problem with its line', () => {
    const text = [
      'version: 1', // 1
      'time:', // 2
      '  column: Date', // 3
      '  format: DD.MM.YYYY', // 4
      '  timeZone: Europe/Atlantis', // 5
      'sensors:', // 6
      '  - id: has space', // 7
      '    quantities:', // 8
      '      bikes_total: Count', // 9
      '      no2: { column: NO2, unit: furlongs }', // 10
      '  - quantities: { pm25: PM }', // 11
    ].join('\n');
    const result = parseMappingYaml(text);
    const issues = result.ok ? [] : result.issues.map((i) => `${i.line ?? '-'} ${i.path} ${i.message}`);
    expect(issues).toEqual([
      "5 /time/timeZone unknown time zone 'Europe/Atlantis'",
      expect.stringMatching(/^4 \/time\/format time format 'DD.MM.YYYY' needs a year/),
      expect.stringMatching(/^7 \/sensors\/0\/id 'has space' is not a valid sensor id/),
      expect.stringMatching(/^9 \/sensors\/0\/quantities\/bikes_total unknown quantity/),
      expect.stringMatching(/^10 \/sensors\/0\/quantities\/no2\/unit unit 'furlongs' is not known for no2/),
      '11 /sensors/1 give either id or idColumn',
    ]);
  });

  it('refuses a field it does not know, at its line', () => {
    const result = parseMappingYaml(
      'version: 1\ntime: { column: t, format: iso }\nsensors:\n  - { id: a, quantities: { pm25: x } }\nspeed: 3\n',
    );
    expect(result.ok ? [] : result.issues.map((i) => i.line)).toEqual([5]);
  });
});
