import { IsString, MaxLength, MinLength } from 'class-validator';
import { applyDecorators } from '../../validation/apply-decorators';

/** Free text a person writes: not empty, at most `max` characters; `each` for a list of them. */
export function Text(max: number, { each = false } = {}): PropertyDecorator {
  const message = `text of 1 to ${max} characters`;
  return applyDecorators(
    IsString({ message, each }),
    MinLength(1, { message, each }),
    MaxLength(max, { message, each }),
  );
}
