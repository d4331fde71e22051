import { registerDecorator, ValidationOptions } from 'class-validator';

/** A comma-separated list of server URLs, as NATS clients take them: `nats://a:4222,nats://b:4222`. */
export function IsServerUrlList(
  protocols: string[],
  options?: ValidationOptions,
): PropertyDecorator {
  const rule = `a comma-separated list of ${protocols.map((p) => `${p}//host:port`).join(' or ')} URLs`;
  return urlRule('isServerUrlList', rule, options, (value) =>
    value.split(',').every((server) => hasProtocol(server.trim(), protocols)),
  );
}

/** A PostgreSQL connection URL that names its database: `postgres://user@host:5432/name`. */
export function IsPostgresUrl(options?: ValidationOptions): PropertyDecorator {
  const rule = 'a postgres://user[:password]@host[:port]/database URL';
  return urlRule('isPostgresUrl', rule, options, (value) => {
    const url = parseUrl(value);
    return (
      url !== undefined &&
      ['postgres:', 'postgresql:'].includes(url.protocol) &&
      url.hostname !== '' &&
      /^\/[^/]+$/.test(url.pathname)
    );
  });
}

function urlRule(
  name: string,
  rule: string,
  options: ValidationOptions | undefined,
  test: (value: string) => boolean,
): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: rule, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && test(value) },
    });
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
