import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '@cangshan/neo4j';

// What `npm start` must show, through the real entry (api/src/main.ts) as a child process:
// the ready line, /readyz, GraphQL, SIGTERM leaving no JVM, a second start refused, data kept
// across restarts, and no second Neo4j when NEO4J_URI is set.

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const READY = /ready: (http:\/\/\S+)/;

interface Started {
  child: ChildProcess;
  url: string;
  ms: number;
  output: () => string;
}

function javaPids(): number[] {
  const out: number[] = [];
  for (const pid of readdirProc()) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('org.neo4j.server.CommunityEntryPoint')) out.push(pid);
    } catch {
      /* process ended while we looked */
    }
  }
  return out;
}

function parentOf(pid: number): number {
  try {
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so split after ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/** Neo4j JVMs started by `root` or its descendants (others' servers on this machine don't count). */
function javaDescendantsOf(root: number): number[] {
  return javaPids().filter((pid) => {
    for (let p = parentOf(pid); p > 1; p = parentOf(p)) if (p === root) return true;
    return false;
  });
}

function readdirProc(): number[] {
  return readdirSync('/proc').filter((d) => /^\d+$/.test(d)).map(Number);
}

function start(env: NodeJS.ProcessEnv, timeoutMs = 240_000): Promise<Started> {
  const t0 = Date.now();
  const child = spawn(TSX, ['api/src/main.ts'], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = (b: Buffer): void => {
      out += b.toString();
      const m = READY.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve({ child, url: m[1].replace(/\/$/, ''), ms: Date.now() - t0, output: () => out });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code} before ready:\n${out}`));
    });
  });
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.on('exit', (code) => resolve(code));
  });
}

async function gql(url: string, query: string): Promise<unknown> {
  const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  return res.json();
}

const children: ChildProcess[] = [];
afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
});

describe('npm start against a Neo4j given by NEO4J_URI', () => {
  it('serves /readyz and GraphQL, and starts no Neo4j of its own', async () => {
    const s = await start({ NEO4J_URI: inject('neo4jUri'), PORT: String(await freePort()) });
    children.push(s.child);
    expect(s.child.pid).toBeGreaterThan(0);
    expect(javaDescendantsOf(s.child.pid ?? 0)).toEqual([]);
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await gql(s.url, '{ __typename }')).toEqual({ data: { __typename: 'Query' } });
    s.child.kill('SIGTERM');
    expect(await exitOf(s.child)).toBe(0);
  });
});

describe('npm start with the embedded Neo4j', () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'cangshan-start-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('starts, refuses a second start on the same data, stops with no JVM left, and keeps its data', async () => {
    const env = { NEO4J_DATA_DIR: dataDir, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_URI: '', NEO4J_HEAP: '512m' };
    const cold = await start({ ...env, PORT: String(await freePort()) });
    children.push(cold.child);
    console.log(`[foundation] cold start (empty data, article load) to ready line: ${cold.ms} ms`);
    expect((await fetch(`${cold.url}/readyz`)).status).toBe(200);
    const count = '{ enterprises(first: 1) { totalCount } }';
    const first = await gql(cold.url, count);
    // The article data set was loaded into the empty database on the first start.
    expect(first).toMatchObject({ data: { enterprises: { totalCount: expect.any(Number) } } });
    expect((first as { data: { enterprises: { totalCount: number } } }).data.enterprises.totalCount).toBeGreaterThan(5);

    const second = spawn(TSX, ['api/src/main.ts'], { cwd: ROOT, env: { ...process.env, ...env, PORT: String(await freePort()) }, stdio: 'pipe' });
    let secondOut = '';
    second.stdout.on('data', (b: Buffer) => (secondOut += b.toString()));
    second.stderr.on('data', (b: Buffer) => (secondOut += b.toString()));
    expect(await exitOf(second)).not.toBe(0);
    expect(secondOut).toMatch(/already running/i);
    expect((await fetch(`${cold.url}/readyz`)).status).toBe(200);

    const javaPid = Number(readFileSync(path.join(dataDir, 'java.pid'), 'utf8'));
    expect(javaDescendantsOf(cold.child.pid ?? 0)).toEqual([javaPid]);
    cold.child.kill('SIGTERM');
    expect(await exitOf(cold.child)).toBe(0);
    expect(javaPids()).not.toContain(javaPid);

    const warm = await start({ ...env, PORT: String(await freePort()) });
    children.push(warm.child);
    console.log(`[foundation] warm start (data kept) to ready line: ${warm.ms} ms`);
    expect(await gql(warm.url, count)).toEqual(first);
    warm.child.kill('SIGTERM');
    expect(await exitOf(warm.child)).toBe(0);
  }, 600_000);
});
