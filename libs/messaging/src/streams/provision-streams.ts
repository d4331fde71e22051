import { JetStreamManager, NatsError } from 'nats';
import { ConsumerDefinition, StreamDefinition } from '../messaging-options';

const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;
const SUBJECTS_OVERLAP = 10065;
const STREAM_NAME_IN_USE = 10058;

/**
 * Creates each stream that does not exist and updates the ones that do, so a service started
 * against an empty or a freshly restored server finds what it needs. A change JetStream cannot
 * apply to an existing stream (storage type, retention) fails loudly instead of being ignored.
 */
export async function provisionStreams(
  manager: JetStreamManager,
  streams: StreamDefinition[],
): Promise<void> {
  for (const stream of streams) {
    try {
      await manager.streams.info(stream.name);
    } catch (error) {
      if (!isStreamNotFound(error)) throw error;
      await createdConcurrently(() => manager.streams.add(stream));
      continue;
    }
    await manager.streams.update(stream.name, stream);
  }
}

/** Creates each durable consumer that does not exist; an existing one is left as it is. */
export async function provisionConsumers(
  manager: JetStreamManager,
  consumers: ConsumerDefinition[],
): Promise<void> {
  for (const { stream, config } of consumers) {
    try {
      await manager.consumers.info(stream, config.durable_name);
    } catch (error) {
      if (!isConsumerNotFound(error)) throw error;
      await manager.consumers.add(stream, config);
    }
  }
}

/** The first stream or consumer of these that does not exist, named for a readiness report. */
export async function firstMissing(
  manager: JetStreamManager,
  streams: StreamDefinition[],
  consumers: ConsumerDefinition[],
): Promise<string | undefined> {
  for (const stream of streams) {
    try {
      await manager.streams.info(stream.name);
    } catch (error) {
      if (isStreamNotFound(error)) return `stream ${stream.name}`;
      throw error;
    }
  }
  for (const { stream, config } of consumers) {
    try {
      await manager.consumers.info(stream, config.durable_name);
    } catch (error) {
      if (isConsumerNotFound(error)) return `consumer ${config.durable_name} on ${stream}`;
      throw error;
    }
  }
  return undefined;
}

/**
 * Runs `create`, which creates a stream or a bucket unless it exists, a second time if a service
 * starting at the same moment created it first: the server can refuse the later of two
 * simultaneous creations even when both ask for the same thing, and by then it exists.
 */
export async function createdConcurrently<T>(create: () => Promise<T>): Promise<T> {
  try {
    return await create();
  } catch (error) {
    const code = error instanceof NatsError ? error.api_error?.err_code : undefined;
    if (code !== SUBJECTS_OVERLAP && code !== STREAM_NAME_IN_USE) throw error;
    return create();
  }
}

export function isStreamNotFound(error: unknown): boolean {
  return error instanceof NatsError && error.api_error?.err_code === STREAM_NOT_FOUND;
}

export function isConsumerNotFound(error: unknown): boolean {
  return error instanceof NatsError && error.api_error?.err_code === CONSUMER_NOT_FOUND;
}
