import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { PROJECT_ROOT } from './service-process';

export interface CliOutcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `enforcement-link <args>` from the sources, as an administrator would from a shell. */
export function runCli(
  args: string[],
  options: { input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', join(PROJECT_ROOT, 'apps', 'cli', 'src', 'main.ts'), ...args],
      { cwd: PROJECT_ROOT, env: { ...process.env, ...options.env } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.input ?? '');
  });
}
