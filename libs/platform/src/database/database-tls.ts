import { readFileSync } from 'node:fs';
import { ConnectionOptions } from 'node:tls';

/** libpq's names for how far a client trusts the server; `prefer` and `allow` are left out. */
export const DATABASE_SSL_MODES = ['disable', 'require', 'verify-ca', 'verify-full'] as const;
export type DatabaseSslMode = (typeof DATABASE_SSL_MODES)[number];

/** The TLS settings for node-postgres; undefined leaves them to DATABASE_URL and the defaults. */
export type DatabaseTls =
  false | Pick<ConnectionOptions, 'rejectUnauthorized' | 'ca' | 'checkServerIdentity'> | undefined;

/**
 * What each mode means for node-postgres, as libpq does it: `require` encrypts without
 * checking the certificate, `verify-ca` checks it is signed by the CA but not the host name,
 * `verify-full` checks both (with the system's CAs when no CA file is given).
 */
export function databaseTls(mode: DatabaseSslMode | undefined, caFile?: string): DatabaseTls {
  const ca = caFile ? readFileSync(caFile, 'utf8') : undefined;
  switch (mode) {
    case undefined:
      return undefined;
    case 'disable':
      return false;
    case 'require':
      return { rejectUnauthorized: false };
    case 'verify-ca':
      return { rejectUnauthorized: true, ca, checkServerIdentity: () => undefined };
    case 'verify-full':
      return { rejectUnauthorized: true, ...(ca ? { ca } : {}) };
  }
}

/** Whether a connection URL carries TLS settings of its own (`?sslmode=...`, `sslrootcert`...). */
export function urlSetsTls(url: unknown): boolean {
  try {
    return [...new URL(String(url)).searchParams.keys()].some((key) => key.startsWith('ssl'));
  } catch {
    return false;
  }
}
