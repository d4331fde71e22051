import { courtMessagesStreamName, courtMessagesSubjects } from '@enforcement-link/protocol';
import { DiscardPolicy, RetentionPolicy, StorageType, nanos } from 'nats';
import { StreamDefinition } from '../messaging-options';

/**
 * The stream every court-to-court message is stored in. Work-queue retention keeps a message
 * until the receiving court acknowledges it, however long that court is offline. When the
 * stream is full the publisher is refused (discard new) rather than an older message being
 * dropped: the sender's outbox keeps the message and tries again.
 */
export function courtMessagesStream(namespace: string): StreamDefinition {
  return {
    name: courtMessagesStreamName(namespace),
    description: 'Messages between courts, kept until the receiving court acknowledges them',
    subjects: courtMessagesSubjects(namespace),
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    discard: DiscardPolicy.New,
    duplicate_window: nanos(2 * 60 * 1000),
    num_replicas: 1,
  };
}
