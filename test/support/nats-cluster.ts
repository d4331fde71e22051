import { connect } from 'nats';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './free-port';
import { acceptsConnections, natsServerBinary } from './nats-server';
import { PROJECT_ROOT } from './service-process';
import { waitFor } from './wait-for';

/** The example configuration operators start each server of a province hub with. */
const CLUSTER_NODE_CONFIG = join(PROJECT_ROOT, 'deploy', 'nats', 'cluster-node.conf');

interface ClusterServer {
  name: string;
  clientPort: number;
  clusterPort: number;
  process?: ChildProcess;
}

/**
 * Three nats-servers on loopback forming one JetStream cluster, each started from
 * deploy/nats/cluster-node.conf as an operator would, with its own data folder. A test can kill
 * any of them and start it again; its data stays.
 */
export class NatsClusterProcess {
  private constructor(
    private readonly folder: string,
    private readonly servers: ClusterServer[],
  ) {}

  static async create(size = 3): Promise<NatsClusterProcess> {
    const folder = await mkdtemp(join(tmpdir(), 'enforcement-link-nats-cluster-'));
    const servers: ClusterServer[] = [];
    for (let i = 1; i <= size; i++) {
      servers.push({
        name: `hub-${i}`,
        clientPort: await freePort(),
        clusterPort: await freePort(),
      });
    }
    return new NatsClusterProcess(folder, servers);
  }

  /** Every server's client URL, as a service's `NATS_URL` lists them. */
  get url(): string {
    return this.servers.map((server) => `nats://127.0.0.1:${server.clientPort}`).join(',');
  }

  get size(): number {
    return this.servers.length;
  }

  async startAll(): Promise<void> {
    await Promise.all(this.servers.map((_server, index) => this.start(index)));
    await this.waitForMetaLeader();
  }

  async start(index: number): Promise<void> {
    const server = this.servers[index];
    const routes = this.servers
      .filter((other) => other !== server)
      .map((other) => `nats://127.0.0.1:${other.clusterPort}`);
    server.process = spawn(natsServerBinary(), ['-c', CLUSTER_NODE_CONFIG], {
      stdio: 'ignore',
      env: {
        NATS_SERVER_NAME: server.name,
        NATS_HOST: '127.0.0.1',
        NATS_CLIENT_PORT: String(server.clientPort),
        NATS_CLUSTER_PORT: String(server.clusterPort),
        NATS_ROUTE_A: routes[0],
        NATS_ROUTE_B: routes[1],
        NATS_STORE_DIR: join(this.folder, server.name),
      },
    });
    await waitFor(`${server.name} on port ${server.clientPort}`, () =>
      acceptsConnections(server.clientPort),
    );
  }

  /** Ends a server at once, as a crash would. */
  async kill(index: number): Promise<void> {
    const running = this.servers[index].process;
    this.servers[index].process = undefined;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGKILL');
    await exited;
  }

  async destroy(): Promise<void> {
    await Promise.all(this.servers.map((_server, index) => this.kill(index)));
    await rm(this.folder, { recursive: true, force: true });
  }

  /** JetStream takes requests once the servers have elected a meta leader. */
  private async waitForMetaLeader(): Promise<void> {
    await waitFor(
      'the cluster to elect a JetStream leader',
      async () => {
        const connection = await connect({ servers: this.url.split(',') });
        try {
          const manager = await connection.jetstreamManager();
          const info = await manager.getAccountInfo();
          return info ? true : undefined;
        } finally {
          await connection.close();
        }
      },
      30_000,
    );
  }
}
