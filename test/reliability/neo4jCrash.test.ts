// The embedded Neo4j dies. The real entry point (api/src/main.ts, what `npm start` runs) with its
// own embedded Neo4j in a temp folder; its JVM is killed (SIGKILL): /readyz turns 503 at once,
// GraphQL requests get DATABASE_UNAVAILABLE in a small fraction of the query deadline instead of
// waiting it out, the supervisor restarts Neo4j on the same port and data, and reads work again
// without restarting the API. SIGTERM afterwards stops everything, with no restart.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@cangshan/neo4j';
import { startApiProcess, type ApiProcess } from './support/apiProcess.ts';
import { alive } from './support/child.ts';
import { at, errorCodes, gql, leaks } from './support/http.ts';

// The default deadline: without the breaker, a request during the outage waits all of it.
const QUERY_TIMEOUT_MS = 15_000;
// During the outage, GraphQL requests must answer within this share of the deadline, and /readyz
// within READY once the JVM is gone (the API process has reaped it, so it knows: the probe that
// would find out otherwise starts only after a read has waited a second).
const FAST = 0.1;
const READY = 0.05;

const QUERY = '{ stats { enterprises anchors } enterprise(id: "toutiao") { id name attracted { id } } }';

const home = mkdtempSync(path.join(os.tmpdir(), 'cangshan-crash-neo4j-'));
let api: ApiProcess | null = null;

beforeAll(async () => {
  api = await startApiProcess({
    env: { NEO4J_DATA_DIR: home, NEO4J_BOLT_PORT: String(await freePort()), NEO4J_HEAP: '512m', NEO4J_PAGECACHE: '128m', WARM_PLANS: '0', QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS) },
    readyTimeoutMs: 180_000,
  });
});

afterAll(() => {
  if (api && api.child.proc.exitCode === null) api.child.proc.kill('SIGKILL');
  const java = javaPid();
  if (java !== null && alive(java)) process.kill(java, 'SIGKILL');
  rmSync(home, { recursive: true, force: true });
});

function javaPid(): number | null {
  try {
    return Number(readFileSync(path.join(home, 'java.pid'), 'utf8'));
  } catch {
    return null;
  }
}

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t };
}

const readyz = async (): Promise<number> => (await fetch(at(api!.url, '/readyz'), { signal: AbortSignal.timeout(QUERY_TIMEOUT_MS * 2) })).status;

describe('the embedded Neo4j is killed under the running API', () => {
  let before: unknown;
  let firstJava: number;

  it('serves, then answers "unavailable" at once while Neo4j is down', async () => {
    const ok = await gql(at(api!.url, '/graphql'), QUERY);
    expect(ok.status, ok.text.slice(0, 300)).toBe(200);
    before = ok.body?.data;
    firstJava = javaPid()!;
    expect(alive(firstJava)).toBe(true);

    process.kill(firstJava, 'SIGKILL');
    while (alive(firstJava)) await new Promise((r) => setTimeout(r, 10));
    const ready = await timed(readyz);
    console.log(`[crash] /readyz ${ready.value} ${ready.ms.toFixed(0)} ms after the JVM was gone (${((ready.ms / QUERY_TIMEOUT_MS) * 100).toFixed(1)} % of QUERY_TIMEOUT_MS)`);
    expect(ready.value).toBe(503);
    expect(ready.ms / QUERY_TIMEOUT_MS).toBeLessThan(READY);

    // One request, then several at once: each refused fast, with the code, and no internals.
    const one = await timed(() => gql(at(api!.url, '/graphql'), QUERY, {}, { timeoutMs: QUERY_TIMEOUT_MS * 2 }));
    const many = await timed(() => Promise.all(Array.from({ length: 8 }, () => gql(at(api!.url, '/graphql'), QUERY, {}, { timeoutMs: QUERY_TIMEOUT_MS * 2 }))));
    console.log(`[crash] GraphQL during the outage: one request ${one.ms.toFixed(0)} ms, eight at once ${many.ms.toFixed(0)} ms (deadline ${QUERY_TIMEOUT_MS} ms)`);
    for (const r of [one.value, ...many.value]) {
      expect(r.status).toBe(503);
      expect(errorCodes(r)).toContain('DATABASE_UNAVAILABLE');
      expect(leaks(r.text)).toEqual([]);
    }
    expect(one.ms / QUERY_TIMEOUT_MS).toBeLessThan(FAST);
    expect(many.ms / QUERY_TIMEOUT_MS).toBeLessThan(FAST);
    // The process itself is alive.
    expect((await fetch(at(api!.url, '/healthz'))).status).toBe(200);
  }, 60_000);

  it('restarts Neo4j by itself, and reads work again without restarting the API', async () => {
    const deadline = Date.now() + 150_000;
    let status = 0;
    while (Date.now() < deadline && (status = await readyz()) !== 200) await new Promise((r) => setTimeout(r, 250));
    expect(status, api!.child.output().slice(-2000)).toBe(200);
    const again = await gql(at(api!.url, '/graphql'), QUERY);
    expect(again.status, again.text.slice(0, 300)).toBe(200);
    expect(again.body?.data).toEqual(before);
    expect(javaPid()).not.toBe(firstJava);
    // The API's own probe may find the database answering a moment before the supervisor, which
    // waits for the new JVM's first `RETURN 1` itself, says it restarted it: wait for its line.
    const restarted = /\[neo4j\] restarted \(pid \d+\) in [\d.]+ s/;
    const until = Date.now() + 30_000;
    while (Date.now() < until && !restarted.test(api!.child.output())) await new Promise((r) => setTimeout(r, 100));
    const out = api!.child.output();
    expect(out).toMatch(/\[neo4j\] the embedded Neo4j \(pid \d+\) exited unexpectedly \(killed by SIGKILL\); restarting in 1 s/);
    expect(out).toMatch(restarted);
    expect(out).toMatch(/\[api\] the database answers again/);
  }, 160_000);

  it('stops on SIGTERM without restarting its Neo4j', async () => {
    const java = javaPid()!;
    api!.child.proc.kill('SIGTERM');
    expect(await api!.child.exited(60_000), api!.child.output().slice(-2000)).toBe(0);
    expect(alive(java)).toBe(false);
    expect(api!.child.output().match(/\[neo4j\] restarted/g)).toHaveLength(1);
  }, 70_000);
});
