import { Schema, validationSchemas } from '@enforcement-link/protocol';
import { OpenAPIObject } from '@nestjs/swagger';

const COMPONENTS = '#/components/schemas/';

/**
 * Completes an OpenAPI document with the JSON Schemas of its request bodies' validation rules.
 * Request bodies are the protocol's message classes (or extend them), which carry
 * class-validator decorators rather than Swagger's: without this, their schemas would be empty.
 * Whatever Swagger's own decorators said about a property wins.
 */
export function withValidationSchemas(document: OpenAPIObject): OpenAPIObject {
  const rules = validationSchemas(COMPONENTS);
  const components = (document.components?.schemas ?? {}) as Record<string, Schema>;
  const done = new Set<string>();
  const complete = (name: string) => {
    if (done.has(name)) return;
    done.add(name);
    const rule = rules[name];
    if (rule) components[name] = merge(rule, components[name]);
    for (const match of JSON.stringify(components[name] ?? {}).matchAll(
      /"\$ref":"#\/components\/schemas\/([A-Za-z0-9_]+)"/g,
    )) {
      complete(match[1]);
    }
  };
  Object.keys(components).forEach(complete);
  return { ...document, components: { ...document.components, schemas: components } };
}

function merge(rule: Schema, swagger: Schema | undefined): Schema {
  if (!swagger) return rule;
  const required = new Set([
    ...((rule.required as string[] | undefined) ?? []),
    ...((swagger.required as string[] | undefined) ?? []),
  ]);
  return {
    ...rule,
    ...swagger,
    properties: { ...(rule.properties as Schema), ...(swagger.properties as Schema) },
    ...(required.size > 0 ? { required: [...required] } : {}),
  };
}
