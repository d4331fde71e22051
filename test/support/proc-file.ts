import { readFileSync } from 'node:fs';

/**
 * The text of /proc/<pid>/<file> (Linux), or undefined when the process is gone or there is no
 * /proc.
 */
export function readProcFile(pid: number, file: string): string | undefined {
  try {
    return readFileSync(`/proc/${pid}/${file}`, 'utf8');
  } catch {
    return undefined;
  }
}
