import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * Turns a predicate into a class-validator decorator whose default message is `rule`, a phrase
 * that completes "it must be ...". The same rule text reaches HTTP 400 answers, protocol
 * rejections and configuration errors, so each check is worded once.
 */
export function ruleDecorator(
  name: string,
  rule: string,
  test: (value: unknown) => boolean,
): (options?: ValidationOptions) => PropertyDecorator {
  return (options) => (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: rule, ...options },
      validator: { validate: test },
    });
}
