/** The major protocol version is part of every subject, so two majors can run side by side. */
export const PROTOCOL_MAJOR_VERSION = 1;

/**
 * Court-to-court messages are persisted in one JetStream stream per network. Each receiving
 * court reads its own slice of it through a durable consumer filtered on its court code, and a
 * message leaves the stream once that court has acknowledged it (work-queue retention).
 */
export function courtMessagesStreamName(namespace: string): string {
  return `${namespace.toUpperCase()}_COURT_MESSAGES`;
}

export function courtMessagesSubjects(namespace: string): string[] {
  return [`${namespace}.v${PROTOCOL_MAJOR_VERSION}.>`];
}

/** The durable consumer through which `court` reads the messages addressed to it. */
export function courtConsumerName(court: string): string {
  return `court-${court}`;
}

/**
 * Events for the enforcement command centres' monitor (escalations, for now) are kept in their
 * own stream, with limits retention, so a monitor and its replicas can read them at their pace.
 */
export function monitorEventsStreamName(namespace: string): string {
  return `${namespace.toUpperCase()}_MONITOR_EVENTS`;
}

export function monitorEventsSubjects(namespace: string): string[] {
  return [`${namespace}.events.v${PROTOCOL_MAJOR_VERSION}.>`];
}

/**
 * The network's court directory lives in a JetStream key-value bucket, under one key: the JSON
 * list of court records, written by the network's administrators and watched by every node.
 */
export function courtDirectoryBucket(namespace: string): string {
  return `${namespace.toUpperCase()}_COURT_DIRECTORY`;
}

export const COURT_DIRECTORY_KEY = 'courts';

/**
 * The courts' signing keys live in a JetStream key-value bucket beside the directory, one key
 * per court (its court code) holding the JSON list of that court's key records, written by the
 * network's administrators and watched by every node.
 */
export function courtKeysBucket(namespace: string): string {
  return `${namespace.toUpperCase()}_COURT_KEYS`;
}

/**
 * Documents travel beside messages, in a JetStream object-store bucket per network, each
 * object named by its `documentId`; a message lists them with their size and SHA-256.
 */
export function documentsBucket(namespace: string): string {
  return `${namespace.toUpperCase()}_DOCUMENTS`;
}
