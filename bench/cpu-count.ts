import { processCpuMs } from '../test/support/process-cpu';
import { WindowWatch } from './measure';

/** Processes whose CPU time is counted together, under the name the results table gives them. */
export interface ProcessGroup {
  name: string;
  /** Asked at the start and at the end: a pool may open connections in between. */
  pids: () => number[];
}

export interface CpuShare {
  name: string;
  msPerRequest: number;
}

/**
 * Counts the CPU time each group of processes spends while a measuring window is open, to
 * divide by the requests completed in it. On a machine without /proc there is nothing to count.
 */
export class CpuCount implements WindowWatch {
  private readonly started = new Map<number, number>();
  private readonly spentMs = new Map<string, number>();

  constructor(private readonly groups: ProcessGroup[]) {}

  static get available(): boolean {
    return processCpuMs(process.pid) !== undefined;
  }

  opened(): void {
    for (const pid of this.groups.flatMap((group) => group.pids())) {
      this.started.set(pid, processCpuMs(pid) ?? 0);
    }
  }

  closed(): void {
    for (const group of this.groups) {
      const spent = group
        .pids()
        .reduce(
          (sum, pid) => sum + Math.max(0, (processCpuMs(pid) ?? 0) - (this.started.get(pid) ?? 0)),
          0,
        );
      this.spentMs.set(group.name, spent);
    }
  }

  perRequest(requests: number): CpuShare[] {
    return this.groups.map(({ name }) => ({
      name,
      msPerRequest: (this.spentMs.get(name) ?? 0) / requests,
    }));
  }
}
