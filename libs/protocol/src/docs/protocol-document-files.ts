import { asyncApiDocument, messageJsonSchemas } from './protocol-documents';

/** The files of docs/protocol/, by path relative to it, with their exact content. */
export function protocolDocumentFiles(): Record<string, string> {
  const text = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;
  const files: Record<string, string> = { 'asyncapi.json': text(asyncApiDocument()) };
  for (const [type, schema] of Object.entries(messageJsonSchemas())) {
    files[`schemas/${type}.schema.json`] = text(schema);
  }
  return files;
}
