import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlanYaml } from '../plan/parse-plan.js';
import { parseCron, nextCronRun } from './cron.js';
import { parseFeedSchedule } from './feed-schedule.js';
import { validateFeed } from './feed-validate.js';

const cronField = (max: number) =>
  fc.oneof(
    fc.constant('*'),
    fc.integer({ min: 0, max }).map(String),
    fc.tuple(fc.integer({ min: 0, max }), fc.integer({ min: 1, max: 15 })).map(([a, s]) => `${a}/${s}`),
    fc.constant('*/7'),
  );

describe('feed and plan configuration on any input', () => {
  it('validateFeed gives a feed or issues, never throws', () => {
    const field = fc.constantFrom(
      'id',
      'url',
      'format',
      'schedule',
      'time',
      'readings',
      'csv',
      'json',
      'sensor',
      '__proto__',
    );
    fc.assert(
      fc.property(fc.oneof(fc.anything(), fc.dictionary(field, fc.jsonValue())), (input) => {
        const result = validateFeed(input);
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('parseFeedSchedule and parseCron never throw on any text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        expect(typeof parseFeedSchedule(text).ok).toBe('boolean');
        expect(typeof parseCron(text).ok).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });

  it('the next cron run is later, on a whole minute, and matches the minute and hour fields', () => {
    fc.assert(
      fc.property(cronField(59), cronField(23), fc.integer({ min: 0, max: 4e12 }), (minute, hour, after) => {
        const parsed = parseCron(`${minute} ${hour} * * *`);
        if (!parsed.ok) return;
        const next = nextCronRun(parsed.cron, after);
        expect(next).toBeDefined();
        const at = new Date(next ?? 0);
        expect(next).toBeGreaterThan(after);
        expect((next ?? 0) % 60_000).toBe(0);
        expect(parsed.cron.minutes.has(at.getUTCMinutes())).toBe(true);
        expect(parsed.cron.hours.has(at.getUTCHours())).toBe(true);
      }),
    );
  });

  it('parsePlanYaml gives a plan or located issues, never throws, on any text', () => {
    const yamlish = fc.string({
      unit: fc.constantFrom(
        'a',
        ':',
        ' ',
        '\n',
        '-',
        '&',
        '*',
        '[',
        ']',
        '{',
        '}',
        '!',
        '|',
        '>',
        '#',
        '"',
        "'",
      ),
      maxLength: 80,
    });
    fc.assert(
      fc.property(fc.oneof(yamlish, fc.string()), (text) => {
        const result = parsePlanYaml(text);
        if (!result.ok) expect(result.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });
});
