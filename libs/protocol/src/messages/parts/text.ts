import { IsString, MaxLength, MinLength, NotContains } from 'class-validator';
import { applyDecorators } from '../../validation/apply-decorators';

/**
 * Free text a person writes: not empty, at most `max` characters; `each` for a list of them.
 * The NUL character is refused: no database stores it in text, so it could only do harm.
 */
export function Text(max: number, { each = false } = {}): PropertyDecorator {
  const message = `text of 1 to ${max} characters`;
  return applyDecorators(
    IsString({ message, each }),
    MinLength(1, { message, each }),
    MaxLength(max, { message, each }),
    NotContains('\u0000', { message: 'text without NUL characters', each }),
  );
}
