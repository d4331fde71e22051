import { NatsProvisioning } from '@enforcement-link/platform';
import { ConsumerConfig, StreamConfig } from 'nats';
import { NatsClientSettings } from './nats-client-settings';

export interface MessagingOptions {
  /** Where NATS is and who this service is there. */
  client: NatsClientSettings;
  /** The network: `NATS_NAMESPACE`, which prefixes its subjects, streams and buckets. */
  namespace: string;
  /** Shown by the server in its connection list: which service and court this is. */
  connectionName: string;
  /** Where answers to this service's requests arrive; its NATS user may read only there. */
  inboxPrefix: string;
  /** `self`: create what is listed below; `admin`: only check that it exists. */
  provisioning: NatsProvisioning;
  /** Streams this service needs; in `self` mode created when missing and updated on connect. */
  streams: StreamDefinition[];
  /** Durable consumers this service reads through; in `self` mode created when missing. */
  consumers: ConsumerDefinition[];
}

export type StreamDefinition = Partial<StreamConfig> & Pick<StreamConfig, 'name' | 'subjects'>;

export interface ConsumerDefinition {
  stream: string;
  config: Partial<ConsumerConfig> & { durable_name: string };
}

export const MESSAGING_OPTIONS = Symbol('MESSAGING_OPTIONS');
