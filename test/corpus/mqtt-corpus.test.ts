import { DEFAULT_MAX_PAYLOAD_BYTES, parseSensorMessage, parseSensorTopic } from '@ssc-monitor/core';
import { describe, expect, it } from 'vitest';
import { buildFileCorpus } from './file-corpus.js';
import { buildMqttCorpus, classCounts } from './mqtt-corpus.js';

const NOW = Date.UTC(2026, 10, 25, 10, 0, 0);
const corpus = buildMqttCorpus({ now: NOW });
const options = { topicPrefix: '', maxPayloadBytes: DEFAULT_MAX_PAYLOAD_BYTES };

describe('the MQTT bad-input corpus', () => {
  it('is large and varied enough, with a unique topic per case', () => {
    const counts = classCounts(corpus);
    console.log(`MQTT corpus: ${corpus.length} cases in ${counts.size} classes`, Object.fromEntries(counts));
    expect(corpus.length).toBeGreaterThanOrEqual(450);
    expect(counts.size).toBeGreaterThanOrEqual(20);
    expect(new Set(corpus.map((c) => c.topic)).size).toBe(corpus.length);
    expect(corpus.filter((c) => c.expect.outcome === 'rejected').length).toBeGreaterThan(400);
  });

  it('with the file corpus, holds at least 500 cases in at least 25 classes', () => {
    const all = [...corpus, ...buildFileCorpus()];
    const classes = classCounts(all).size;
    console.log(`bad-input corpus: ${all.length} cases in ${classes} classes`);
    expect(all.length).toBeGreaterThanOrEqual(500);
    expect(classes).toBeGreaterThanOrEqual(25);
  });

  it.each(corpus.map((c, i) => [i, c.class, c.description, c] as const))(
    '#%i %s: %s',
    (_i, _cls, _what, c) => {
      const result = parseSensorMessage({ topic: c.topic, payload: c.payload, receivedAt: NOW }, options);
      if (c.expect.outcome === 'rejected') {
        expect(result.ok ? 'accepted' : result.rejection.code).toBe(c.expect.code);
        if (!result.ok) {
          expect(result.rejection.reason.length).toBeGreaterThan(0);
          expect(result.sensorId).toBe(parseSensorTopic('', c.topic) ?? null);
        }
      } else {
        expect(result.ok ? 'accepted' : `${result.rejection.code}: ${result.rejection.reason}`).toBe(
          'accepted',
        );
        if (result.ok)
          expect(result.readings.map((r) => ({ quantity: r.quantity, value: r.value }))).toEqual(
            c.expect.readings,
          );
      }
    },
  );
});
