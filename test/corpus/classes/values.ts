import { QUANTITY_IDS } from '@ssc-monitor/core';
import { accepted, draft, rejected, type MqttClass, type MqttDraft } from '../corpus-case.js';

function wrongTypes(): MqttClass {
  const drafts: MqttDraft[] = [];
  const values = ['true', 'false', 'null', '[]', '[12]', '{}', '{"v": 12}'];
  for (const quantity of QUANTITY_IDS)
    for (const value of values.slice(0, quantity.length % 2 === 0 ? 4 : 7))
      drafts.push(
        draft(`${quantity} as ${value}`, `{"${quantity}": ${value}}`, rejected('INGEST_ERR_SCHEMA')),
      );
  for (const top of ['12', 'true', '[1, 2]', '[null]', '["pm25"]', '[[{"n":"pm25","v":1}]]'])
    drafts.push(draft(`top-level ${top}`, top, rejected('INGEST_ERR_SCHEMA')));
  drafts.push(draft('ts as a boolean', '{"pm25": 1, "ts": true}', rejected('INGEST_ERR_SCHEMA')));
  drafts.push(
    draft('ts as an object', '{"pm25": 1, "ts": {"value": 1}}', rejected('INGEST_ERR_BAD_TIMESTAMP')),
  );
  drafts.push(draft('sensorId as a number', '{"pm25": 1, "sensorId": 7}', rejected('INGEST_ERR_SCHEMA')));
  drafts.push(draft('SenML v as a boolean', '[{"n":"pm25","v":true}]', rejected('INGEST_ERR_SCHEMA')));
  drafts.push(draft('SenML n as a number', '[{"n":25,"v":1}]', rejected('INGEST_ERR_SCHEMA')));
  drafts.push(draft('SenML bt as text', '[{"n":"pm25","v":1,"bt":"now"}]', rejected('INGEST_ERR_SCHEMA')));
  drafts.push(
    draft('SenML bver as a fraction', '[{"bver":10.5,"n":"pm25","v":1}]', rejected('INGEST_ERR_SCHEMA')),
  );
  drafts.push(
    draft(
      'NGSI attribute as an object',
      '{"id":"e","type":"AirQualityObserved","pm25":{"value":1}}',
      rejected('INGEST_ERR_SCHEMA'),
    ),
  );
  return { name: 'wrong-types', drafts };
}

function stringNumbers(): MqttClass {
  const texts = [
    '"12"',
    '"12.5"',
    '"1e3"',
    '" 12"',
    '"0x10"',
    '"NaN"',
    '"Infinity"',
    '"12 µg/m3"',
    '"12,5"',
    '""',
  ];
  const drafts: MqttDraft[] = texts.map((t) =>
    draft(`pm25 as text ${t}`, `{"pm25": ${t}}`, rejected('INGEST_ERR_SCHEMA')),
  );
  for (const t of texts.slice(0, 5)) {
    drafts.push(draft(`value field as text ${t}`, `{"no2": {"value": ${t}}}`, rejected('INGEST_ERR_SCHEMA')));
    drafts.push(draft(`SenML v as text ${t}`, `[{"n":"pm25","v":${t}}]`, rejected('INGEST_ERR_SCHEMA')));
    drafts.push(
      draft(
        `NGSI attribute as text ${t}`,
        `{"id":"e","type":"AirQualityObserved","no2":${t}}`,
        rejected('INGEST_ERR_SCHEMA'),
      ),
    );
  }
  drafts.push(draft('SenML string value vs', '[{"n":"pm25","vs":"12"}]', rejected('INGEST_ERR_SCHEMA')));
  return { name: 'string-numbers', drafts };
}

function nonFinite(): MqttClass {
  const drafts: MqttDraft[] = [];
  for (const literal of ['NaN', 'Infinity', '-Infinity', '-NaN', 'nan', 'inf'])
    drafts.push(draft(`bare ${literal}`, `{"pm25": ${literal}}`, rejected('INGEST_ERR_NOT_JSON')));
  // JSON numbers beyond double range parse to ±Infinity; the schema takes finite numbers only.
  for (const huge of ['1e400', '-1e400', '1e999999', '123456789e999'])
    for (const [shape, text] of [
      ['plain', `{"pm25": ${huge}}`],
      ['value field', `{"pm25": {"value": ${huge}}}`],
      ['SenML v', `[{"n":"pm25","v":${huge}}]`],
      ['SenML bt', `[{"bt":${huge},"n":"pm25","v":1}]`],
      ['ts', `{"pm25": 1, "ts": ${huge}}`],
    ] as const)
      drafts.push(
        draft(`${shape} ${huge}`, text, rejected(shape === 'ts' ? 'INGEST_ERR_SCHEMA' : 'INGEST_ERR_SCHEMA')),
      );
  drafts.push(
    draft(
      'SenML bv + v overflow to Infinity',
      '[{"bv":1.7e308,"n":"pm25","v":1.7e308}]',
      rejected('INGEST_ERR_SCHEMA'),
    ),
  );
  drafts.push(
    draft(
      'SenML bt + t overflow to Infinity',
      '[{"bt":1.7e308,"n":"pm25","v":1,"t":1.7e308}]',
      rejected('INGEST_ERR_SCHEMA'),
    ),
  );
  drafts.push(
    draft(
      'NGSI attribute 1e400',
      '{"id":"e","type":"AirQualityObserved","pm25":1e400}',
      rejected('INGEST_ERR_OUT_OF_RANGE'),
    ),
  );
  drafts.push(
    draft('largest double', '{"energy_kwh": 1.7976931348623157e308}', rejected('INGEST_ERR_OUT_OF_RANGE')),
  );
  drafts.push(
    draft(
      'huge integer',
      '{"traffic_count": 123456789012345678901234567890}',
      rejected('INGEST_ERR_OUT_OF_RANGE'),
    ),
  );
  drafts.push(
    draft('smallest subnormal (accepted)', '{"pm25": 5e-324}', accepted({ quantity: 'pm25', value: 5e-324 })),
  );
  drafts.push(
    draft('underflow to zero (accepted)', '{"pm25": 1e-400}', accepted({ quantity: 'pm25', value: 0 })),
  );
  drafts.push(
    draft(
      'max safe integer of a count (out of range)',
      `{"cycling_count": ${Number.MAX_SAFE_INTEGER}}`,
      rejected('INGEST_ERR_OUT_OF_RANGE'),
    ),
  );
  return { name: 'nan-infinity-huge', drafts };
}

export const valueClasses = (): MqttClass[] => [wrongTypes(), stringNumbers(), nonFinite()];
