import { NatsClientEnvironment, readUserSeed } from '@enforcement-link/platform';
import { ConnectionOptions, nkeyAuthenticator } from 'nats';

/** How to reach NATS and who to be there; see NatsClientEnvironment. */
export interface NatsClientSettings {
  /** Comma-separated server URLs, as in `NATS_URL`. */
  servers: string;
  nkeySeedFile?: string;
  tls?: { caFile?: string; certFile?: string; keyFile?: string };
  /** Copies of each stream and bucket this program creates, as in `NATS_STREAM_REPLICAS`. */
  streamReplicas: number;
}

export function natsClientSettings(environment: NatsClientEnvironment): NatsClientSettings {
  const { NATS_TLS_CA_FILE, NATS_TLS_CERT_FILE, NATS_TLS_KEY_FILE } = environment;
  const tlsFiles = {
    ...(NATS_TLS_CA_FILE ? { caFile: NATS_TLS_CA_FILE } : {}),
    ...(NATS_TLS_CERT_FILE ? { certFile: NATS_TLS_CERT_FILE } : {}),
    ...(NATS_TLS_KEY_FILE ? { keyFile: NATS_TLS_KEY_FILE } : {}),
  };
  const tlsUrl = serverList(environment.NATS_URL).some((server) => server.startsWith('tls://'));
  return {
    servers: environment.NATS_URL,
    ...(environment.NATS_NKEY_SEED_FILE ? { nkeySeedFile: environment.NATS_NKEY_SEED_FILE } : {}),
    ...(tlsUrl || Object.keys(tlsFiles).length > 0 ? { tls: tlsFiles } : {}),
    streamReplicas: environment.NATS_STREAM_REPLICAS,
  };
}

/**
 * The nats.js options for these settings. With TLS settings the client refuses a server that
 * does not offer TLS. The seed is read again at each (re)connection, so a replaced seed file is
 * used from the next one on.
 */
export function natsConnectionOptions(
  settings: NatsClientSettings,
  options: ConnectionOptions = {},
): ConnectionOptions {
  const { nkeySeedFile, tls } = settings;
  return {
    ...options,
    servers: serverList(settings.servers),
    ...(nkeySeedFile ? { authenticator: nkeyAuthenticator(() => readUserSeed(nkeySeedFile)) } : {}),
    ...(tls ? { tls } : {}),
  };
}

function serverList(servers: string): string[] {
  return servers.split(',').map((server) => server.trim());
}

/** Why a connection failed, in words an operator can act on. */
export function describeConnectionError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code && CERTIFICATE_ERRORS.has(code)) {
    return `TLS: the server's certificate is not trusted (${code}: ${message}); check NATS_TLS_CA_FILE`;
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return `TLS: the server's certificate is not for this host (${message}); check NATS_URL`;
  }
  if (code === 'AUTHORIZATION_VIOLATION') {
    return `the server refused this NATS user (${message}); check NATS_NKEY_SEED_FILE`;
  }
  return message ?? String(error);
}

const CERTIFICATE_ERRORS = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_SIGNATURE_FAILURE',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
]);
