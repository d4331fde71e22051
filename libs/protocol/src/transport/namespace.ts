import { Matches, ValidationOptions } from 'class-validator';

/**
 * Every subject and stream of one network lives under a namespace: `enf` in production.
 * A separate namespace lets another network (a test run, a staging network) share a NATS
 * server without seeing this one's traffic. It becomes the first subject token and, upper-cased,
 * the first part of every stream name, so it is restricted to characters valid in both.
 */
export const DEFAULT_NAMESPACE = 'enf';

export const NAMESPACE_PATTERN = /^[a-z][a-z0-9_]{0,31}$/;

export const NAMESPACE_RULE =
  'a namespace: 1 to 32 lowercase letters, digits or underscores, starting with a letter';

export function IsNamespace(options?: ValidationOptions): PropertyDecorator {
  return Matches(NAMESPACE_PATTERN, { message: NAMESPACE_RULE, ...options });
}
