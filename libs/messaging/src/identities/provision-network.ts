import { courtDirectoryBucket, courtKeysBucket, documentsBucket } from '@enforcement-link/protocol';
import { NatsConnection } from 'nats';
import { openCourtKeysBucket } from '../court-keys/court-keys-bucket';
import { courtConsumer, courtMessagesStream } from '../streams/court-messages.stream';
import { DOCUMENTS_BUCKET_OPTIONS } from '../streams/documents.bucket';
import { monitorEventsStream } from '../streams/monitor-events.stream';
import {
  createdConcurrently,
  provisionConsumers,
  provisionStreams,
} from '../streams/provision-streams';

/**
 * Everything the services of a network need on NATS and, under the network's permissions, may
 * not create themselves: the court-messages and monitor-events streams (created or updated),
 * the court directory, court key registry and documents buckets, and each court's durable consumer. Run with an
 * admin identity; running it again changes nothing that is already right. Streams and buckets
 * are created with `replicas` copies; the streams' replicas are updated to it too. Returns what exists
 * now, for the operator to read.
 */
export async function provisionNetwork(
  connection: NatsConnection,
  namespace: string,
  courts: string[],
  replicas: number,
): Promise<string[]> {
  const manager = await connection.jetstreamManager();
  const streams = [
    courtMessagesStream(namespace, replicas),
    monitorEventsStream(namespace, replicas),
  ];
  await provisionStreams(manager, streams);
  const views = connection.jetstream().views;
  await createdConcurrently(() => views.kv(courtDirectoryBucket(namespace), { replicas }));
  await openCourtKeysBucket(connection.jetstream(), namespace, replicas);
  await createdConcurrently(() =>
    views.os(documentsBucket(namespace), { ...DOCUMENTS_BUCKET_OPTIONS, replicas }),
  );
  const consumers = courts.map((court) => courtConsumer(namespace, court));
  await provisionConsumers(manager, consumers);
  return [
    ...streams.map((stream) => `stream ${stream.name}`),
    `key-value bucket ${courtDirectoryBucket(namespace)}`,
    `key-value bucket ${courtKeysBucket(namespace)}`,
    `object-store bucket ${documentsBucket(namespace)}`,
    ...consumers.map(({ stream, config }) => `consumer ${config.durable_name} on ${stream}`),
  ];
}
