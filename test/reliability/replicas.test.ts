// Stateless replicas: several API processes (what `npm start` runs, NEO4J_URI set) behind any load
// balancer serve one database, and a client does not notice which one answers. Replicas starting
// together on an empty database load the starting data once; a write through one is read at once
// through another when the client sends back the write's bookmark (X-Neo4j-Bookmark); a bad
// bookmark is a clear 400 or 503, never a 500 or a stall; a replica's read cache never serves what
// another replica's write changed. The `neo4j-routing` project runs this file again over neo4j://.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '@cangshan/neo4j';
import { startServer, type RunningServer } from '@cangshan/api';
import { graphCounts, resetDb, testDb, testNeo4jUri } from '@cangshan/neo4j/testing';
import { loadArticleDataSet } from '@cangshan/seed';
import { startApiProcess, type ApiProcess } from './support/apiProcess.ts';
import { REL_ENV, TOKENS } from './support/apiEnv.ts';
import { at, gql, leaks, type GqlResponse } from './support/http.ts';

const HEADER = 'x-neo4j-bookmark';
const REPLICA_ENV = { WARM_PLANS: 'false', READ_CACHE_MIN_MS: '0', READ_CACHE_REFRESH_MS: '0' };
const editor = { authorization: `Bearer ${TOKENS.editor}` };
const OVERVIEW = '{ graph(limit: 500) { nodes { id label } } }';

let db: Db;
const replicas: ApiProcess[] = [];
let inProcess: RunningServer | null = null;
let inProcessDb: Db | null = null;

beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await inProcess?.close();
  await inProcessDb?.close();
  for (const r of replicas) {
    r.child.proc.kill('SIGTERM');
    await r.child.exited(30_000).catch(() => r.child.proc.kill('SIGKILL'));
  }
  await db.close();
});

const url = (r: ApiProcess): string => at(r.url, '/graphql');
const idsSeenTwice = async (): Promise<number> =>
  (await db.read('MATCH (n) WHERE n.id IS NOT NULL WITH n.id AS id, count(*) AS c WHERE c > 1 RETURN count(*) AS n'))[0]?.n as number;

function dataOf(r: GqlResponse): Record<string, unknown> {
  expect(r.body?.errors, JSON.stringify(r.body)).toBeUndefined();
  return (r.body?.data ?? {}) as Record<string, unknown>;
}

/** A bookmark of `real`'s database naming a transaction far beyond any it has committed (Neo4j 5's encoding). */
function futureBookmark(real: string): string {
  const bytes = Buffer.from(real.replace(/^FB:/, ''), 'base64');
  // [list of 1][16-byte database id][transaction id][empty list]: replace the transaction id.
  expect(bytes.subarray(0, 3).toString('hex'), `unexpected bookmark layout ${real}`).toBe('91cc10');
  return `FB:${Buffer.concat([bytes.subarray(0, 19), Buffer.from('ca7fffffff90', 'hex')]).toString('base64')}`;
}

