import { monitorEventsStreamName, monitorEventsSubjects } from '@enforcement-link/protocol';
import { DiscardPolicy, RetentionPolicy, StorageType, nanos } from 'nats';
import { StreamDefinition } from '../messaging-options';

const KEEP_EVENTS_MS = 400 * 24 * 60 * 60 * 1000;

/**
 * The stream of events for the command centres' monitor. Unlike court messages they are not
 * consumed away: they are kept for a little over a year, enough for yearly figures, and the
 * oldest make room when the stream is full. `replicas` copies on a cluster.
 */
export function monitorEventsStream(namespace: string, replicas: number): StreamDefinition {
  return {
    name: monitorEventsStreamName(namespace),
    description: 'Events for the enforcement command centres, kept for a year',
    subjects: monitorEventsSubjects(namespace),
    retention: RetentionPolicy.Limits,
    storage: StorageType.File,
    discard: DiscardPolicy.Old,
    max_age: nanos(KEEP_EVENTS_MS),
    duplicate_window: nanos(2 * 60 * 1000),
    num_replicas: replicas,
  };
}
