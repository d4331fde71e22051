import { cpus } from 'node:os';
import { DrainResult } from './court-node-hop';
import { CpuShare } from './cpu-count';
import { DemoResults } from './demo-network';
import { describe, Summary } from './measure';
import { MonitorResults } from './monitor-projection';
import { PeakMemory } from './peak-memory';

/** Everything one run measured, for its one table. */
export interface BenchResults {
  settings: { seconds: number; warmUpSeconds: number; inboxConcurrency: number };
  floor: Summary[];
  node: Summary[];
  /** CPU per search by process at CPU_COUNTED_AT_IN_FLIGHT; none where there is no /proc. */
  cpu: { node?: CpuShare[]; floor?: CpuShare[] };
  halfLoad: Summary;
  drain: DrainResult;
  monitor: MonitorResults;
  demo: DemoResults;
  peakMemory: PeakMemory[];
}

/** One measurement; `target` and `met` only where there is a target. */
interface Row {
  measurement: string;
  result: string;
  target?: string;
  met?: boolean;
}

/** The targets of docs/PERFORMANCE.md. */
const NODE_SHARE_OF_FLOOR = 0.5;
const NODE_SHARE_AT_IN_FLIGHT = 32;
/** Where the CPU is counted: at the target's level, to set it against the target's budget. */
export const CPU_COUNTED_AT_IN_FLIGHT = NODE_SHARE_AT_IN_FLIGHT;
const HALF_LOAD_P99_MS = 100;
const MONITOR_QUERY_P95_MS = 100;
const MONITOR_EVENTS_PER_SECOND = 5_000;
const DEMO_READY_SECONDS = 30;
const DEMO_MEMORY_BYTES = 1.5 * 2 ** 30;

/** The machine and settings, then one row per measurement, as Markdown. */
export function resultsTable(results: BenchResults): string {
  const { seconds, warmUpSeconds, inboxConcurrency } = results.settings;
  const rows = [
    ...hopRows(results),
    ...cpuRows(results),
    drainRow(results.drain),
    ...monitorRows(results.monitor),
    ...demoRows(results.demo),
    ...results.peakMemory.map(memoryRow),
  ];
  return [
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node.js ${process.version}; ` +
      `${seconds} s per level after ${warmUpSeconds} s of warm-up; INBOX_CONCURRENCY=${inboxConcurrency}; ` +
      `each monitor query asked ${results.monitor.rounds} times over HTTP, one at a time.`,
    '',
    markdownTable(
      ['measurement', 'result', 'target', 'met'],
      rows.map(({ measurement, result, target, met }) => [
        measurement,
        result,
        target ?? '—',
        met === undefined ? '—' : met ? 'yes' : 'no',
      ]),
    ),
  ].join('\n');
}

function hopRows({ floor, node, halfLoad }: BenchResults): Row[] {
  return [
    ...floor.map((level) => ({
      measurement: `floor hop, ${level.inFlight} in flight`,
      result: describe(level),
    })),
    ...node.map((level, i) => {
      const shareOfFloor = level.throughput / floor[i].throughput;
      return {
        measurement: `court nodes, ${level.inFlight} in flight`,
        result: `${describe(level)}; ${(100 * shareOfFloor).toFixed(0)}% of the floor`,
        ...(level.inFlight === NODE_SHARE_AT_IN_FLIGHT && {
          target: `≥ ${100 * NODE_SHARE_OF_FLOOR}% of the floor`,
          met: shareOfFloor >= NODE_SHARE_OF_FLOOR,
        }),
      };
    }),
    {
      measurement: `p99 at half load (${halfLoad.inFlight})`,
      result: `p99 ${halfLoad.p99.toFixed(1)} ms, p50 ${halfLoad.p50.toFixed(1)} ms`,
      target: `< ${HALF_LOAD_P99_MS} ms`,
      met: halfLoad.p99 < HALF_LOAD_P99_MS,
    },
  ];
}

/**
 * The CPU every process spent per search, against what half the floor's throughput would allow
 * for all of them together on this machine's cores.
 */
function cpuRows({ cpu, floor }: BenchResults): Row[] {
  const floorLevel = floor.find((level) => level.inFlight === CPU_COUNTED_AT_IN_FLIGHT);
  if (!cpu.node || !cpu.floor || !floorLevel) return [];
  const cores = cpus().length;
  const allowedMs = (cores * 1000) / (NODE_SHARE_OF_FLOOR * floorLevel.throughput);
  return [
    {
      measurement: `CPU per search, court nodes, ${CPU_COUNTED_AT_IN_FLIGHT} in flight`,
      result: describeCpu(cpu.node),
    },
    {
      measurement: `CPU per search, floor hop, ${CPU_COUNTED_AT_IN_FLIGHT} in flight`,
      result: describeCpu(cpu.floor),
    },
    {
      measurement: `CPU per search at ${100 * NODE_SHARE_OF_FLOOR}% of the floor`,
      result: `at most ${allowedMs.toFixed(1)} ms in all, on ${cores} cores`,
    },
  ];
}

function describeCpu(shares: CpuShare[]): string {
  const total = shares.reduce((sum, share) => sum + share.msPerRequest, 0);
  const parts = shares.map((share) => `${share.name} ${share.msPerRequest.toFixed(1)}`);
  return `${total.toFixed(1)} ms: ${parts.join(', ')}`;
}

function drainRow(drain: DrainResult): Row {
  return {
    measurement: `backlog of ${count(drain.messages)} drained`,
    result: `${drain.seconds.toFixed(1)} s from ready: ${count(drain.messagesPerSecond)} messages/s`,
  };
}

function monitorRows(monitor: MonitorResults): Row[] {
  return [
    {
      measurement: `monitor ingestion, ${count(monitor.events)} events`,
      result: `${monitor.ingestSeconds.toFixed(1)} s, process start included: ${count(monitor.eventsPerSecond)} events/s`,
      target: `≥ ${count(MONITOR_EVENTS_PER_SECOND)} events/s`,
      met: monitor.eventsPerSecond >= MONITOR_EVENTS_PER_SECOND,
    },
    ...monitor.queries.map((query) => ({
      measurement: `monitor \`${query.inFlight}\`, ${count(monitor.requests)} requests`,
      result: `p95 ${query.p95.toFixed(1)} ms (p50 ${query.p50.toFixed(1)}, p99 ${query.p99.toFixed(1)})`,
      target: `p95 < ${MONITOR_QUERY_P95_MS} ms`,
      met: query.p95 < MONITOR_QUERY_P95_MS,
    })),
  ];
}

