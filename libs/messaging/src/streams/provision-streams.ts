import { JetStreamManager, NatsError } from 'nats';
import { ConsumerDefinition, StreamDefinition } from '../messaging-options';

const STREAM_NOT_FOUND = 10059;
const CONSUMER_NOT_FOUND = 10014;

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
      await manager.streams.add(stream);
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

export function isStreamNotFound(error: unknown): boolean {
  return error instanceof NatsError && error.api_error?.err_code === STREAM_NOT_FOUND;
}

export function isConsumerNotFound(error: unknown): boolean {
  return error instanceof NatsError && error.api_error?.err_code === CONSUMER_NOT_FOUND;
}
