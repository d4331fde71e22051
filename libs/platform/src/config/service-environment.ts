import { DEFAULT_NAMESPACE, IsNamespace } from '@enforcement-link/protocol';
import { Type } from 'class-transformer';
import { IsInt, IsIP, Max, Min } from 'class-validator';
import { IsPostgresUrl, IsServerUrlList } from './url-rules';
import { IsOneOf } from '@enforcement-link/protocol';

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
}
