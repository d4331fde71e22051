import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './support/free-port';
import { NatsServerProcess } from './support/nats-server';
import { readiness, TestNetwork, waitUntilReady } from './support/test-network';
import { waitFor } from './support/wait-for';

/**
 * Certificates made for this run with openssl: a certificate authority, the server's
 * certificate for localhost and a client certificate signed by it, and a second, unrelated
 * authority.
 */
class TestCertificates {
  readonly directory = mkdtempSync(join(tmpdir(), 'enforcement-link-tls-'));

  constructor() {
    this.authority('ca');
    this.authority('other-ca');
    this.signed('server', 'subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth');
    this.signed('client', 'extendedKeyUsage=clientAuth');
  }

  file(name: string): string {
    return join(this.directory, name);
  }

  remove(): void {
    rmSync(this.directory, { recursive: true, force: true });
  }

  private authority(name: string): void {
    this.openssl(
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      this.file(`${name}.key`),
      '-out',
      this.file(`${name}.pem`),
    );
  }

  private signed(name: string, extensions: string): void {
    const extensionsFile = this.file(`${name}.ext`);
    writeFileSync(extensionsFile, `${extensions}\n`);
    this.openssl(
      'req',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-subj',
      `/CN=${name}`,
      '-keyout',
      this.file(`${name}.key`),
      '-out',
      this.file(`${name}.csr`),
    );
    this.openssl(
      'x509',
      '-req',
      '-in',
      this.file(`${name}.csr`),
      '-days',
      '1',
      '-CA',
      this.file('ca.pem'),
      '-CAkey',
      this.file('ca.key'),
      '-CAcreateserial',
      '-extfile',
      extensionsFile,
      '-out',
      this.file(`${name}.pem`),
    );
    chmodSync(this.file(`${name}.key`), 0o600);
  }

  private openssl(...args: string[]): void {
    execFileSync('openssl', args, { cwd: this.directory, stdio: 'ignore' });
  }
}

describe('TLS to NATS', () => {
  let network: TestNetwork;
  let certificates: TestCertificates;
  let nats: NatsServerProcess;

  beforeAll(async () => {
    network = TestNetwork.create();
    certificates = new TestCertificates();
    const tls = {
      cert_file: certificates.file('server.pem'),
      key_file: certificates.file('server.key'),
      ca_file: certificates.file('ca.pem'),
      verify: true,
    };
    nats = await NatsServerProcess.create(await freePort(), `tls ${JSON.stringify(tls)}`);
    await nats.start();
  });

  afterAll(async () => {
    await network?.cleanup();
    await nats?.destroy();
    certificates?.remove();
  });

  const clientCertificate = () => ({
    NATS_TLS_CERT_FILE: certificates.file('client.pem'),
    NATS_TLS_KEY_FILE: certificates.file('client.key'),
  });

  it('connects a court node that verifies the server and shows its own certificate', async () => {
    const node = await network.startCourtNode(
      network.courtNodeEnvironment('xinzhou', {
        NATS_URL: nats.tlsUrl,
        NATS_TLS_CA_FILE: certificates.file('ca.pem'),
        ...clientCertificate(),
      }),
    );
    await waitUntilReady(node.url);
  });

  it('refuses a server whose certificate another authority signed, and says so in readiness', async () => {
    const node = await network.startCourtNode(
      network.courtNodeEnvironment('yulin', {
        NATS_URL: nats.tlsUrl,
        NATS_TLS_CA_FILE: certificates.file('other-ca.pem'),
        ...clientCertificate(),
      }),
    );
    const detail = await waitFor('yulin to report why NATS is down', async () => {
      const { httpStatus, report } = await readiness(node.url);
      const nats = report.checks.nats?.detail;
      return httpStatus === 503 && nats?.startsWith('cannot reach') ? nats : undefined;
    });
    expect(detail).toMatch(
      /^cannot reach NATS at tls:\/\/localhost:\d+: TLS: the server's certificate is not trusted \(.+\); check NATS_TLS_CA_FILE$/,
    );
  });
});
