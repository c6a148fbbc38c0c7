import { randomUUID } from 'node:crypto';
import mqtt from 'mqtt';
for (const protocolVersion of [4, 5] as const) {
  const prefix = `v5-${randomUUID().slice(0, 8)}/`;
  const sub = await mqtt.connectAsync('mqtt://127.0.0.1:1883', { protocolVersion });
  let got = 0;
  const c = sub as unknown as { _sendPacket: (p: { cmd: string }, cb?: () => void) => void };
  const orig = c._sendPacket.bind(sub);
  c._sendPacket = (p, cb) => { if (p.cmd === 'puback') { cb?.(); return; } orig(p, cb); };
  sub.handleMessage = (_p, cb) => { got++; cb(); };
  await sub.subscribeAsync(`${prefix}#`, { qos: 1 });
  const pub = await mqtt.connectAsync('mqtt://127.0.0.1:1883');
  for (let i = 0; i < 300; i++) await pub.publishAsync(`${prefix}x`, 'm', { qos: 1 });
  await new Promise((r) => setTimeout(r, 1000));
  console.log('protocol', protocolVersion, 'delivered without PUBACK:', got);
  await pub.endAsync(); await sub.endAsync(true);
}
