import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsObject, ValidateNested } from 'class-validator';
import { applyDecorators } from './apply-decorators';

/**
 * An object validated as an instance of `itemClass`. Required unless marked OptionalField:
 * class-validator's ValidateNested alone lets a missing object through.
 */
export function Nested(itemClass: () => new () => object): PropertyDecorator {
  return applyDecorators(IsObject({ message: 'an object' }), ValidateNested(), Type(itemClass));
}

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
