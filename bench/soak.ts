import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { FaultNetwork, isSettled } from '../test/faults/fault-network';
import { MixedTraffic } from '../test/faults/mixed-traffic';
import { processMemory } from '../test/support/process-memory';

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const PER_SECOND = Number(process.env.SOAK_RATE ?? 5);
const WARM_UP_MINUTES = Math.min(2, MINUTES / 5);
const SAMPLE_EVERY_MS = 15_000;
const MAX_RSS_GROWTH = 0.1;
/** A few seconds of traffic: more waiting at the end of the run means the courts fall behind. */
const GROWING_BACKLOG = 10 * PER_SECOND;
const MB = 1024 * 1024;

interface Sample {
  atMinutes: number;
  rssBytes: Record<string, number>;
  waitingMessages: number;
  unpublished: number;
  probeMs: number;
}

/**
 * The soak: steady mixed traffic among three court nodes and the monitor, each its own process,
 * for SOAK_MINUTES (10 unless told otherwise) at SOAK_RATE requests a second. Every 15 s it samples each
 * process's memory, what waits in JetStream and the outboxes, and the time one asset search
 * takes there and back. It passes when no process's memory grew by more than a tenth after the
 * warm-up, the backlog did not grow and the hop's latency stayed level; then every request is
 * checked to have ended once at both courts and the monitor.
 */
async function main(): Promise<void> {
  const network = await FaultNetwork.start();
  const traffic = new MixedTraffic(network.courts, Math.ceil(MINUTES * 60 * PER_SECOND));
  const samples: Sample[] = [];
  const startedAt = Date.now();
  try {
    traffic.start({ perSecond: PER_SECOND });
    while (Date.now() - startedAt < MINUTES * 60_000) {
      await sleep(SAMPLE_EVERY_MS);
      const probeStartedAt = Date.now();
      await traffic.probe('xinzhou', 'yulin');
      const state = await network.backlog();
      samples.push({
        atMinutes: (Date.now() - startedAt) / 60_000,
        rssBytes: Object.fromEntries(
          network.processes().map(({ name, pid }) => [name, processMemory(pid)?.rssBytes ?? NaN]),
        ),
        ...state,
        probeMs: Date.now() - probeStartedAt,
      });
      const last = samples[samples.length - 1];
      process.stderr.write(
        `${last.atMinutes.toFixed(1)} min: ${describeMemory(last)}; waiting ${last.waitingMessages}, unsent ${last.unpublished}, hop ${last.probeMs} ms\n`,
      );
    }
    await traffic.stopCreating();
    let verification = await network.verify(sent(traffic));
    for (let i = 0; i < 150 && !isSettled(verification); i++) {
      await sleep(2_000);
      verification = await network.verify(sent(traffic));
    }
    const table = report(samples, traffic, verification);
    mkdirSync('reports', { recursive: true });
    writeFileSync('reports/soak-results.md', `${table}\n`);
    process.stdout.write(`\n${table}\n\n(also in reports/soak-results.md)\n`);
  } finally {
    await traffic.stop();
    await network.destroy();
  }
}

function report(
  samples: Sample[],
  traffic: MixedTraffic,
  verification: Awaited<ReturnType<FaultNetwork['verify']>>,
): string {
  const warm = samples.filter((sample) => sample.atMinutes >= WARM_UP_MINUTES);
  const [first, last] = [warm[0], warm[warm.length - 1]];
  const names = Object.keys(first.rssBytes);
  const growth = Object.fromEntries(
    names.map((name) => [name, last.rssBytes[name] / first.rssBytes[name] - 1]),
  );
  const third = Math.max(1, Math.floor(warm.length / 3));
  const medianProbe = (part: Sample[]) => median(part.map((sample) => sample.probeMs));
  const [early, late] = [medianProbe(warm.slice(0, third)), medianProbe(warm.slice(-third))];
  const perMinute = samples.filter((_sample, i) => (i + 1) % 4 === 0);
  return [
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node.js ${process.version}; ` +
      `${MINUTES} minutes at ${PER_SECOND} requests/s (${sent(traffic).length} requests: half asset searches, ` +
      `the rest delegations taken to the end, two in five with money); warm-up ${WARM_UP_MINUTES} minutes.`,
    '',
    `| minute | ${names.map((name) => `${name} RSS MB`).join(' | ')} | waiting in JetStream | unsent | one hop ms |`,
    `| --: | ${names.map(() => '--:').join(' | ')} | --: | --: | --: |`,
    ...perMinute.map(
      (sample) =>
        `| ${sample.atMinutes.toFixed(0)} | ${names.map((name) => (sample.rssBytes[name] / MB).toFixed(0)).join(' | ')} | ${sample.waitingMessages} | ${sample.unpublished} | ${sample.probeMs} |`,
    ),
    '',
    ...names.map(
      (name) =>
        `- ${name}: RSS ${(growth[name] * 100).toFixed(1)}% after the warm-up (target under ${MAX_RSS_GROWTH * 100}%): ${growth[name] < MAX_RSS_GROWTH ? 'met' : 'NOT met'}.`,
    ),
    `- One hop, median of the first and last third after the warm-up: ${early} ms and ${late} ms (stable: the last at most twice the first): ${late <= 2 * early ? 'met' : 'NOT met'}.`,
    `- Waiting in JetStream at the end: ${last.waitingMessages}, unsent: ${last.unpublished}; after the warm-up at most ${Math.max(...warm.map((sample) => sample.waitingMessages))} (no growing backlog: the last third's most under ${GROWING_BACKLOG} messages): ${Math.max(...warm.slice(-third).map((sample) => sample.waitingMessages)) < GROWING_BACKLOG ? 'met' : 'NOT met'}.`,
    `- Every request at both courts and the monitor: ${verification.unfinished.length} not final, ${verification.duplicated.length} with an effect twice, ${verification.deadLetters} dead letters, ${verification.rejected} rejected.`,
  ].join('\n');
}

/** The requests the clerks got to send before the time was up. */
function sent(traffic: MixedTraffic): MixedTraffic['requests'] {
  return traffic.requests.filter((request) => request.id !== undefined);
}

function describeMemory(sample: Sample): string {
  return Object.entries(sample.rssBytes)
    .map(([name, bytes]) => `${name} ${(bytes / MB).toFixed(0)} MB`)
    .join(', ');
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

main().catch((error: unknown) => {
  process.stderr.write(`soak failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
