import {
  courtConsumerName,
  courtDirectoryBucket,
  courtKeysBucket,
  courtInboxPrefix,
  courtMessagesStreamName,
  documentsBucket,
  heartbeatSubject,
  heartbeatsSubjectFilter,
  inboundSubjectFilter,
  monitorEventsStreamName,
  monitorEventsSubjectFilter,
  monitorInboxPrefix,
  outboundSubjectFilter,
} from '@enforcement-link/protocol';

/** What one NATS user may publish and subscribe to, as nats-server's `permissions` takes it. */
export interface NatsPermissions {
  publish: { allow: string[] };
  subscribe: { allow: string[] };
}

const JS_API = '$JS.API';

/**
 * A court node: it publishes only as itself (messages whose sender token is its code, its own
 * monitor events and heartbeat), and reads only through its own inbox and its own durable
 * consumer. It cannot create, change or delete a stream, nor create a consumer on the court
 * messages stream, nor fetch a stored message by sequence or subject from it, so another
 * court's messages stay out of its reach. It reads the court directory and the court key
 * registry (which only admins write: a court cannot register or revoke keys), and reads and writes
 * the documents bucket (see docs/OPERATIONS.md for what that leaves open).
 */
export function courtPermissions(namespace: string, court: string): NatsPermissions {
  const courtMessages = courtMessagesStreamName(namespace);
  const consumer = courtConsumerName(court);
  const documents = documentsBucket(namespace);
  return {
    publish: {
      allow: [
        outboundSubjectFilter(namespace, court),
        monitorEventsSubjectFilter(namespace, court),
        heartbeatSubject(namespace, court),
        `${JS_API}.INFO`,
        `${JS_API}.STREAM.INFO.${courtMessages}`,
        `${JS_API}.STREAM.INFO.${monitorEventsStreamName(namespace)}`,
        `${JS_API}.CONSUMER.INFO.${courtMessages}.${consumer}`,
        `${JS_API}.CONSUMER.MSG.NEXT.${courtMessages}.${consumer}`,
        `$JS.ACK.${courtMessages}.${consumer}.>`,
        ...readCourtDirectory(namespace),
        ...readFromStream(`KV_${courtKeysBucket(namespace)}`),
        ...readFromStream(`OBJ_${documents}`),
        `${JS_API}.STREAM.MSG.GET.OBJ_${documents}`,
        // Reading a document looks its stream up by subject: this lists stream names only.
        `${JS_API}.STREAM.NAMES`,
        `$O.${documents}.>`,
      ],
    },
    subscribe: {
      allow: [`${courtInboxPrefix(namespace, court)}.>`, inboundSubjectFilter(namespace, court)],
    },
  };
}

/**
 * The command centres' monitor reads the events stream (with consumers of its own making, on
 * that stream only), the heartbeats and the court directory. It publishes nothing else: no
 * court message, no event.
 */
export function monitorPermissions(namespace: string): NatsPermissions {
  const events = monitorEventsStreamName(namespace);
  return {
    publish: {
      allow: [
        `${JS_API}.INFO`,
        ...readFromStream(events),
        `${JS_API}.CONSUMER.INFO.${events}.*`,
        `${JS_API}.CONSUMER.MSG.NEXT.${events}.*`,
        `${JS_API}.CONSUMER.DELETE.${events}.*`,
        ...readCourtDirectory(namespace),
      ],
    },
    subscribe: {
      allow: [`${monitorInboxPrefix(namespace)}.>`, heartbeatsSubjectFilter(namespace)],
    },
  };
}

/** The network's administrators: provisioning streams and consumers, publishing the directory. */
export const ADMIN_PERMISSIONS: NatsPermissions = {
  publish: { allow: ['>'] },
  subscribe: { allow: ['>'] },
};

/** The directory is public within the network: every node watches it, only admins write it. */
function readCourtDirectory(namespace: string): string[] {
  return readFromStream(`KV_${courtDirectoryBucket(namespace)}`);
}

/**
 * Reading a stream through consumers of one's own: its info, creating an (ordered, ephemeral)
 * consumer in either API form, and answering its flow control.
 */
function readFromStream(stream: string): string[] {
  return [
    `${JS_API}.STREAM.INFO.${stream}`,
    `${JS_API}.CONSUMER.CREATE.${stream}`,
    `${JS_API}.CONSUMER.CREATE.${stream}.>`,
    `$JS.FC.${stream}.>`,
  ];
}
