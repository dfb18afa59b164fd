import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/hik2humand.js');

export interface CliResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Only what the child needs: nothing of the test runner's own environment leaks into the CLI's settings. */
function childEnv(env: Readonly<Record<string, string>>): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TZ: 'UTC', ...env };
}

/** Runs `hik2humand <args>` as a real process (node bin/hik2humand.js) and collects what it printed. */
export function runCli(args: readonly string[], options: CliOptions): Promise<CliResult> {
  const running = startCli(args, options);
  return running.exited.then((exit) => ({ ...exit, stdout: running.stdout(), stderr: running.stderr() }));
}

export interface RunningCli {
  readonly child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when a stdout line satisfies the predicate; rejects after `timeoutMs` or if the process ends first. */
  waitForLine(predicate: (line: string) => boolean, timeoutMs: number): Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Sends the signal and waits (bounded) for the exit. */
  stop(signal: NodeJS.Signals, timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export interface CliOptions {
  readonly cwd: string;
  readonly env?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
  /** Another entry point than this checkout's bin/hik2humand.js (e.g. an installed package's). */
  readonly bin?: string;
}

export function startCli(args: readonly string[], options: CliOptions): RunningCli {
  const child = spawn(process.execPath, [options.bin ?? BIN, ...args], {
    cwd: options.cwd,
    env: childEnv(options.env ?? {}),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  const lineWaiters = new Set<() => void>();
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    out += chunk;
    for (const wake of [...lineWaiters]) wake();
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    err += chunk;
  });
  const limit = options.timeoutMs ?? 60_000;
  const killer = setTimeout(() => child.kill('SIGKILL'), limit);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      clearTimeout(killer);
      for (const wake of [...lineWaiters]) wake();
      resolve({ code, signal });
    });
  });
  let ended = false;
  void exited.then(() => {
    ended = true;
  });

  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForLine(predicate, timeoutMs) {
      return new Promise<string>((resolve, reject) => {
        const check = () => {
          const found = out.split('\n').find(predicate);
          if (found !== undefined) {
            done();
            resolve(found);
          } else if (ended) {
            done();
            reject(new Error(`the CLI ended before the expected line\n--- stdout\n${out.slice(-4000)}\n--- stderr\n${err.slice(-4000)}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no expected line within ${timeoutMs} ms\n--- stdout\n${out.slice(-4000)}\n--- stderr\n${err.slice(-4000)}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          lineWaiters.delete(check);
        };
        lineWaiters.add(check);
        check();
      });
    },
    async stop(signal, timeoutMs) {
      if (!ended) child.kill(signal);
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}

/** Log lines (JSON) the CLI wrote, parsed; other lines (banners) skipped. */
export function jsonLines(text: string): Array<Record<string, unknown>> {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .flatMap((line) => {
      try {
        return [JSON.parse(line) as Record<string, unknown>];
      } catch {
        return [];
      }
    });
}

/** Polls until `probe` returns a value (not undefined), bounded; for state that changes in another process. */
export async function eventually<T>(probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
