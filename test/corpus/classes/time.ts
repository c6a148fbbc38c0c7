import {
  accepted,
  draft,
  rejected,
  type CorpusClock,
  type MqttClass,
  type MqttDraft,
} from '../corpus-case.js';

const BAD_TS = rejected('INGEST_ERR_BAD_TIMESTAMP');

function secondsNotMs({ now }: CorpusClock): MqttClass {
  const s = Math.floor(now / 1000);
  const drafts: MqttDraft[] = [];
  for (const ts of [s, s - 3600, s + 0.5, 1, 0, -1, 99_999_999_999])
    drafts.push(draft(`ts ${ts} in seconds`, `{"pm25": 1, "ts": ${ts}}`, BAD_TS));
  // SenML times are seconds: milliseconds there land tens of thousands of years ahead.
  for (const ms of [now, now - 60_000])
    drafts.push(draft(`SenML bt ${ms} in milliseconds`, `[{"bt":${ms},"n":"pm25","v":1}]`, BAD_TS));
  drafts.push(draft('SenML t in milliseconds', `[{"n":"pm25","v":1,"t":${now}}]`, BAD_TS));
  drafts.push(draft('microseconds', `{"pm25": 1, "ts": ${now * 1000}}`, BAD_TS));
  drafts.push(draft('nanoseconds', `{"pm25": 1, "ts": ${now * 1_000_000}}`, BAD_TS));
  return { name: 'ts-seconds-vs-ms', drafts };
}

function farPast({ now }: CorpusClock): MqttClass {
  const drafts: MqttDraft[] = [];
  for (const iso of [
    '1999-12-31T23:59:59Z',
    '1970-01-01T00:00:00Z',
    '0001-01-01T00:00:00Z',
    '1900-06-01T12:00:00+01:00',
  ])
    drafts.push(draft(`ts ${iso}`, `{"pm25": 1, "ts": "${iso}"}`, BAD_TS));
  for (const ms of [Date.UTC(1999, 11, 31), -1e12, -8.64e15, -1e20])
    drafts.push(draft(`ts ${ms} ms`, `{"pm25": 1, "ts": ${ms}}`, BAD_TS));
  drafts.push(draft('SenML bt 1999', `[{"bt":946684799,"n":"pm25","v":1}]`, BAD_TS));
  drafts.push(
    draft('SenML t far negative', `[{"bt":${Math.floor(now / 1000)},"n":"pm25","v":1,"t":-1e12}]`, BAD_TS),
  );
  drafts.push(
    draft(
      'NGSI dateObserved 1990',
      '{"id":"e","type":"AirQualityObserved","pm25":1,"dateObserved":"1990-01-01T00:00:00Z"}',
      BAD_TS,
    ),
  );
  return { name: 'ts-far-past', drafts };
}

function farFuture({ now }: CorpusClock): MqttClass {
  const drafts: MqttDraft[] = [];
  // 20 min, not just past the 10-min limit: the replay publishes some seconds after `now`.
  for (const ahead of [20 * 60_000, 3_600_000, 86_400_000 * 365])
    drafts.push(draft(`ts ${ahead} ms ahead`, `{"pm25": 1, "ts": ${now + ahead}}`, BAD_TS));
  for (const iso of ['2100-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '+275760-09-13T00:00:00Z'])
    drafts.push(draft(`ts ${iso}`, `{"pm25": 1, "ts": "${iso}"}`, BAD_TS));
  // Beyond the ECMAScript date range: the reason text must still be built without throwing.
  for (const ms of [8.64e15, 8.64e15 + 1, 1e20, Number.MAX_SAFE_INTEGER, 1.7e308])
    drafts.push(draft(`ts ${ms} ms`, `{"pm25": 1, "ts": ${ms}}`, BAD_TS));
  for (const bt of [1e13, 1e300])
    drafts.push(draft(`SenML bt ${bt}`, `[{"bt":${bt},"n":"pm25","v":1}]`, BAD_TS));
  drafts.push(
    draft(
      'NGSI dateObserved 2100',
      '{"id":"e","type":"AirQualityObserved","pm25":1,"dateObserved":"2100-01-01T00:00:00Z"}',
      BAD_TS,
    ),
  );
  // Up to ten minutes of clock drift is tolerated.
  drafts.push(
    draft(
      'ts 5 min ahead (accepted)',
      `{"pm25": 4, "ts": ${now + 5 * 60_000}}`,
      accepted({ quantity: 'pm25', value: 4 }),
    ),
  );
  return { name: 'ts-far-future', drafts };
}

const BAD_TEXT = [
  'yesterday',
  'now',
  '',
  '2026-11-25',
  '2026-11-25T10:00:00',
  '2026-11-25 10:00:00Z',
  '25/11/2026 10:00',
  'Wed, 25 Nov 2026 10:00:00 GMT',
  '2026-13-01T00:00:00Z',
  '2026-02-30T00:00:00Z',
  '2026-04-31T12:00:00Z',
  '2026-11-25T24:00:00Z',
  '2026-11-25T10:60:00Z',
  '2026-11-25T10:00:61Z',
  '2026-11-25T10:00:00+25:00',
  '2026-11-25T10:00:00ZZ',
  '20261125T100000Z',
  '2026-W48-3T10:00:00Z',
];

function badTimestampText(): MqttClass {
  const drafts = BAD_TEXT.map((text) =>
    draft(`ts ${JSON.stringify(text)}`, JSON.stringify({ pm25: 1, ts: text }), BAD_TS),
  );
  drafts.push(
    draft(
      'NGSI dateObserved as a number',
      '{"id":"e","type":"AirQualityObserved","pm25":1,"dateObserved":1795600000000}',
      BAD_TS,
    ),
  );
  drafts.push(
    draft(
      'NGSI dateObserved garbage',
      '{"id":"e","type":"AirQualityObserved","pm25":1,"dateObserved":"soon"}',
      BAD_TS,
    ),
  );
  drafts.push(
    draft(
      'NGSI interval with a bad end',
      '{"id":"e","type":"AirQualityObserved","pm25":1,"dateObserved":"2026-01-01T00:00:00Z/later"}',
      BAD_TS,
    ),
  );
  return { name: 'ts-bad-text', drafts };
}

export const timeClasses = (clock: CorpusClock): MqttClass[] => [
  secondsNotMs(clock),
  farPast(clock),
  farFuture(clock),
  badTimestampText(),
];
