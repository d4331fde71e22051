import { JetStreamManager, NatsError } from 'nats';
import { StreamDefinition } from '../messaging-options';

const STREAM_NOT_FOUND = 10059;

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

export function isStreamNotFound(error: unknown): boolean {
  return error instanceof NatsError && error.api_error?.err_code === STREAM_NOT_FOUND;
}
