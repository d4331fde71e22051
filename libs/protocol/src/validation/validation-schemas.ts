import { defaultMetadataStorage } from 'class-transformer/cjs/storage';
import { validationMetadatasToSchemas } from 'class-validator-jsonschema';
import { descriptionOf } from './described';
import { RULE_SCHEMAS } from './rule-decorator';

export type Schema = Record<string, unknown>;

/**
 * A JSON Schema for every class with class-validator decorators, keyed by class name, with
 * the class's description; objects forbid unknown properties. The protocol documents and the
 * services' OpenAPI documents are both built from it, so neither can drift from the rules the
 * code enforces.
 */
export function validationSchemas(refPrefix: string): Record<string, Schema> {
  const all = validationMetadatasToSchemas({
    refPointerPrefix: refPrefix,
    classTransformerMetadataStorage: defaultMetadataStorage,
    additionalConverters: Object.fromEntries(RULE_SCHEMAS),
  }) as Record<string, Schema>;
  return Object.fromEntries(
    Object.entries(all).map(([name, schema]) => [
      name,
      { description: descriptionOf(name), ...schema, additionalProperties: false },
    ]),
  );
}
