import { DEFAULT_NAMESPACE, IsNamespace, IsOneOf, OptionalField } from '@enforcement-link/protocol';
import { Type } from 'class-transformer';
import {
  IsInt,
  IsIP,
  IsString,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidationArguments,
} from 'class-validator';
import { DATABASE_SSL_MODES, DatabaseSslMode, urlSetsTls } from '../database/database-tls';
import { IsPemCertificateFile } from './file-rules';
import { NatsClientEnvironment } from './nats-client-environment';
import { IsPostgresUrl } from './url-rules';

const SECRET_RULE = 'a random secret of at least 32 characters, e.g. from openssl rand -base64 48';
const SESSION_RULE = 'a whole number of hours from 1 to 24';
const PORT_RULE = 'an integer port number from 1 to 65535';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * `self`: the service creates the streams, buckets and consumer it needs (development, tests).
 * `admin`: an administrator provisions them (`enforcement-link nats provision`) and the service,
 * whose NATS user may not create them, only checks they are there.
 */
export const NATS_PROVISIONING_MODES = ['self', 'admin'] as const;
export type NatsProvisioning = (typeof NATS_PROVISIONING_MODES)[number];

/** Variables every service of the network reads; each app's schema extends it. */
export class ServiceEnvironment extends NatsClientEnvironment {
  /** Address the HTTP server binds to; loopback unless a container or proxy needs more. */
  @IsIP(undefined, { message: 'an IPv4 or IPv6 address such as 127.0.0.1 or 0.0.0.0' })
  HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt({ message: PORT_RULE })
  @Min(1, { message: PORT_RULE })
  @Max(65535, { message: PORT_RULE })
  PORT = 3000;

  @IsNamespace()
  NATS_NAMESPACE = DEFAULT_NAMESPACE;

  @IsOneOf(NATS_PROVISIONING_MODES)
  NATS_PROVISIONING: NatsProvisioning = 'self';

  @IsPostgresUrl()
  @ValidateBy({
    name: 'tlsSetOnce',
    validator: {
      validate: (value: unknown, { object }: ValidationArguments) =>
        (object as ServiceEnvironment).DATABASE_SSL_MODE === undefined || !urlSetsTls(value),
      defaultMessage: () =>
        'without ssl parameters when DATABASE_SSL_MODE is set: TLS is set in one place',
    },
  })
  DATABASE_URL: string;

  /** TLS to PostgreSQL, as libpq names it; unset, whatever DATABASE_URL says (else none). */
  @OptionalField()
  @IsOneOf(DATABASE_SSL_MODES)
  DATABASE_SSL_MODE?: DatabaseSslMode;

  /** The certificate authorities PostgreSQL's certificate must be signed by (verify-*). */
  @OptionalField()
  @IsPemCertificateFile()
  @ValidateBy({
    name: 'onlyWhenVerifying',
    validator: {
      validate: (_value: unknown, { object }: ValidationArguments) =>
        ['verify-ca', 'verify-full'].includes(
          String((object as ServiceEnvironment).DATABASE_SSL_MODE),
        ),
      defaultMessage: () => 'set only with DATABASE_SSL_MODE verify-ca or verify-full',
    },
  })
  DATABASE_SSL_CA_FILE?: string;

  @IsOneOf(LOG_LEVELS)
  LOG_LEVEL: LogLevel = 'info';

  /** Signs the session tokens of people who sign in; the same for every replica of the service. */
  @IsString({ message: SECRET_RULE })
  @MinLength(32, { message: SECRET_RULE })
  AUTH_TOKEN_SECRET: string;

  /** How long a sign-in lasts. */
  @Type(() => Number)
  @IsInt({ message: SESSION_RULE })
  @Min(1, { message: SESSION_RULE })
  @Max(24, { message: SESSION_RULE })
  AUTH_SESSION_HOURS = 10;
}
