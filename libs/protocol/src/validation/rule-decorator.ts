import { registerDecorator, ValidationOptions } from 'class-validator';

/** A JSON Schema fragment: what of a rule a schema can say (check characters it cannot). */
export type SchemaFragment = Record<string, unknown>;

/** Each rule's JSON Schema, by rule name, for the generated protocol documents. */
export const RULE_SCHEMAS = new Map<string, SchemaFragment>();

/**
 * Turns a predicate into a class-validator decorator whose default message is `rule`, a phrase
 * that completes "it must be ...". The same rule text reaches HTTP 400 answers, protocol
 * rejections, configuration errors and the generated schemas, so each check is worded once.
 */
export function ruleDecorator(
  name: string,
  rule: string,
  test: (value: unknown) => boolean,
  schema: SchemaFragment = {},
): (options?: ValidationOptions) => PropertyDecorator {
  RULE_SCHEMAS.set(name, { ...schema, description: rule });
  return (options) => (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: rule, ...options },
      validator: { validate: test },
    });
}
