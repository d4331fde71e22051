import { ruleDecorator } from '@enforcement-link/protocol';
import { ValidationOptions } from 'class-validator';

/** A comma-separated list of server URLs, as NATS clients take them: `nats://a:4222,nats://b:4222`. */
export function IsServerUrlList(
  protocols: string[],
  options?: ValidationOptions,
): PropertyDecorator {
  const rule = `a comma-separated list of ${protocols.map((p) => `${p}//host:port`).join(' or ')} URLs`;
  return ruleDecorator(
    'isServerUrlList',
    rule,
    (value) =>
      typeof value === 'string' &&
      value.split(',').every((server) => hasProtocol(server.trim(), protocols)),
  )(options);
}

/** A PostgreSQL connection URL that names its database: `postgres://user@host:5432/name`. */
export function IsPostgresUrl(options?: ValidationOptions): PropertyDecorator {
  const rule = 'a postgres://user[:password]@host[:port]/database URL';
  return ruleDecorator('isPostgresUrl', rule, (value) => {
    const url = typeof value === 'string' ? parseUrl(value) : undefined;
    return (
      url !== undefined &&
      ['postgres:', 'postgresql:'].includes(url.protocol) &&
      url.hostname !== '' &&
      /^\/[^/]+$/.test(url.pathname)
    );
  })(options);
}

function hasProtocol(value: string, protocols: string[]): boolean {
  const url = parseUrl(value);
  return url !== undefined && protocols.includes(url.protocol) && url.hostname !== '';
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
