import { readProcFile } from './proc-file';

/** A process's resident memory now and at its highest so far, in bytes. */
export interface ProcessMemory {
  rssBytes: number;
  peakRssBytes: number;
}

/**
 * The resident memory of process `pid` as Linux reports it in /proc/<pid>/status (VmRSS, and
 * VmHWM, the high-water mark), or undefined when the process is gone or there is no /proc.
 * Read it before the process exits: the kernel keeps no figures for a process that has gone.
 */
export function processMemory(pid: number): ProcessMemory | undefined {
  const status = readProcFile(pid, 'status');
  if (status === undefined) return undefined;
  const rssBytes = kilobytesField(status, 'VmRSS');
  const peakRssBytes = kilobytesField(status, 'VmHWM');
  // A process that has exited but not been reaped yet (a zombie) has no memory lines.
  if (rssBytes === undefined || peakRssBytes === undefined) return undefined;
  return { rssBytes, peakRssBytes };
}

/** A field such as `VmRSS:   123456 kB`, in bytes. */
function kilobytesField(status: string, field: string): number | undefined {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB$`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : undefined;
}
