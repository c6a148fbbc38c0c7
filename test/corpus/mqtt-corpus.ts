import { encodingClasses } from './classes/encoding.js';
import { identityClasses } from './classes/identity.js';
import { payloadShapeClasses } from './classes/payload-shape.js';
import { timeClasses } from './classes/time.js';
import { valueClasses } from './classes/values.js';
import { vocabularyClasses } from './classes/vocabulary.js';
import type { CorpusClock, MqttCase, MqttClass } from './corpus-case.js';

const utf8 = new TextEncoder();

export function mqttClasses(clock: CorpusClock): MqttClass[] {
  return [
    ...encodingClasses(),
    ...valueClasses(),
    ...vocabularyClasses(),
    ...timeClasses(clock),
    ...identityClasses(),
    ...payloadShapeClasses(),
  ];
}

/** Sensor id of the n-th case: unique, so a dead letter or a stored reading names its case. */
export const corpusSensorId = (n: number): string => `corpus-${n}`;

/**
 * Every MQTT case, built deterministically against `clock`. Each case has its own topic, so the
 * replay test matches dead letters and stored readings to cases by topic and sensor id.
 */
export function buildMqttCorpus(clock: CorpusClock): MqttCase[] {
  const cases: MqttCase[] = [];
  for (const cls of mqttClasses(clock))
    for (const d of cls.drafts) {
      const n = cases.length;
      const sensorId = corpusSensorId(n);
      const payload = typeof d.payload === 'function' ? d.payload(sensorId) : d.payload;
      cases.push({
        class: cls.name,
        description: d.description,
        topic: d.topic ? d.topic(n) : `sensors/${sensorId}`,
        payload: typeof payload === 'string' ? utf8.encode(payload) : payload,
        expect: d.expect,
      });
    }
  return cases;
}

/** Cases per class, for the test log and docs/bad-input.md. */
export function classCounts(cases: readonly { readonly class: string }[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const c of cases) counts.set(c.class, (counts.get(c.class) ?? 0) + 1);
  return counts;
}
