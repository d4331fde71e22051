import { DEFAULT_NAMESPACE, IsNamespace } from '@enforcement-link/protocol';
import { Type } from 'class-transformer';
import { IsInt, IsIP, IsString, Max, Min, MinLength } from 'class-validator';
import { IsPostgresUrl, IsServerUrlList } from './url-rules';
import { IsOneOf } from '@enforcement-link/protocol';

const SECRET_RULE = 'a random secret of at least 32 characters, e.g. from openssl rand -base64 48';
const SESSION_RULE = 'a whole number of hours from 1 to 24';
const PORT_RULE = 'an integer port number from 1 to 65535';

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Variables every service of the network reads; each app's schema extends it. */
export class ServiceEnvironment {
  /** Address the HTTP server binds to; loopback unless a container or proxy needs more. */
  @IsIP(undefined, { message: 'an IPv4 or IPv6 address such as 127.0.0.1 or 0.0.0.0' })
  HOST = '127.0.0.1';

  @Type(() => Number)
  @IsInt({ message: PORT_RULE })
  @Min(1, { message: PORT_RULE })
  @Max(65535, { message: PORT_RULE })
  PORT = 3000;

  @IsServerUrlList(['nats:', 'tls:'])
  NATS_URL = 'nats://127.0.0.1:4222';

  @IsNamespace()
  NATS_NAMESPACE = DEFAULT_NAMESPACE;

  @IsPostgresUrl()
  DATABASE_URL: string;

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
