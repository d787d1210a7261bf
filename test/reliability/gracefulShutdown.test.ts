// Graceful shutdown. The real entry point (tsx api/src/main.ts) with its own embedded
// Neo4j; SIGTERM while requests (reads and acknowledged writes) are in flight: every request sent
// before the signal is answered in full, the process exits 0, and its Neo4j JVM is gone.
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '@cangshan/neo4j';
import { TOKENS } from './support/apiEnv.ts';
import { startApiProcess, type ApiProcess } from './support/apiProcess.ts';
import { alive } from './support/child.ts';

const home = mkdtempSync(path.join(os.tmpdir(), 'cangshan-shutdown-neo4j-'));
let api: ApiProcess | null = null;

afterAll(() => {
  if (api && api.child.proc.exitCode === null) api.child.proc.kill('SIGKILL');
  rmSync(home, { recursive: true, force: true });
});

/** Java processes whose command line names this test's Neo4j folder. */
function javaOf(dir: string): number[] {
  const out: number[] = [];
  for (const p of readdirSync('/proc')) {
    if (!/^\d+$/.test(p)) continue;
    try {
      const cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8');
      if (cmd.startsWith('java') && cmd.includes(dir)) out.push(Number(p));
    } catch {
      /* gone */
    }
  }
  return out;
}

interface Outcome {
  startedAt: number;
  status: number | 'error';
  ok: boolean;
  write: boolean;
}

describe('graceful shutdown', () => {
  it('SIGTERM under load: in-flight requests finish, exit code 0, no java process left', async () => {
    api = await startApiProcess({ env: { NEO4J_DATA_DIR: home, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '128m' }, readyTimeoutMs: 180_000 });
    expect(javaOf(home).length).toBe(1);
    const outcomes: Outcome[] = [];
    let stop = false;
    let seq = 0;
    const one = async (write: boolean): Promise<void> => {
      const startedAt = performance.now();
      const body = write
        ? { query: 'mutation($i: EnterpriseInput!) { createEnterprise(input: $i) { id } }', variables: { i: { id: `shutdown-${seq++}`, name: `关停测试${seq}`, source: { kind: 'CURATED', reason: 'shutdown test' } } } }
        : { query: '{ graph(limit: 2000) { nodes { id } edges { id } } anchors { id attracted(first: 20) { id upstream(first: 20) { id } } } }' };
      try {
        const r = await fetch(`${api!.url}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(write ? { authorization: `Bearer ${TOKENS.editor}` } : {}) },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        const json = (await r.json()) as { errors?: unknown[] };
        outcomes.push({ startedAt, status: r.status, ok: r.status === 200 && !json.errors, write });
      } catch {
        outcomes.push({ startedAt, status: 'error', ok: false, write });
      }
    };
    const loops = Array.from({ length: 12 }, async (_, i) => {
      while (!stop) await one(i % 4 === 0);
    });
    await new Promise((r) => setTimeout(r, 2500));
    const sigtermAt = performance.now();
    api.child.proc.kill('SIGTERM');
    // Keep the clients going a moment: requests after the signal may be refused, not those before.
    await new Promise((r) => setTimeout(r, 300));
    stop = true;
    await Promise.all(loops);
    const code = await api.child.exited(60_000);

    // In flight = sent well before the signal (50 ms: the bytes have surely reached the server).
    const inFlight = outcomes.filter((o) => o.startedAt < sigtermAt - 50);
    const failed = inFlight.filter((o) => !o.ok);
    console.log(
      `[shutdown] ${outcomes.length} requests, ${inFlight.length} sent before SIGTERM (${inFlight.filter((o) => o.write).length} writes), ` +
        `${failed.length} of them failed; exit ${code}`,
    );
    expect(inFlight.length).toBeGreaterThan(10);
    expect(failed).toEqual([]);
    expect(code, api.child.output().slice(-2000)).toBe(0);
    expect(javaOf(home)).toEqual([]);
    const javaPidFile = path.join(home, 'java.pid');
    let leftover: number | null = null;
    try {
      leftover = Number(readFileSync(javaPidFile, 'utf8'));
    } catch {
      leftover = null;
    }
    if (leftover) expect(alive(leftover)).toBe(false);
  }, 240_000);
});
