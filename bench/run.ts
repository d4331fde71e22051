import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { processesOf } from '../test/support/process-cpu';
import { TestNetwork } from '../test/support/test-network';
import { CourtNodeHop, DrainResult } from './court-node-hop';
import { CpuCount, CpuShare, ProcessGroup } from './cpu-count';
import { measureDemo } from './demo-network';
import { FloorHop } from './floor-hop';
import { measureMonitor } from './monitor-projection';
import { closedLoop, describe, openLoop, OneRequest, summarise, Summary } from './measure';
import { benchmarkPeakMemory } from './peak-memory';
import { CPU_COUNTED_AT_IN_FLIGHT, resultsTable } from './report';

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

/** The services every hop uses, and the benchmark's own process, which drives it. */
const SHARED_PROCESSES: ProcessGroup[] = [
  { name: 'PostgreSQL', pids: () => processesOf('postgres') },
  { name: 'nats-server', pids: () => processesOf('nats-server') },
  { name: 'benchmark process', pids: () => [process.pid] },
];

interface Levels {
  levels: Summary[];
  /** The CPU each process spent per request at CPU_COUNTED_AT_IN_FLIGHT; none without /proc. */
  cpu?: CpuShare[];
}

async function measureLevels(
  name: string,
  request: OneRequest,
  processes: ProcessGroup[],
): Promise<Levels> {
  const levels: Summary[] = [];
  let cpu: CpuShare[] | undefined;
  for (const inFlight of IN_FLIGHT) {
    const count =
      inFlight === CPU_COUNTED_AT_IN_FLIGHT && CpuCount.available
        ? new CpuCount(processes)
        : undefined;
    const measurement = await closedLoop(request, inFlight, SECONDS, WARM_UP_SECONDS, count);
    if (count) cpu = count.perRequest(measurement.completed);
    const summary = summarise(inFlight, measurement);
    process.stderr.write(`${name} ${inFlight} in flight: ${describe(summary)}\n`);
    levels.push(summary);
  }
  return { levels, cpu };
}

async function main(): Promise<void> {
  const network = TestNetwork.create();
  try {
    process.stderr.write(
      'Starting two court nodes (Xinzhou asks, Yulin answers from its registry)...\n',
    );
    const hop = await CourtNodeHop.start(network, INBOX_CONCURRENCY);
    let node: Levels;
    let halfLoad: Summary;
    let drain: DrainResult;
    try {
      node = await measureLevels('court nodes', hop.request, [
        ...hop.nodeProcesses(),
        ...SHARED_PROCESSES,
      ]);
      const best = Math.max(...node.levels.map((summary) => summary.throughput));
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
    let floor: Levels;
    try {
      floor = await measureLevels('floor', floorHop.request, SHARED_PROCESSES);
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
      floor: floor.levels,
      node: node.levels,
      cpu: { node: node.cpu, floor: floor.cpu },
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
