import {
  asyncApiDocument,
  courtKeysJsonSchema,
  messageJsonSchemas,
  monitorEventJsonSchemas,
} from './protocol-documents';
import { workedExample } from './worked-example';

/** The files of docs/protocol/, by path relative to it, with their exact content. */
export function protocolDocumentFiles(): Record<string, string> {
  const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const files: Record<string, string> = {
    'asyncapi.json': text(asyncApiDocument()),
    'worked-example.json': text(workedExample()),
    'schemas/registry/court-keys.schema.json': text(courtKeysJsonSchema()),
  };
  for (const [type, schema] of Object.entries(messageJsonSchemas())) {
    files[`schemas/${type}.schema.json`] = text(schema);
  }
  for (const [type, schema] of Object.entries(monitorEventJsonSchemas())) {
    files[`schemas/events/${type}.schema.json`] = text(schema);
  }
  return files;
}
