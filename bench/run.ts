import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { TestNetwork } from '../test/support/test-network';
import { CourtNodeHop } from './court-node-hop';
import { FloorHop } from './floor-hop';
import { measureMonitor, MonitorResults } from './monitor-projection';
import { closedLoop, openLoop, OneRequest, summarise, Summary } from './measure';

const IN_FLIGHT = [1, 32, 256];
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const WARM_UP_SECONDS = 2;
const INBOX_CONCURRENCY = Number(process.env.BENCH_INBOX_CONCURRENCY ?? 16);

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

function describe(summary: Summary): string {
  return `${summary.throughput.toFixed(0)}/s, p50 ${summary.p50.toFixed(1)} ms, p99 ${summary.p99.toFixed(1)} ms`;
}

const MONITOR_QUERY_P95_MS = 100;
const MONITOR_EVENTS_PER_SECOND = 5_000;

function monitorReport(monitor: MonitorResults): string[] {
  const slowest = Math.max(...monitor.queries.map((query) => query.p95));
  return [
    '',
    `Monitor, ${monitor.requests.toLocaleString('en')} requests in its projection (generated), ${monitor.rounds} rounds of each query over HTTP, one at a time:`,
    '',
    '| query | p50 ms | p95 ms | p99 ms |',
    '| --- | --: | --: | --: |',
    ...monitor.queries.map(
      (query) =>
        `| \`${query.inFlight}\` | ${query.p50.toFixed(1)} | ${query.p95.toFixed(1)} | ${query.p99.toFixed(1)} |`,
    ),
    '',
    `Monitor ingestion: ${monitor.events.toLocaleString('en')} events read from the stream and applied in ${monitor.ingestSeconds.toFixed(1)} s, process start included: ${monitor.eventsPerSecond.toFixed(0)} events/s.`,
    '',
    `- Monitor queries at ${monitor.requests.toLocaleString('en')} requests: slowest p95 ${slowest.toFixed(1)} ms (target under ${MONITOR_QUERY_P95_MS} ms): ${slowest < MONITOR_QUERY_P95_MS ? 'met' : 'NOT met'}.`,
    `- Monitor ingestion: ${monitor.eventsPerSecond.toFixed(0)} events/s (target at least ${MONITOR_EVENTS_PER_SECOND}): ${monitor.eventsPerSecond >= MONITOR_EVENTS_PER_SECOND ? 'met' : 'NOT met'}.`,
  ];
}

function report(
  node: Summary[],
  floor: Summary[],
  halfLoad: Summary,
  monitor: MonitorResults,
): string {
  const rows = node.map((ours, i) => {
    const base = floor[i];
    return `| ${ours.inFlight} | ${ours.throughput.toFixed(0)} | ${ours.p50.toFixed(1)} | ${ours.p99.toFixed(1)} | ${base.throughput.toFixed(0)} | ${base.p50.toFixed(1)} | ${base.p99.toFixed(1)} | ${((100 * ours.throughput) / base.throughput).toFixed(0)}% |`;
  });
  const at32 = node[IN_FLIGHT.indexOf(32)].throughput / floor[IN_FLIGHT.indexOf(32)].throughput;
  return [
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node.js ${process.version}; ` +
      `${SECONDS} s per level after ${WARM_UP_SECONDS} s of warm-up; INBOX_CONCURRENCY=${INBOX_CONCURRENCY}.`,
    '',
    '| in flight | node req/s | node p50 ms | node p99 ms | floor req/s | floor p50 ms | floor p99 ms | node / floor |',
    '| --: | --: | --: | --: | --: | --: | --: | --: |',
    ...rows,
    '',
    `Open loop at half the node's best throughput (${halfLoad.inFlight}): ${describe(halfLoad)}.`,
    '',
    `- Throughput at 32 in flight: ${(100 * at32).toFixed(0)}% of the floor (target at least 50%): ${at32 >= 0.5 ? 'met' : 'NOT met'}.`,
    `- p99 at half the maximum throughput: ${halfLoad.p99.toFixed(1)} ms (target under 100 ms): ${halfLoad.p99 < 100 ? 'met' : 'NOT met'}.`,
    ...monitorReport(monitor),
  ].join('\n');
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
    try {
      node = await measureLevels('court nodes', hop.request);
      const best = Math.max(...node.map((summary) => summary.throughput));
      const rate = Math.max(1, Math.floor(best / 2));
      halfLoad = summarise(`${rate} req/s`, await openLoop(hop.request, rate, SECONDS));
      process.stderr.write(`court nodes at ${rate} req/s: ${describe(halfLoad)}\n`);
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

    const table = report(node, floor, halfLoad, monitor);
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