function demoRows(demo: DemoResults): Row[] {
  return [
    {
      measurement: 'demo network, ready from nothing',
      result: `${demo.readySeconds.toFixed(1)} s: ${demo.courts} courts and the monitor, one process`,
      target: `< ${DEMO_READY_SECONDS} s`,
      met: demo.readySeconds < DEMO_READY_SECONDS,
    },
    {
      measurement: 'demo network, peak memory under traffic',
      result:
        (demo.peakRssBytes === undefined
          ? 'not known (no /proc)'
          : `${(demo.peakRssBytes / 2 ** 20).toFixed(0)} MiB`) +
        `: ${demo.trafficSeconds} s at ${demo.rate} requests/min, people ${demo.speed}× faster` +
        ` (${count(demo.requestsSent)} sent)`,
      target: '< 1.5 GiB',
      met: demo.peakRssBytes !== undefined && demo.peakRssBytes < DEMO_MEMORY_BYTES,
    },
    {
      measurement: 'demo network, Ctrl-C',
      result: `stopped in ${demo.stopSeconds.toFixed(1)} s${demo.stoppedCleanly ? ', exit code 0' : ', not cleanly'}`,
      target: 'exit code 0',
      met: demo.stoppedCleanly,
    },
  ];
}

function memoryRow({ name, peakRssBytes }: PeakMemory): Row {
  return {
    measurement: `peak memory: ${name}`,
    result:
      peakRssBytes === undefined
        ? 'not known (no /proc)'
        : `${(peakRssBytes / 2 ** 20).toFixed(0)} MiB`,
  };
}

function count(value: number): string {
  return Math.round(value).toLocaleString('en');
}

/** Columns padded to their widest cell, so the table also reads well in a terminal. */
function markdownTable(header: string[], rows: string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => row[column].length)),
  );
  const line = (cells: string[]) =>
    `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join(
    '\n',
  );
}
