import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { TestNetwork } from '../test/support/test-network';
import { CourtNodeHop, DrainResult } from './court-node-hop';
import { measureDemo } from './demo-network';
import { FloorHop } from './floor-hop';
import { measureMonitor } from './monitor-projection';
import { closedLoop, describe, openLoop, OneRequest, summarise, Summary } from './measure';
import { benchmarkPeakMemory } from './peak-memory';
import { resultsTable } from './report';

const IN_FLIGHT = [1, 32, 256];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARM_UP_SECONDS = 2;
const INBOX_CONCURRENCY = Number(process.env.BENCH_INBOX_CONCURRENCY ?? 16);
const BACKLOG = Number(process.env.BENCH_BACKLOG ?? 10_000);
const DEMO = {
  trafficSeconds: Number(process.env.BENCH_DEMO_SECONDS ?? 120),
  rate: Number(process.env.BENCH_DEMO_RATE ?? 60),
  speed: Number(process.env.BENCH_DEMO_SPEED ?? 10),
};

async function measureLevels(name: string, request: OneRequest): Promise<Summary[]> {
  const results: Summary[] = [];
  for (const inFlight of IN_FLIGHT) {
    const summary = summarise(
      inFlight,
      await closedLoop(request, inFlight, SECONDS, WARM_UP_SECONDS),
    );
    process.stderr.write(`${name} ${inFlight} in flight: ${describe(summary)}\n`);
    results.push(summary);
  }
  return results;
}

async function main(): Promise<void> {
  const network = TestNetwork.create();
  try {
    process.stderr.write(
      'Starting two court nodes (Xinzhou asks, Yulin answers from its registry)...\n',
    );
    const hop = await CourtNodeHop.start(network, INBOX_CONCURRENCY);
    let node: Summary[];
    let halfLoad: Summary;
    let drain: DrainResult;
    try {
      node = await measureLevels('court nodes', hop.request);
      const best = Math.max(...node.map((summary) => summary.throughput));
      const rate = Math.max(1, Math.floor(best / 2));
      halfLoad = summarise(`${rate} req/s`, await openLoop(hop.request, rate, SECONDS));
      process.stderr.write(`court nodes at ${rate} req/s: ${describe(halfLoad)}\n`);
      process.stderr.write(`Stopping Yulin's node to queue a backlog of ${BACKLOG} searches...\n`);
      drain = await hop.drain(BACKLOG);
      process.stderr.write(
        `backlog drained in ${drain.seconds.toFixed(1)} s: ${drain.messagesPerSecond.toFixed(0)} messages/s\n`,
      );
    } finally {
      await hop.stop();
    }

    const floorHop = await FloorHop.start(network, INBOX_CONCURRENCY);
    let floor: Summary[];
    try {
      floor = await measureLevels('floor', floorHop.request);
    } finally {
      await floorHop.stop();
    }

    process.stderr.write(
      'Measuring the monitor: ingestion, then queries over a large projection...\n',
    );
    const monitor = await measureMonitor(network);
    for (const query of monitor.queries) {
      process.stderr.write(
        `monitor ${query.inFlight}: p50 ${query.p50.toFixed(1)} ms, p95 ${query.p95.toFixed(1)} ms\n`,
      );
    }

    process.stderr.write(
      `Starting the demo network from nothing, then ${DEMO.trafficSeconds} s of its traffic...\n`,
    );
    const demo = await measureDemo(network, DEMO);
    process.stderr.write(
      `demo: ready in ${demo.readySeconds.toFixed(1)} s, ${demo.requestsSent} requests sent\n`,
    );

    const table = resultsTable({
      settings: {
        seconds: SECONDS,
        warmUpSeconds: WARM_UP_SECONDS,
        inboxConcurrency: INBOX_CONCURRENCY,
      },
      floor,
      node,
      halfLoad,
      drain,
      monitor,
      demo,
      peakMemory: [...hop.peakMemory, monitor.peakMemory, benchmarkPeakMemory()],
    });
    writeFileSync('reports/bench-results.md', `${table}\n`);
    process.stdout.write(`\n${table}\n\n(also in reports/bench-results.md)\n`);
  } finally {
    await network.cleanup();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
});
