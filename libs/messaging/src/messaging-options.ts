import { StreamConfig } from 'nats';

export interface MessagingOptions {
  /** Comma-separated server URLs, as in `NATS_URL`. */
  servers: string;
  /** The network: `NATS_NAMESPACE`, which prefixes its subjects, streams and buckets. */
  namespace: string;
  /** Shown by the server in its connection list: which service and court this is. */
  connectionName: string;
  /** Streams this service needs; created when missing and brought up to date on connect. */
  streams: StreamDefinition[];
}

export type StreamDefinition = Partial<StreamConfig> & Pick<StreamConfig, 'name' | 'subjects'>;

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
