import { registerDecorator, ValidationArguments } from 'class-validator';
import { createPrivateKey, X509Certificate } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { fromSeed } from 'nkeys.js';

/**
 * A variable naming a file whose content must pass `problemOf`; the message says what the file
 * must be and what is wrong with this one, never what it contains.
 */
function fileRule(
  name: string,
  rule: string,
  problemOf: (path: string) => string | undefined,
): () => PropertyDecorator {
  const problem = (value: unknown) => (typeof value === 'string' ? problemOf(value) : 'not a path');
  return () => (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => problem(value) === undefined,
        defaultMessage: ({ value }: ValidationArguments) => `${rule} (${problem(value) ?? ''})`,
      },
    });
}

function unreadable(path: string): string | undefined {
  try {
    readFileSync(path);
    return undefined;
  } catch (error) {
    return `cannot read it: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
  }
}

/** Secrets must not be readable by other users of the machine, as ssh insists for its keys. */
function sharedWithOthers(path: string): string | undefined {
  const mode = statSync(path).mode & 0o777;
  return mode & 0o077
    ? `it is readable by group or others (mode ${mode.toString(8).padStart(4, '0')}); chmod 600 it`
    : undefined;
}

/** The user key pair in an nkey seed file (`SU...`); throws if the file holds anything else. */
export function readUserSeed(path: string): Uint8Array {
  const seed = new TextEncoder().encode(readFileSync(path).toString('utf8').trim());
  if (!fromSeed(seed).getPublicKey().startsWith('U')) throw new Error('not a user seed');
  return seed;
}

export const IsNkeyUserSeedFile = fileRule(
  'isNkeyUserSeedFile',
  'a file readable only by its owner holding a NATS user nkey seed (SU...)',
  (path) => {
    const problem = unreadable(path) ?? sharedWithOthers(path);
    if (problem) return problem;
    try {
      readUserSeed(path);
      return undefined;
    } catch {
      return 'it does not hold a NATS user nkey seed';
    }
  },
);

export const IsPemCertificateFile = fileRule(
  'isPemCertificateFile',
  'a readable file of PEM certificates',
  (path) => {
    const problem = unreadable(path);
    if (problem) return problem;
    try {
      new X509Certificate(readFileSync(path));
      return undefined;
    } catch {
      return 'it holds no PEM certificate';
    }
  },
);

export const IsPemPrivateKeyFile = fileRule(
  'isPemPrivateKeyFile',
  'a file readable only by its owner holding a PEM private key',
  (path) => {
    const problem = unreadable(path) ?? sharedWithOthers(path);
    if (problem) return problem;
    try {
      createPrivateKey(readFileSync(path));
      return undefined;
    } catch {
      return 'it holds no PEM private key';
    }
  },
);
