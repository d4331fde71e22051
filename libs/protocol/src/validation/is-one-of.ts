import { IsIn, ValidationOptions } from 'class-validator';

/** One of a fixed list of values; the message lists them, so a rejection says what is allowed. */
export function IsOneOf(
  values: readonly unknown[],
  options?: ValidationOptions,
): PropertyDecorator {
  return IsIn([...values], { message: `one of ${values.join(', ')}`, ...options });
}
