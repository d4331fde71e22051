import { readdirSync } from 'node:fs';
import { basename } from 'node:path';
import { readProcFile } from './proc-file';

/** Linux's USER_HZ: the unit of the CPU times in /proc on every architecture it runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

/**
 * The CPU time, user and system, that process `pid` has used so far, in milliseconds, from
 * /proc/<pid>/stat; undefined when the process is gone or there is no /proc.
 */
export function processCpuMs(pid: number): number | undefined {
  const stat = readProcFile(pid, 'stat');
  if (stat === undefined) return undefined;
  // The command name, in parentheses, may hold spaces itself: count the fields after it.
  // utime and stime, fields 14 and 15 of proc(5), are the 12th and 13th of those.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
}

/**
 * Every process running `program` (`postgres`, `nats-server`), whatever its arguments:
 * PostgreSQL's backends too, which show themselves as `postgres: <user> <database> ...`.
 */
export function processesOf(program: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => programOf(pid) === program);
}

function programOf(pid: number): string | undefined {
  const [argv0] = readProcFile(pid, 'cmdline')?.split('\0') ?? [];
  return argv0 === undefined ? undefined : basename(argv0.split(' ')[0]).replace(/:$/, '');
}
