import { processMemory } from '../test/support/process-memory';
import { BackgroundService } from '../test/support/service-process';

/** The high-water resident memory of one process; undefined where there is no /proc to read. */
export interface PeakMemory {
  /** Which process, as the results table names it. */
  name: string;
  peakRssBytes: number | undefined;
}

/**
 * Stops `service` gently, its peak memory read just before: once it has exited, /proc no
 * longer has it.
 */
export async function stopReadingPeakMemory(
  name: string,
  service: BackgroundService,
): Promise<PeakMemory> {
  const { pid } = service;
  const peakRssBytes = pid === undefined ? undefined : processMemory(pid)?.peakRssBytes;
  await service.kill('SIGTERM');
  return { name, peakRssBytes };
}

/** This process's peak so far: it runs the floor, sends the load and publishes the monitor's events. */
export function benchmarkPeakMemory(): PeakMemory {
  // maxRSS is in kilobytes; unlike /proc it is there on every platform.
  return {
    name: 'benchmark process (floor, load generator)',
    peakRssBytes: process.resourceUsage().maxRSS * 1024,
  };
}
