import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitFor } from './wait-for';

/**
 * A nats-server with JetStream that a test owns: it can stop and restart it at will. Extra
 * configuration (an `authorization` block, a `tls` block) goes into its configuration file;
 * `configure` replaces it and makes a running server reload it.
 */
export class NatsServerProcess {
  private process?: ChildProcess;

  private constructor(
    readonly port: number,
    private readonly storeDir: string,
    private configuration: string,
  ) {}

  static async create(port: number, configuration = ''): Promise<NatsServerProcess> {
    const storeDir = await mkdtemp(join(tmpdir(), 'enforcement-link-nats-'));
    return new NatsServerProcess(port, storeDir, configuration);
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  /**
   * The same server, for clients that must speak TLS to it, by the name its test certificate
   * carries (the client checks an IP address in the URL as if it were `localhost`).
   */
  get tlsUrl(): string {
    return `tls://localhost:${this.port}`;
  }

  async start(): Promise<void> {
    await this.writeConfiguration();
    this.process = spawn(natsServerBinary(), ['-c', this.configurationFile], { stdio: 'ignore' });
    await waitFor(`nats-server on port ${this.port}`, () => acceptsConnections(this.port));
  }

  /** Replaces the extra configuration; a running server reloads it (as on SIGHUP). */
  async configure(configuration: string): Promise<void> {
    this.configuration = configuration;
    await this.writeConfiguration();
    this.process?.kill('SIGHUP');
  }

  private get configurationFile(): string {
    return join(this.storeDir, 'nats-server.conf');
  }

  private async writeConfiguration(): Promise<void> {
    const jetStream = JSON.stringify({ store_dir: join(this.storeDir, 'jetstream') });
    const text = `listen: "127.0.0.1:${this.port}"\njetstream ${jetStream}\n${this.configuration}\n`;
    await writeFile(this.configurationFile, text);
  }

  async stop(): Promise<void> {
    const running = this.process;
    this.process = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  }

  async destroy(): Promise<void> {
    await this.stop();
    await rm(this.storeDir, { recursive: true, force: true });
  }
}

export function natsServerBinary(): string {
  const candidates = [process.env.NATS_SERVER_BIN, '/usr/sbin/nats-server', '/usr/bin/nats-server'];
  return candidates.find((path) => path && existsSync(path)) ?? 'nats-server';
}

export function acceptsConnections(port: number): Promise<true | undefined> {
  return new Promise((resolve) => {
    const socket = connectTcp(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(undefined));
  });
}
