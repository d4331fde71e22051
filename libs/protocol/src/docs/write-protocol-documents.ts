/**
 * Writes the generated protocol documents into docs/protocol/: `npm run protocol:docs`.
 * A test fails when the files on disk differ from what the code generates.
 */
import 'reflect-metadata';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { protocolDocumentFiles } from './protocol-document-files';

const root = join(__dirname, '..', '..', '..', '..', 'docs', 'protocol');
rmSync(join(root, 'schemas'), { recursive: true, force: true });
for (const [path, content] of Object.entries(protocolDocumentFiles())) {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), content);
}
console.log(`protocol documents written to ${root}`);
