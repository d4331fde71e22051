import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, ValidateNested } from 'class-validator';
import { applyDecorators } from './apply-decorators';

/**
 * A list of at most `max` objects, each validated as an instance of `itemClass`. Each item must
 * be an object: without that check a nested array (`[[]]`) would pass as an item with nothing
 * to validate.
 */
export function NestedList(itemClass: () => new () => object, max: number): PropertyDecorator {
  return applyDecorators(
    IsArray({ message: 'a list' }),
    ArrayMaxSize(max, { message: `a list of at most ${max} items` }),
    IsObject({ each: true, message: 'a list of objects' }),
    ValidateNested({ each: true }),
    Type(itemClass),
  );
}
