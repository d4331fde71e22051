import {
  courtConsumerName,
  courtMessagesStreamName,
  courtMessagesSubjects,
  inboundSubjectFilter,
} from '@enforcement-link/protocol';
import { AckPolicy, DeliverPolicy, DiscardPolicy, RetentionPolicy, StorageType, nanos } from 'nats';
import { ConsumerDefinition, StreamDefinition } from '../messaging-options';

/**
 * Longer than a handler should take; a message not settled by then (its node crashed) is
 * delivered again, and the inbox recognises it if the first delivery did commit.
 */
const ACK_WAIT_MS = 10_000;

/** Messages delivered and not yet settled, per handler working at once (INBOX_CONCURRENCY). */
const UNACKNOWLEDGED_PER_HANDLER = 4;

/** Messages a court node handles at once unless INBOX_CONCURRENCY says otherwise. */
export const DEFAULT_INBOX_CONCURRENCY = 8;

/**
 * The stream every court-to-court message is stored in. Work-queue retention keeps a message
 * until the receiving court acknowledges it, however long that court is offline. When the
 * stream is full the publisher is refused (discard new) rather than an older message being
 * dropped: the sender's outbox keeps the message and tries again. `replicas` copies on a cluster.
 */
export function courtMessagesStream(namespace: string, replicas: number): StreamDefinition {
  return {
    name: courtMessagesStreamName(namespace),
    description: 'Messages between courts, kept until the receiving court acknowledges them',
    subjects: courtMessagesSubjects(namespace),
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    discard: DiscardPolicy.New,
    duplicate_window: nanos(2 * 60 * 1000),
    num_replicas: replicas,
  };
}

/**
 * The durable consumer through which `court` reads what is addressed to it, explicitly
 * acknowledged. Created by the node itself, or by an administrator (`nats provision`) where
 * the node's NATS user may not create consumers.
 */
export function courtConsumer(
  namespace: string,
  court: string,
  concurrency = DEFAULT_INBOX_CONCURRENCY,
): ConsumerDefinition {
  return {
    stream: courtMessagesStreamName(namespace),
    config: {
      durable_name: courtConsumerName(court),
      description: `Messages to ${court}`,
      filter_subject: inboundSubjectFilter(namespace, court),
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      ack_wait: nanos(ACK_WAIT_MS),
      max_ack_pending: UNACKNOWLEDGED_PER_HANDLER * concurrency,
    },
  };
}
