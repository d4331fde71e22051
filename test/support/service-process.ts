import { ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Environment } from '@enforcement-link/platform';

export const PROJECT_ROOT = join(__dirname, '..', '..');

export interface ProcessOutcome {
  exitCode: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a built service (`npm run build` first) as an operator would, with exactly the given
 * environment, and collects what it printed once it exits or `timeoutMs` passes.
 */
export function runBuiltService(
  app: 'court-node' | 'monitor',
  environment: Environment,
  timeoutMs = 20_000,
): Promise<ProcessOutcome> {
  const entry = join(PROJECT_ROOT, 'dist', 'apps', app, 'main.js');
  if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
  return runToEnd([entry], environment, timeoutMs);
}

/**
 * Runs the command line from source, as `npm run cli -- <args>` does, with this environment
 * and `input` on its standard input (as a pipe, the way a script answers its prompts).
 */
export function runCli(
  args: string[],
  environment: Environment = {},
  { input = '', timeoutMs = 30_000 }: { input?: string; timeoutMs?: number } = {},
): Promise<ProcessOutcome> {
  const entry = join(PROJECT_ROOT, 'apps', 'cli', 'src', 'main.ts');
  return runToEnd(['-r', '@swc-node/register', entry, ...args], environment, timeoutMs, {
    cwd: PROJECT_ROOT,
    input,
  });
}

function runToEnd(
  nodeArgs: string[],
  environment: Environment,
  timeoutMs: number,
  { cwd, input }: { cwd?: string; input?: string } = {},
): Promise<ProcessOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, nodeArgs, {
      cwd,
      env: { PATH: process.env.PATH, ...environment },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stdin.end(input ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.once('error', reject);
    child.once('exit', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, stdout, stderr });
    });
  });
}

/** A built service running in the background, which a test can kill like a crash would. */
export class BackgroundService {
  private readonly exited: Promise<number | null>;
  private readonly child: ChildProcess;
  private output = '';

  constructor(app: 'court-node' | 'monitor', environment: Environment) {
    const entry = join(PROJECT_ROOT, 'dist', 'apps', app, 'main.js');
    if (!existsSync(entry)) throw new Error(`${entry} is missing: run "npm run build" first`);
    const child = spawn(process.execPath, [entry], {
      env: { PATH: process.env.PATH, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    this.exited = new Promise((resolve) => child.once('exit', resolve));
    this.kill = async (signal: NodeJS.Signals = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await this.exited;
    };
  }

  /** Stops the process, without warning unless a gentler signal is given. */
  readonly kill: (signal?: NodeJS.Signals) => Promise<void>;

  /** The child's process id (undefined only if it could not be started). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** What it printed so far, for a failing test's message. */
  get log(): string {
    return this.output;
  }
}
