import type { Aedes, PublishPacket } from 'aedes';

/**
 * Takes a client's PUBLISH in-process before the broker acknowledges it. Returns undefined for a
 * message it does not take (the broker carries on at once), or a promise that resolves true once
 * the message is durable; false leaves it unacknowledged.
 */
export type PublishInterceptor = (packet: PublishPacket) => Promise<boolean> | undefined;

/** Why a publish was not acknowledged; the client's connection is closed and it publishes again. */
export class NotDurableError extends Error {
  readonly code = 'INGEST_ERR_NOT_DURABLE';
  override readonly name = 'NotDurableError';
}

/**
 * Makes the embedded broker send PUBACK only after the interceptor made the message durable.
 *
 * aedes 1.x writes a QoS 1 PUBACK before it routes the message, right after `authorizePublish`; so
 * the hook wraps that handler (keeping any authorisation already installed, which runs first). aedes
 * dispatches every packet of one socket read at once and reads on when all are done, so the
 * messages of one read, and those of every other client meanwhile, share one group commit.
 */
export function acknowledgeWhenDurable(broker: Aedes, intercept: PublishInterceptor): void {
  const authorize = broker.authorizePublish.bind(broker);
  broker.authorizePublish = (client, packet, callback) => {
    authorize(client, packet, (error) => {
      if (error || client === null) {
        callback(error);
        return;
      }
      const durable = intercept(packet);
      if (durable === undefined) {
        callback(null);
        return;
      }
      // QoS 0 has no acknowledgement to withhold: a message ingest dropped (and counted) is no
      // reason to cut the sensor off.
      void durable.then((ok) =>
        callback(
          ok || packet.qos === 0
            ? null
            : new NotDurableError(`message on ${packet.topic} could not be spooled`),
        ),
      );
    });
  };
}
