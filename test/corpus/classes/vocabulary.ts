import { QUANTITIES, QUANTITY_IDS } from '@ssc-monitor/core';
import { accepted, draft, rejected, type MqttClass, type MqttDraft } from '../corpus-case.js';

/** A value inside the plausible range of every quantity (temperature allows below zero too). */
const OK = 12;

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
  // A plain message may name the unit of its bare numbers once; it must be a unit of the vocabulary.
  drafts.push(
    draft(
      'plain message-wide unit unknown',
      '{"pm25": 12, "unit": "furlongs"}',
      rejected('INGEST_ERR_UNKNOWN_UNIT'),
    ),
  );
  drafts.push(
    draft(
      'plain message-wide unit of another quantity',
      '{"pm25": 12, "unit": "dB"}',
      rejected('INGEST_ERR_UNKNOWN_UNIT'),
    ),
  );
  drafts.push(
    draft(
      'plain message-wide unit converted (accepted)',
      '{"no2": 10, "unit": "ppb"}',
      accepted({ quantity: 'no2', value: 19 }),
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
      draft(`SenML name ${name}`, `[{"n":"${name}","v":1}]`, rejected('INGEST_ERR_UNKNOWN_QUANTITY')),
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

export const vocabularyClasses = (): MqttClass[] => [
  outOfRange(),
  unknownUnits(),
  unknownQuantities(),
  duplicates(),
];
