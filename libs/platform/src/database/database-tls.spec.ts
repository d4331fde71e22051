import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseTls, urlSetsTls } from './database-tls';

const CA_TEXT = '-----BEGIN CERTIFICATE-----\nexample\n-----END CERTIFICATE-----\n';

describe('databaseTls', () => {
  const directory = mkdtempSync(join(tmpdir(), 'database-tls-'));
  const caFile = join(directory, 'ca.pem');
  writeFileSync(caFile, CA_TEXT);
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('leaves TLS to the URL when no mode is set, and turns it off for disable', () => {
    expect(databaseTls(undefined)).toBeUndefined();
    expect(databaseTls('disable')).toBe(false);
  });

  it('encrypts without checking the certificate for require', () => {
    expect(databaseTls('require')).toEqual({ rejectUnauthorized: false });
  });

  it('checks the CA but not the host name for verify-ca', () => {
    const tls = databaseTls('verify-ca', caFile);
    expect(tls).toMatchObject({ rejectUnauthorized: true, ca: CA_TEXT });
    expect(tls && tls.checkServerIdentity?.('db.example', {} as never)).toBeUndefined();
  });

  it('checks the CA and the host name for verify-full, with the system CAs by default', () => {
    expect(databaseTls('verify-full')).toEqual({ rejectUnauthorized: true });
    const tls = databaseTls('verify-full', caFile);
    expect(tls).toEqual({ rejectUnauthorized: true, ca: CA_TEXT });
  });

  it('sees TLS parameters in a URL', () => {
    expect(urlSetsTls('postgres://u@db/x?sslmode=require')).toBe(true);
    expect(urlSetsTls('postgres://u@db/x?application_name=a')).toBe(false);
    expect(urlSetsTls('postgres://u@db/x')).toBe(false);
  });
});
