import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** A child process whose combined output is kept, for tests that start the real CLI or server. */
export interface Child {
  proc: ChildProcess;
  pid: number;
  output(): string;
  /** Resolves with the first match of `re` in the output; rejects on exit or after `timeoutMs`. */
  waitFor(re: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** Resolves with the exit code (or the signal's name), bounded by `timeoutMs`. */
  exited(timeoutMs: number): Promise<number | string>;
}

/**
 * Runs `node --import tsx <script> …args` from the repo root with `env` added to a minimal
 * environment. Not the `tsx` CLI: it runs the script in a second Node process and cannot relay
 * SIGKILL, so a "killed" import would go on writing, and /proc figures would be the wrapper's.
 */
export function spawnTsx(script: string, args: string[], env: Record<string, string>): Child {
  const proc = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: REPO,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (proc.pid === undefined) throw new Error(`could not start ${script}`);
  let out = '';
  const listeners = new Set<() => void>();
  const onData = (b: Buffer): void => {
    out += b.toString('utf8');
    for (const l of listeners) l();
  };
  proc.stdout?.on('data', onData);
  proc.stderr?.on('data', onData);
  let exitValue: number | string | null = null;
  const exitPromise = new Promise<number | string>((resolve) =>
    proc.on('exit', (code, signal) => {
      exitValue = code ?? signal ?? -1;
      for (const l of listeners) l();
      resolve(exitValue);
    }),
  );
  return {
    proc,
    pid: proc.pid,
    output: () => out,
    waitFor: (re, timeoutMs) =>
      new Promise((resolve, reject) => {
        const check = (): void => {
          const m = out.match(re);
          if (m) done(() => resolve(m));
          else if (exitValue !== null) done(() => reject(new Error(`${script} exited (${exitValue}) before printing ${re}:\n${out.slice(-2000)}`)));
        };
        const timer = setTimeout(() => done(() => reject(new Error(`${script} did not print ${re} within ${timeoutMs} ms:\n${out.slice(-2000)}`))), timeoutMs);
        const done = (f: () => void): void => {
          clearTimeout(timer);
          listeners.delete(check);
          f();
        };
        listeners.add(check);
        check();
      }),
    exited: (timeoutMs) =>
      Promise.race([
        exitPromise,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${script} did not exit within ${timeoutMs} ms:\n${out.slice(-2000)}`)), timeoutMs).unref()),
      ]),
  };
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resident set size of a process in MB, from /proc (Linux). */
export function rssMb(pid: number): number {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+) kB/);
  return m ? Number(m[1]) / 1024 : Number.NaN;
}
