import { QUANTITIES, QUANTITY_IDS } from '@ssc-monitor/core';
import { accepted, draft, rejected, type MqttClass, type MqttDraft } from '../corpus-case.js';

/** A value inside the plausible range of every quantity (temperature allows below zero too). */
const OK = 12;

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

function outOfRange(): MqttClass {
  const drafts: MqttDraft[] = [];
  for (const quantity of QUANTITY_IDS) {
    const { min, max } = QUANTITIES[quantity];
    drafts.push(
      draft(`${quantity} below ${min}`, `{"${quantity}": ${min - 1}}`, rejected('INGEST_ERR_OUT_OF_RANGE')),
    );
    drafts.push(
      draft(
        `${quantity} above ${max}`,
        `{"${quantity}": ${max * 1.5 + 1}}`,
        rejected('INGEST_ERR_OUT_OF_RANGE'),
      ),
    );
  }
  drafts.push(
    draft(
      '-300 K after conversion',
      '{"temperature": {"value": 10, "unit": "K"}}',
      rejected('INGEST_ERR_OUT_OF_RANGE'),
    ),
  );
  drafts.push(
    draft(
      '3 mg/m3 PM2.5 after conversion',
      '{"pm25": {"value": 3, "unit": "mg/m3"}}',
      rejected('INGEST_ERR_OUT_OF_RANGE'),
    ),
  );
  drafts.push(
    draft('SenML value below range', '[{"n":"humidity","v":-5}]', rejected('INGEST_ERR_OUT_OF_RANGE')),
  );
  return { name: 'out-of-range', drafts };
}

const UNKNOWN_UNITS = ['furlong', 'UG/M3', 'ug/m3 ', '', 'ppt', '°F'];

function unknownUnits(): MqttClass {
  const drafts: MqttDraft[] = [];
  QUANTITY_IDS.forEach((quantity, i) => {
    for (const unit of [UNKNOWN_UNITS[i % UNKNOWN_UNITS.length] ?? 'x', 'parsec'])
      drafts.push(
        draft(
          `${quantity} in '${unit}'`,
          JSON.stringify({ [quantity]: { value: OK, unit } }),
          rejected('INGEST_ERR_UNKNOWN_UNIT'),
        ),
      );
  });
  drafts.push(draft('SenML u unknown', '[{"n":"no2","u":"ppq","v":1}]', rejected('INGEST_ERR_UNKNOWN_UNIT')));
  drafts.push(
    draft('SenML bu unknown', '[{"bu":"lb","n":"no2","v":1}]', rejected('INGEST_ERR_UNKNOWN_UNIT')),
  );
  drafts.push(
    draft(
      'unit of another quantity',
      '{"pm25": {"value": 1, "unit": "dB"}}',
      rejected('INGEST_ERR_UNKNOWN_UNIT'),
    ),
  );
  // A known unit converts: the canonical value is stored.
  drafts.push(
    draft(
      'ppb converted (accepted)',
      '{"no2": {"value": 10, "unit": "ppb"}}',
      accepted({ quantity: 'no2', value: 19 }),
    ),
  );
  return { name: 'unknown-units', drafts };
}

const UNKNOWN_NAMES = [
  'pm1',
  'co2',
  'Pm25',
  'PM2_5',
  'pm25 ',
  ' pm25',
  'temperature_f',
  'battery',
  'rssi',
  'PM2,5',
  'no 2',
  'ö3',
  'pm25\u0000',
  'noise_laeq2',
  'TEMP',
];

function unknownQuantities(): MqttClass {
  const drafts: MqttDraft[] = UNKNOWN_NAMES.map((name) =>
    draft(
      `plain key ${JSON.stringify(name)}`,
      JSON.stringify({ [name]: OK }),
      rejected('INGEST_ERR_UNKNOWN_QUANTITY'),
    ),
  );
  for (const name of ['pm1', 'co2', 'battery'])
    drafts.push(
      draft(
        `SenML name ${name}`,
        `[{"bn":"x:","n":"${name}","v":1}]`,
        rejected('INGEST_ERR_UNKNOWN_QUANTITY'),
      ),
    );
  drafts.push(
    draft(
      'known quantity next to an unknown one',
      '{"pm25": 1, "pm1": 2}',
      rejected('INGEST_ERR_UNKNOWN_QUANTITY'),
    ),
  );
  return { name: 'unknown-quantity', drafts };
}

function duplicates(): MqttClass {
  return {
    name: 'duplicate-quantity',
    drafts: [
      draft('id and alias', '{"pm25": 1, "PM2.5": 2}', rejected('INGEST_ERR_SCHEMA')),
      draft('two aliases', '{"temp": 1, "temperature": 2}', rejected('INGEST_ERR_SCHEMA')),
      draft(
        'NGSI id and alias',
        '{"id":"e","type":"WeatherObserved","humidity":50,"relativeHumidity":0.5}',
        rejected('INGEST_ERR_SCHEMA'),
      ),
      // RFC 8259 §4 leaves repeated keys to the parser; JSON.parse keeps the last, as most do.
      draft(
        'repeated JSON key, last wins (accepted)',
        '{"pm25": 1, "pm25": 2}',
        accepted({ quantity: 'pm25', value: 2 }),
      ),
    ],
  };
}

export const valueClasses = (): MqttClass[] => [
  wrongTypes(),
  stringNumbers(),
  nonFinite(),
  outOfRange(),
  unknownUnits(),
  unknownQuantities(),
  duplicates(),
];
