import { accepted, draft, rejected, type MqttClass, type MqttDraft } from '../corpus-case.js';

const PM = accepted({ quantity: 'pm25', value: 7 });

function sensorMismatch(): MqttClass {
  const others: readonly [string, (id: string) => string][] = [
    ['another sensor', () => 'aq-999'],
    ['upper case', (id) => id.toUpperCase()],
    ['trailing space', (id) => `${id} `],
    ['leading space', (id) => ` ${id}`],
    ['prefix of it', (id) => id.slice(0, -1)],
    ['longer', (id) => `${id}0`],
    ['empty text', () => ''],
    ['topic form', (id) => `sensors/${id}`],
    ['NUL appended', (id) => `${id}\u0000`],
    ['homoglyph', (id) => id.replace('c', 'с')],
  ];
  const drafts: MqttDraft[] = others.map(([what, other]) =>
    draft(
      `payload sensorId ${what}`,
      (id) => JSON.stringify({ sensorId: other(id), pm25: 7 }),
      rejected('INGEST_ERR_SENSOR_MISMATCH'),
    ),
  );
  drafts.push(
    draft(
      'payload sensorId equal to the topic (accepted)',
      (id) => JSON.stringify({ sensorId: id, pm25: 7 }),
      PM,
    ),
  );
  // The topic is the identity. A SenML name's device part is a claim about the sensor and must match
  // it; an NGSI entity id is the context broker's observation id, so it is not compared with the topic.
  drafts.push(
    draft(
      'SenML bn naming another device',
      '[{"bn":"urn:dev:ow:10e2073a01080063:","n":"pm25","v":7}]',
      rejected('INGEST_ERR_SENSOR_MISMATCH'),
    ),
  );
  drafts.push(
    draft(
      'SenML bn naming the topic sensor (accepted)',
      (id) => `[{"bn":"urn:dev:ow:${id}:","n":"pm25","v":7}]`,
      PM,
    ),
  );
  drafts.push(
    draft(
      'NGSI entity id of another sensor (accepted)',
      '{"id":"urn:ngsi-ld:AirQualityObserved:other","type":"AirQualityObserved","pm25":7}',
      PM,
    ),
  );
  return { name: 'sensor-id-payload-vs-topic', drafts };
}

/** Characters that would split a line-protocol line or shift a series key if they reached it. */
const INJECTIONS = [
  ',',
  '=',
  ' ',
  '\n',
  '\r\n',
  '\\',
  '"',
  ',district=x',
  ' value=1 0',
  '\nreadings,sensor=x value=1',
];

function lineProtocolInjection(): MqttClass {
  const drafts: MqttDraft[] = [];
  INJECTIONS.forEach((bad, i) => {
    const show = JSON.stringify(bad);
    drafts.push({
      description: `sensor id with ${show}`,
      topic: (n) => `sensors/inj${n}${bad}x`,
      payload: '{"pm25": 1}',
      expect: rejected('INGEST_ERR_BAD_TOPIC'),
    });
    drafts.push(
      draft(
        `quantity name with ${show}`,
        JSON.stringify({ [`pm25${bad}`]: 1 }),
        rejected('INGEST_ERR_UNKNOWN_QUANTITY'),
      ),
    );
    drafts.push(
      draft(
        `SenML base name with ${show}`,
        JSON.stringify([{ bn: `dev${bad}:`, n: 'pm25', v: 1 }]),
        rejected('INGEST_ERR_SCHEMA'),
      ),
    );
    drafts.push(
      draft(
        `SenML name with ${show}`,
        JSON.stringify([{ n: `pm25${bad}`, v: 1 }]),
        rejected('INGEST_ERR_SCHEMA'),
      ),
    );
    drafts.push(
      draft(
        `unit with ${show}`,
        JSON.stringify({ no2: { value: 1, unit: `ppb${bad}` } }),
        rejected('INGEST_ERR_UNKNOWN_UNIT'),
      ),
    );
    if (i % 2 === 0)
      drafts.push(
        draft(
          `NGSI type with ${show} (accepted: types are not stored)`,
          JSON.stringify({ id: 'e', type: `Air${bad}Quality`, pm25: 7 }),
          PM,
        ),
      );
  });
  return { name: 'line-protocol-injection', drafts };
}

