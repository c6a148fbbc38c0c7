import { accepted, draft, rejected, type MqttClass } from '../corpus-case.js';

const PM = accepted({ quantity: 'pm25', value: 7 });

function extraFields(): MqttClass {
  return {
    name: 'extra-fields',
    drafts: [
      // Plain JSON is strict: every key but ts and sensorId must be a quantity.
      draft(
        'plain extra number field',
        '{"pm25": 1, "battery": 3.3}',
        rejected('INGEST_ERR_UNKNOWN_QUANTITY'),
      ),
      draft('plain extra text field', '{"pm25": 1, "note": "hi"}', rejected('INGEST_ERR_SCHEMA')),
      draft('plain extra object field', '{"pm25": 1, "meta": {"fw": "1.2"}}', rejected('INGEST_ERR_SCHEMA')),
      draft(
        'extra key in a value object',
        '{"pm25": {"value": 1, "unit": "ug/m3", "accuracy": 2}}',
        rejected('INGEST_ERR_SCHEMA'),
      ),
      draft('plain extra boolean field', '{"pm25": 1, "calibrated": true}', rejected('INGEST_ERR_SCHEMA')),
      // RFC 8428 §4.4: unknown SenML fields are ignored unless their name ends with "_".
      draft('SenML unknown field (accepted)', '[{"n":"pm25","v":7,"foo":1}]', PM),
      draft('SenML unknown text field (accepted)', '[{"n":"pm25","v":7,"fw":"1.2.3"}]', PM),
      draft('SenML must-understand field', '[{"n":"pm25","v":7,"foo_":1}]', rejected('INGEST_ERR_SCHEMA')),
      draft(
        'SenML must-understand base field',
        '[{"bn_":"x","n":"pm25","v":7}]',
        rejected('INGEST_ERR_SCHEMA'),
      ),
      // NGSI entities carry many attributes that name no quantity (address, location, …).
      draft(
        'NGSI extra attributes (accepted)',
        '{"id":"e","type":"AirQualityObserved","pm25":7,"address":{"city":"X"},"location":{"type":"Point","coordinates":[1,2]}}',
        PM,
      ),
      draft(
        'NGSI attribute of a quantity the type cannot carry (ignored)',
        '{"id":"e","type":"WeatherObserved","pm25":7}',
        rejected('INGEST_ERR_EMPTY'),
      ),
    ],
  };
}

function missingFields(): MqttClass {
  return {
    name: 'missing-fields',
    drafts: [
      draft('value object without value', '{"pm25": {"unit": "ug/m3"}}', rejected('INGEST_ERR_SCHEMA')),
      draft('SenML record without value', '[{"n":"pm25"}]', rejected('INGEST_ERR_SCHEMA')),
      draft('SenML record without name', '[{"v":1}]', rejected('INGEST_ERR_SCHEMA')),
      draft(
        'SenML second record without value',
        '[{"n":"pm25","v":1},{"n":"no2"}]',
        rejected('INGEST_ERR_SCHEMA'),
      ),
      draft(
        'SenML name only from a base name ending in a separator',
        '[{"bn":"dev:","v":1}]',
        rejected('INGEST_ERR_SENSOR_MISMATCH'),
      ),
      draft('NGSI without type (read as plain JSON)', '{"id":"e","pm25":1}', rejected('INGEST_ERR_SCHEMA')),
      draft('NGSI with type only', '{"type":"AirQualityObserved","pm25":1}', rejected('INGEST_ERR_SCHEMA')),
      draft(
        'NGSI quantity null (ignored)',
        '{"id":"e","type":"AirQualityObserved","pm25":null}',
        rejected('INGEST_ERR_EMPTY'),
      ),
      draft(
        'SenML sum without base sum (accepted)',
        '[{"n":"rain_mm","s":2}]',
        accepted({ quantity: 'rain_mm', value: 2 }),
      ),
    ],
  };
}

function senmlRules(): MqttClass {
  return {
    name: 'senml-rules',
    drafts: [
      draft('boolean value vb', '[{"n":"pm25","vb":true}]', rejected('INGEST_ERR_SCHEMA')),
      draft('data value vd', '[{"n":"pm25","vd":"AQID"}]', rejected('INGEST_ERR_SCHEMA')),
      draft('version 11', '[{"bver":11,"n":"pm25","v":1}]', rejected('INGEST_ERR_SCHEMA')),
      draft('version 10 (accepted)', '[{"bver":10,"n":"pm25","v":7}]', PM),
      draft('a name starting with a dash', '[{"n":"-pm25","v":1}]', rejected('INGEST_ERR_SCHEMA')),
      draft('a record that is not an object', '[{"n":"pm25","v":1}, 5]', rejected('INGEST_ERR_SCHEMA')),
      draft('relative time in the past (accepted)', '[{"n":"pm25","v":7,"t":-60}]', PM),
      draft('base value plus value (accepted)', '[{"bv":5,"n":"pm25","v":2}]', PM),
      draft(
        'base unit converted (accepted)',
        '[{"bu":"ppb","n":"no2","v":10}]',
        accepted({ quantity: 'no2', value: 19 }),
      ),
      draft(
        'two records of one quantity at different times (accepted)',
        '[{"n":"pm25","v":7,"t":-120},{"n":"pm25","v":7,"t":-60}]',
        accepted({ quantity: 'pm25', value: 7 }, { quantity: 'pm25', value: 7 }),
      ),
    ],
  };
}

export const payloadShapeClasses = (): MqttClass[] => [extraFields(), missingFields(), senmlRules()];
