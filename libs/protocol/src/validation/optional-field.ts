import { ValidateIf } from 'class-validator';

/**
 * The field may be left out; when present it must be valid. Unlike class-validator's
 * IsOptional, `null` is not a way of leaving it out: one spelling of "absent" on the wire.
 */
export function OptionalField(): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined);
}
