import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_COURTS } from '../apps/demo/src/demo-courts';
import { DATABASE_SERVER_URL, TestNetwork } from '../test/support/test-network';
import { processMemory } from '../test/support/process-memory';

const ENTRY = join(__dirname, '..', 'dist', 'apps', 'demo', 'main.js');
const READY_TIMEOUT_MS = 120_000;
const STOP_TIMEOUT_MS = 30_000;

export interface DemoResults {
  courts: number;
  /** From starting the process to every service answering, as `npm run demo` prints it. */
  readySeconds: number;
  /** The whole network's one process, at its highest while the traffic ran. */
  peakRssBytes: number | undefined;
  trafficSeconds: number;
  /** Requests a minute the simulated clerks sent, and how many times faster than people they all act. */
  rate: number;
  speed: number;
  requestsSent: number;
  /** How long Ctrl-C took to stop everything, and whether it ended with exit code 0. */
  stopSeconds: number;
  stoppedCleanly: boolean;
}

/**
 * `npm run demo` as a newcomer runs it: the ten intermediate courts and the monitor started from
 * nothing (`--fresh`), then busy for `trafficSeconds` with generated work, then Ctrl-C. Its
 * databases and streams belong to `network`, which removes them.
 */
export async function measureDemo(
  network: TestNetwork,
  { trafficSeconds, rate, speed }: { trafficSeconds: number; rate: number; speed: number },
): Promise<DemoResults> {
  const dataDir = mkdtempSync(join(tmpdir(), 'enforcement-link-bench-demo-'));
  const prefix = `${network.namespace}_demo`;
  for (const service of ['monitor', ...DEMO_COURTS.map((court) => court.code)]) {
    network.databaseUrl(`demo_${service}`);
  }
  const startedAt = performance.now();
  const demo = spawn(process.execPath, [ENTRY, '--fresh'], {
    env: {
      PATH: process.env.PATH,
      NATS_URL: network.natsUrl,
      DATABASE_URL: DATABASE_SERVER_URL,
      NATS_NAMESPACE: network.namespace,
      DEMO_DATABASE_PREFIX: prefix,
      DEMO_DATA_DIR: dataDir,
      DEMO_PORT: '0',
      DEMO_RATE: String(rate),
      DEMO_SPEED: String(speed),
      DEADLINE_POLICY_FILE: join(__dirname, '..', 'apps', 'demo', 'deadline-policy.json'),
    },
    // Its logs are what a newcomer finds in the log file; here they go nowhere.
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => demo.once('exit', resolve));
  try {
    await new Promise<void>((resolve, reject) => {
      let printed = '';
      const timer = setTimeout(
        () => reject(new Error(`the demo was not up after ${READY_TIMEOUT_MS} ms: ${printed}`)),
        READY_TIMEOUT_MS,
      );
      demo.stderr.on('data', (chunk: Buffer) => {
        printed += chunk.toString();
        if (printed.includes('network is up')) {
          clearTimeout(timer);
          resolve();
        }
      });
      void exited.then((code) => reject(new Error(`the demo exited (${code}): ${printed}`)));
    });
    const readySeconds = (performance.now() - startedAt) / 1000;
    await new Promise((resolve) => setTimeout(resolve, trafficSeconds * 1000));
    const peakRssBytes = demo.pid === undefined ? undefined : processMemory(demo.pid)?.peakRssBytes;
    const requestsSent = readFileSync(join(dataDir, 'traffic-requests.txt'), 'utf8')
      .split('\n')
      .filter(Boolean).length;

    const stoppingAt = performance.now();
    demo.kill('SIGINT');
    const code = await Promise.race([
      exited,
      new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS)),
    ]);
    return {
      courts: DEMO_COURTS.length,
      readySeconds,
      peakRssBytes,
      trafficSeconds,
      rate,
      speed,
      requestsSent,
      stopSeconds: (performance.now() - stoppingAt) / 1000,
      stoppedCleanly: code === 0,
    };
  } finally {
    if (demo.exitCode === null && demo.signalCode === null) demo.kill('SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}
