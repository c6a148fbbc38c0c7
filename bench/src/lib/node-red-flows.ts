/**
 * The two Node-RED flows the platform is compared with, as a Node-RED user would build them:
 * MQTT in → JSON → InfluxDB out, one point per message; and the careful one, batching 1,000 points
 * (or whatever arrived within a second) into the `influxdb batch` node. Both tag points with the
 * sensor id, or readings of different sensors in the same millisecond would overwrite each other.
 */
export type FlowKind = 'per-point' | 'batched';

export interface FlowTarget {
  readonly topic: string;
  readonly qos: 0 | 1;
  readonly mqttPort: number;
  readonly influxPort: number;
  readonly database: string;
}

type Node = Record<string, unknown>;

/** Function node bodies, in Node-RED's JavaScript. */
const TO_POINT = `const sensor = msg.topic.split('/').pop();
msg.payload = [{ value: msg.payload.pm25, time: new Date(msg.payload.ts) }, { sensor }];
return msg;`;

const BATCH = `const points = context.get('points') || [];
if (!msg.flush) {
  const sensor = msg.topic.split('/').pop();
  points.push({ measurement: 'readings', tags: { sensor }, fields: { value: msg.payload.pm25 }, timestamp: new Date(msg.payload.ts) });
}
if (points.length >= 1000 || (msg.flush && points.length > 0)) {
  context.set('points', []);
  return { payload: points };
}
context.set('points', points);
return null;`;

function common(t: FlowTarget): Node[] {
  return [
    { id: 'bench-tab', type: 'tab', label: 'bench' },
    {
      id: 'bench-broker',
      type: 'mqtt-broker',
      broker: '127.0.0.1',
      port: String(t.mqttPort),
      clientid: '',
      autoConnect: true,
      usetls: false,
      protocolVersion: '4',
      keepalive: '60',
      cleansession: true,
    },
    {
      id: 'bench-influx',
      type: 'influxdb',
      hostname: '127.0.0.1',
      port: String(t.influxPort),
      protocol: 'http',
      database: t.database,
      name: 'bench',
      usetls: false,
      influxdbVersion: '1.x',
    },
    {
      id: 'bench-in',
      type: 'mqtt in',
      z: 'bench-tab',
      topic: t.topic,
      qos: String(t.qos),
      datatype: 'utf8',
      broker: 'bench-broker',
      nl: false,
      rap: true,
      inputs: 0,
      wires: [['bench-json']],
    },
    {
      id: 'bench-json',
      type: 'json',
      z: 'bench-tab',
      property: 'payload',
      action: 'obj',
      pretty: false,
      wires: [['bench-fn']],
    },
  ];
}

export function flowFor(kind: FlowKind, t: FlowTarget): Node[] {
  if (kind === 'per-point')
    return [
      ...common(t),
      {
        id: 'bench-fn',
        type: 'function',
        z: 'bench-tab',
        func: TO_POINT,
        outputs: 1,
        wires: [['bench-out']],
      },
      {
        id: 'bench-out',
        type: 'influxdb out',
        z: 'bench-tab',
        influxdb: 'bench-influx',
        measurement: 'readings',
        precision: 'ms',
        retentionPolicy: '',
        wires: [],
      },
    ];
  return [
    ...common(t),
    { id: 'bench-fn', type: 'function', z: 'bench-tab', func: BATCH, outputs: 1, wires: [['bench-out']] },
    {
      id: 'bench-tick',
      type: 'inject',
      z: 'bench-tab',
      props: [{ p: 'flush', v: 'true', vt: 'bool' }],
      repeat: '1',
      once: true,
      onceDelay: '1',
      wires: [['bench-fn']],
    },
    {
      id: 'bench-out',
      type: 'influxdb batch',
      z: 'bench-tab',
      influxdb: 'bench-influx',
      precision: 'ms',
      retentionPolicy: '',
      wires: [],
    },
  ];
}

/** A settings file: a free port on loopback, no editor, logs at info (the bench waits for "Connected to broker"). */
export function settingsFor(port: number, flowFile: string): string {
  return `module.exports = {
  uiPort: ${port},
  uiHost: '127.0.0.1',
  httpAdminRoot: false,
  httpNodeRoot: false,
  flowFile: ${JSON.stringify(flowFile)},
  credentialSecret: false,
  logging: { console: { level: 'info', metrics: false, audit: false } },
};
`;
}
