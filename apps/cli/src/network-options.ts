import { natsClientSettings, natsConnectionOptions } from '@enforcement-link/messaging';
import {
  InvalidEnvironmentError,
  NatsClientEnvironment,
  validateEnvironment,
} from '@enforcement-link/platform';
import { DEFAULT_NAMESPACE, NAMESPACE_PATTERN, NAMESPACE_RULE } from '@enforcement-link/protocol';
import { connect, NatsConnection } from 'nats';
import { UsageError } from './command';

/** The usage lines of the options every command that talks to the network takes. */
export const NETWORK_OPTIONS_USAGE = `  --nats-url <urls>     NATS servers (default: NATS_URL, else nats://127.0.0.1:4222)
  --namespace <name>    the network (default: NATS_NAMESPACE, else ${DEFAULT_NAMESPACE})
  The administrators' identity: NATS_NKEY_SEED_FILE (the admin seed from \`nats init\`), and
  NATS_TLS_CA_FILE, NATS_TLS_CERT_FILE, NATS_TLS_KEY_FILE as for the services; a bucket a
  command creates gets NATS_STREAM_REPLICAS copies (default 1).`;

export interface AdminConnection {
  connection: NatsConnection;
  /** Copies of each stream and bucket a command creates (`NATS_STREAM_REPLICAS`). */
  streamReplicas: number;
}

export interface NetworkConnection extends AdminConnection {
  namespace: string;
}

/** Connects to the network the options or the environment name. */
export async function connectToNetwork(
  options: Record<string, string | true>,
): Promise<NetworkConnection> {
  const servers =
    stringOption(options, 'nats-url') ?? process.env.NATS_URL ?? 'nats://127.0.0.1:4222';
  const namespace =
    stringOption(options, 'namespace') ?? process.env.NATS_NAMESPACE ?? DEFAULT_NAMESPACE;
  if (!NAMESPACE_PATTERN.test(namespace)) {
    throw new UsageError(`--namespace ${namespace}: it must be ${NAMESPACE_RULE}`);
  }
  return { ...(await connectAsAdmin('enforcement-link cli', servers)), namespace };
}

/**
 * A connection with the administrators' identity and TLS settings from the environment, as
 * the services read theirs: `NATS_URL` (or `servers`), `NATS_NKEY_SEED_FILE`, `NATS_TLS_*`,
 * and `NATS_STREAM_REPLICAS`.
 */
export async function connectAsAdmin(name: string, servers?: string): Promise<AdminConnection> {
  let environment: NatsClientEnvironment;
  try {
    environment = validateEnvironment(NatsClientEnvironment, {
      ...process.env,
      ...(servers ? { NATS_URL: servers } : {}),
    });
  } catch (error) {
    if (!(error instanceof InvalidEnvironmentError)) throw error;
    throw new Error(`invalid configuration\n  ${error.problems.join('\n  ')}`);
  }
  const settings = natsClientSettings(environment);
  const connection = await connect(
    natsConnectionOptions(settings, { name, reconnect: false, timeout: 5_000 }),
  );
  return { connection, streamReplicas: settings.streamReplicas };
}

export function stringOption(
  options: Record<string, string | true>,
  name: string,
): string | undefined {
  const value = options[name];
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

export function requiredOption(options: Record<string, string | true>, name: string): string {
  const value = stringOption(options, name);
  if (value === undefined) throw new UsageError(`--${name} is required`);
  return value;
}