describe('the database URI', () => {
  it("is the one this run's project names: neo4j:// (the routing driver) in neo4j-routing, else the server's own", () => {
    if (process.env.NEO4J_TEST_URI) return;
    expect(testNeo4jUri()).toMatch(inject('neo4jRouting') ? /^neo4j:\/\// : /^bolt:\/\//);
  });
});

describe('replicas starting together on an empty database', () => {
  it('load the article data once: one replica loads, the other waits and skips; one copy of every node', async () => {
    await resetDb(db);
    await loadArticleDataSet(db);
    const single = await graphCounts(db);
    await resetDb(db);

    const uri = testNeo4jUri();
    const started = await Promise.allSettled([0, 1].map(() => startApiProcess({ neo4jUri: uri, env: { ...REL_ENV, ...REPLICA_ENV } })));
    for (const s of started) if (s.status === 'fulfilled') replicas.push(s.value);
    for (const s of started) {
      if (s.status === 'rejected') throw new Error(`${String(s.reason)}\n--- the other replica:\n${replicas.map((r) => r.child.output()).join('\n')}`, { cause: s.reason });
    }

    const loaded = replicas.filter((r) => /\[start\] loaded \d+ nodes/.test(r.child.output()));
    expect(loaded, replicas.map((r) => r.child.output()).join('\n---\n')).toHaveLength(1);
    expect(await graphCounts(db)).toEqual(single);
    expect(await idsSeenTwice()).toBe(0);
    // The lock leaves nothing behind.
    expect((await db.read('MATCH (l:StartingDataLock) RETURN count(l) AS n'))[0]?.n).toBe(0);
    // Two Node processes compiling TypeScript and starting at once on two cores: allow for it.
  }, 240_000);
});

describe('read-your-writes across replicas', () => {
  it('a write through one replica is read at once through the other with the bookmark it answered', async () => {
    const [a, b] = replicas as [ApiProcess, ApiProcess];
    const dalv = (await db.read('MATCH (e:Enterprise {name: "大吕网络科技"}) RETURN e.id AS id'))[0]?.id as string;
    const write = await gql(url(a), 'mutation($id: ID!) { updateEnterprise(id: $id, input: { nameEn: "Dalu Network Technology (Fuzhou) Co., Ltd." }) { id nameEn } }', { id: dalv }, { headers: editor });
    dataOf(write);
    const bookmark = write.headers.get(HEADER);
    expect(bookmark).toMatch(/^FB:[A-Za-z0-9+/=]+$/);

    const read = await gql(url(b), 'query($id: ID!) { enterprise(id: $id) { nameEn } }', { id: dalv }, { headers: { [HEADER]: bookmark! } });
    expect(dataOf(read).enterprise).toEqual({ nameEn: 'Dalu Network Technology (Fuzhou) Co., Ltd.' });
    // A read hands no bookmark back: the client keeps its write's.
    expect(read.headers.get(HEADER)).toBeNull();
  });

  it('refuses a bad bookmark clearly (400, or 503 within seconds for one never reached), and the replica stays well', async () => {
    const [a, b] = replicas as [ApiProcess, ApiProcess];
    const dalv = (await db.read('MATCH (e:Enterprise {name: "大吕网络科技"}) RETURN e.id AS id'))[0]?.id as string;
    const write = await gql(url(a), 'mutation($id: ID!) { updateEnterprise(id: $id, input: { nameEn: "Dalü Network Technology" }) { id } }', { id: dalv }, { headers: editor });
    const real = write.headers.get(HEADER) ?? '';
    expect(real).toMatch(/^FB:/);
    const cases: Array<[string, string, number]> = [
      ['not a bookmark', 'DROP DATABASE neo4j;', 400],
      ['too many', Array.from({ length: 9 }, () => real).join(', '), 400],
      ['too long', `FB:${'A'.repeat(8000)}`, 400],
      ['unreadable by Neo4j', 'FB:AAAAAAAAAAAAAAAAAAAAAA', 400],
      ['never reached', futureBookmark(real), 503],
    ];
    for (const [what, value, status] of cases) {
      const t0 = Date.now();
      const r = await gql(url(b), '{ anchors { id } }', {}, { headers: { [HEADER]: value } });
      expect(r.status, `${what}: ${r.text}`).toBe(status);
      expect(r.body?.errors?.[0]?.extensions).toMatchObject({ code: status === 400 ? 'BAD_REQUEST' : 'DATABASE_UNAVAILABLE', header: 'X-Neo4j-Bookmark' });
      expect(leaks(r.text, [value]), what).toEqual([]);
      expect(Date.now() - t0, what).toBeLessThan(10_000);
    }
    // The refusals opened no circuit: the replica answers at once without the header.
    expect((await fetch(at(b.url, '/readyz'))).status).toBe(200);
    expect(dataOf(await gql(url(b), '{ anchors { id } }')).anchors).not.toHaveLength(0);
  });
});

describe("a replica's read cache and another replica's writes", () => {
  it('a cached overview is read again after a write through another replica, with or without its bookmark', async () => {
    const [a] = replicas as [ApiProcess];
    // This replica in-process, on its own driver, so its database reads can be counted.
    inProcessDb = testDb();
    inProcess = await startServer({ db: inProcessDb, port: 0, env: { ...REL_ENV, ...REPLICA_ENV }, log: () => {} });
    let graphReads = 0;
    inProcessDb.onQuery((e) => {
      if (e.mode === 'READ' && e.cypher.includes('RETURN collect(e) AS ns')) graphReads += 1;
    });
    const b = at(inProcess.url, '/graphql');
    const dalv = (await db.read('MATCH (e:Enterprise {name: "大吕网络科技"}) RETURN e.id AS id'))[0]?.id as string;
    type Graph = { nodes: Array<{ id: string; label: string }> };
    const labelOf = (r: GqlResponse) => (dataOf(r).graph as Graph).nodes.find((n) => n.id === dalv)?.label;

    expect(labelOf(await gql(b, OVERVIEW))).toBe('大吕网络科技');
    expect(labelOf(await gql(b, OVERVIEW))).toBe('大吕网络科技');
    expect(graphReads).toBe(1);

    const write = await gql(url(a), 'mutation($id: ID!) { updateEnterprise(id: $id, input: { name: "大吕网络科技（福州）" }) { id } }', { id: dalv }, { headers: editor });
    dataOf(write);
    const bookmark = write.headers.get(HEADER)!;
    expect(labelOf(await gql(b, OVERVIEW, {}, { headers: { [HEADER]: bookmark } }))).toBe('大吕网络科技（福州）');
    expect(graphReads).toBe(2);
    // Kept again at the new state, for clients with and without the bookmark alike.
    expect(labelOf(await gql(b, OVERVIEW))).toBe('大吕网络科技（福州）');
    expect(labelOf(await gql(b, OVERVIEW, {}, { headers: { [HEADER]: bookmark } }))).toBe('大吕网络科技（福州）');
    expect(graphReads).toBe(2);

    // A second write, read through B without any bookmark: a single server is never behind, so
    // the cache sees the new version at once (in a cluster the bookmark is what guarantees it).
    dataOf(await gql(url(a), 'mutation($id: ID!) { updateEnterprise(id: $id, input: { name: "大吕网络科技" }) { id } }', { id: dalv }, { headers: editor }));
    expect(labelOf(await gql(b, OVERVIEW))).toBe('大吕网络科技');
    expect(graphReads).toBe(3);
  });
});
