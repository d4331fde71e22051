import { SigningKey } from '@enforcement-link/protocol';
import { registerDecorator, ValidationArguments } from 'class-validator';
import { readFileSync, statSync } from 'node:fs';

/** The court's signing key from its seed file (`SU...`, as `keys generate` writes it). */
export function loadSigningKey(path: string): SigningKey {
  try {
    return SigningKey.fromSeed(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Whether others than the file's owner may read it: a seed that leaks signs for the court. */
export function isReadableByOthers(path: string): boolean {
  return (statSync(path).mode & 0o077) !== 0;
}

/** A configuration variable that names a readable file holding an nkeys user seed. */
export function IsSigningKeySeedFile(): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isSigningKeySeedFile',
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => seedFileProblem(value) === undefined,
        defaultMessage: ({ value }: ValidationArguments) =>
          `a readable file holding the court's nkeys seed, SU...${value === undefined ? '' : ` (${seedFileProblem(value) ?? ''})`}`,
      },
    });
}

function seedFileProblem(path: unknown): string | undefined {
  if (typeof path !== 'string') return 'not a path';
  try {
    loadSigningKey(path);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