/** Keys that name Object.prototype members: they must be data, never reach the prototype. */
const PROTO_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__defineGetter__',
  'isPrototypeOf',
];

function prototypeKeys(): MqttClass {
  const drafts: MqttDraft[] = [];
  for (const key of PROTO_KEYS) {
    drafts.push(
      draft(`plain key ${key}`, `{"pm25": 1, "${key}": 2}`, rejected('INGEST_ERR_UNKNOWN_QUANTITY')),
    );
    drafts.push(
      draft(
        `plain key ${key} holding an object`,
        `{"${key}": {"value": 2}}`,
        rejected('INGEST_ERR_UNKNOWN_QUANTITY'),
      ),
    );
    drafts.push(
      draft(`unit ${key}`, `{"pm25": {"value": 1, "unit": "${key}"}}`, rejected('INGEST_ERR_UNKNOWN_UNIT')),
    );
    drafts.push(
      draft(`SenML unit ${key}`, `[{"n":"no2","u":"${key}","v":1}]`, rejected('INGEST_ERR_UNKNOWN_UNIT')),
    );
    drafts.push(
      draft(
        `SenML name ${key}`,
        `[{"n":"${key}","v":1}]`,
        key.startsWith('_') ? rejected('INGEST_ERR_SCHEMA') : rejected('INGEST_ERR_UNKNOWN_QUANTITY'),
      ),
    );
    drafts.push(
      draft(
        `NGSI attribute ${key} (ignored, accepted)`,
        `{"id":"e","type":"AirQualityObserved","pm25":7,"${key}":{"x":1}}`,
        PM,
      ),
    );
    drafts.push(draft(`NGSI type ${key} (accepted)`, `{"id":"e","type":"${key}","pm25":7}`, PM));
  }
  // RFC 8428 §4.4: a field name ending in "_" must be understood, and __proto__ is not.
  drafts.push(
    draft(
      'SenML record field __proto__ (must-understand)',
      '[{"n":"pm25","v":7,"__proto__":{"u":"mg/m3"}}]',
      rejected('INGEST_ERR_SCHEMA'),
    ),
  );
  drafts.push(
    draft(
      'SenML record field constructor (ignored, accepted)',
      '[{"n":"pm25","v":7,"constructor":{"u":"mg/m3"}}]',
      PM,
    ),
  );
  drafts.push(
    draft(
      'sensorId __proto__',
      '{"pm25": 1, "sensorId": "__proto__"}',
      rejected('INGEST_ERR_SENSOR_MISMATCH'),
    ),
  );
  return { name: 'prototype-keys', drafts };
}

/**
 * The README: sensors that no plan places are accepted into district "unassigned". Ids that name
 * Object.prototype members must be ordinary sensors too.
 */
function unknownSensors(): MqttClass {
  const ids = [
    'constructor',
    'toString',
    'hasOwnProperty',
    'valueOf',
    'prototype',
    'unknown-sensor',
    'A',
    '0',
    'a.b:c-d_e',
    'x'.repeat(128),
  ];
  return {
    name: 'unknown-sensor',
    drafts: ids.map((id) => ({
      description: `sensor '${id.slice(0, 20)}' in no plan (accepted as unassigned)`,
      topic: (n: number) =>
        `sensors/${id === 'x'.repeat(128) ? `${n}`.padEnd(128, 'x') : `${id}${id.length > 3 ? '' : `-${n}`}`}`,
      payload: '{"pm25": 7}',
      expect: PM,
    })),
  };
}

export const identityClasses = (): MqttClass[] => [
  sensorMismatch(),
  lineProtocolInjection(),
  prototypeKeys(),
  unknownSensors(),
];
