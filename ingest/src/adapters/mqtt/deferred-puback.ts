import type { MqttClient, Packet } from 'mqtt';

type Done = (error?: Error) => void;
type SendPacket = (packet: Packet, cb?: Done, cbStorePut?: unknown, noStore?: boolean) => void;

/**
 * Holds PUBACKs back until the message is durable, without holding up the connection.
 *
 * MQTT.js sends a PUBACK from `handleMessage`'s callback and reads no further packet until that
 * PUBACK is written, so delaying the callback caps a connection at one message per fsync. Instead
 * the callback runs at once and the PUBACK it sends is intercepted here: MQTT.js moves on to the
 * next packet, and the PUBACK is written when the message's durability promise settles, so that a
 * whole window of in-flight messages is acknowledged after one group commit. `_sendPacket` is
 * MQTT.js-internal (v5); this is the one place that relies on it.
 *
 * A PUBACK is sent only on the connection the message came on: after a reconnect the broker
 * redelivers unacknowledged messages (persistent session), and a message id may then name another
 * message. A message that is never durable is never acknowledged.
 */
export class DeferredPubacks {
  readonly #pending = new Map<number, Promise<boolean>>();
  #connection = 0;
  #withheld = 0;

  constructor(private readonly client: MqttClient) {}

  /** PUBACKs never sent because the message did not become durable (or the connection closed). */
  get withheld(): number {
    return this.#withheld;
  }

  install(): void {
    const client = this.client as unknown as { _sendPacket: SendPacket };
    const send = client._sendPacket.bind(this.client);
    client._sendPacket = (packet, cb, cbStorePut, noStore) => {
      const durable = packet.cmd === 'puback' ? this.#take(packet.messageId) : undefined;
      if (durable === undefined) {
        send(packet, cb, cbStorePut, noStore);
        return;
      }
      cb?.();
      const connection = this.#connection;
      void durable.then((ok) => {
        const open = this.client.connected && !this.client.disconnecting;
        if (ok && connection === this.#connection && open) send(packet);
        else this.#withheld += 1;
      });
    };
    this.client.on('close', () => {
      this.#connection += 1;
      this.#pending.clear();
    });
  }

  /** Called from `handleMessage`, before its callback, for a QoS 1 message. */
  defer(messageId: number | undefined, durable: Promise<boolean>): void {
    if (messageId !== undefined) this.#pending.set(messageId, durable);
  }

  #take(messageId: number | undefined): Promise<boolean> | undefined {
    if (messageId === undefined) return undefined;
    const durable = this.#pending.get(messageId);
    this.#pending.delete(messageId);
    return durable;
  }
}
