import 'reflect-metadata';
import { loadEnvironmentOrExit } from '@enforcement-link/platform';
import { DemoEnvironment } from './demo.environment';
import { DemoNetwork } from './demo-network';
import { DemoTraffic, TrafficLog } from './traffic/demo-traffic';
import { TrafficLedger } from './traffic/traffic-ledger';
import { join } from 'node:path';
import { welcome } from './welcome';

const USAGE = `usage: npm run demo [-- --fresh]

Starts the ten intermediate courts of the Yellow River bend and the monitor, with people at
every court at work on asset searches and delegations. Their data stays between runs;
--fresh starts from nothing. Ctrl-C stops it.`;

/** Traffic notes go with the services' logs, as JSON lines. */
const trafficLog: TrafficLog = {
  info: (msg) => writeLogLine(30, msg),
  warn: (msg) => writeLogLine(40, msg),
};

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((arg) => arg !== '--fresh');
  if (unknown.length > 0) {
    process.stderr.write(
      `${unknown.includes('--help') ? '' : `unknown option ${unknown[0]}\n\n`}${USAGE}\n`,
    );
    process.exit(unknown.includes('--help') ? 0 : 2);
  }
  const environment = loadEnvironmentOrExit(DemoEnvironment);
  const startedAt = performance.now();
  const fresh = args.includes('--fresh');
  const network = await DemoNetwork.start(environment, { fresh });
  const readySeconds = (performance.now() - startedAt) / 1000;
  const traffic = await DemoTraffic.start(
    network.courts,
    network.password,
    { rate: environment.DEMO_RATE, speed: environment.DEMO_SPEED },
    TrafficLedger.open(join(network.dataDir, 'traffic-requests.txt'), { fresh }),
    trafficLog,
  );
  process.stderr.write(
    welcome(network, environment, { readySeconds, rssBytes: process.memoryUsage().rss }),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\n${signal}: stopping the courts and the monitor...\n`);
    await traffic.stop();
    await network.stop();
    process.stderr.write('Stopped. Their data is kept for the next start.\n');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

function writeLogLine(level: number, msg: string): void {
  process.stdout.write(
    `${JSON.stringify({ level, time: Date.now(), service: 'demo-traffic', msg })}\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(
    `The demo did not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
