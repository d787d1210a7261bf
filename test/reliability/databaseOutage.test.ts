// Database outage. Its own Neo4j (the run's shared one must stay up for the other
// files), reached as NEO4J_URI — a server the API does not own, so it restarts nothing: the API
// serves, Neo4j stops, requests fail fast with DATABASE_UNAVAILABLE (the read path's circuit
// breaker: a fraction of the query deadline, not all of it) and /readyz says 503; Neo4j comes back
// on the same port and data, and the API recovers without a restart. The embedded Neo4j the API
// owns, killed and restarted by its supervisor: neo4jCrash.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from '@cangshan/neo4j';
import { startServer } from '@cangshan/api';
import { startOwnNeo4j, type OwnNeo4j } from './support/ownNeo4j.ts';
import { loadSmallDistrict, type KnownIds } from './support/district.ts';
import { at, errorCodes, gql, leaks } from './support/http.ts';
import { REL_ENV, TOKENS } from './support/apiEnv.ts';

// The API's per-query deadline, at its default. The driver retries a refused connection until
// then, so without the breaker every request during an outage would wait all of it.
const QUERY_TIMEOUT_MS = 15_000;
// The first request during the outage (it finds the database gone: a probe confirms) and /readyz
// must answer within this share of the deadline; once the breaker is open, within FAST.
const FIRST = 0.25;
const FAST = 0.1;
const OUTAGE_ANSWER_MS = QUERY_TIMEOUT_MS * 2;

let own: OwnNeo4j;
let conn: Connection;
let server: { url: string; close(): Promise<void> };
let known: KnownIds;

const QUERY = 'query($id: ID!) { enterprise(id: $id) { id name attracted { id } } }';

beforeAll(async () => {
  own = await startOwnNeo4j();
  known = await loadSmallDistrict(own.db, 300);
  // The API's Db is made the way `npm start` makes it with NEO4J_URI (driver timeouts included).
  conn = await connect({ env: { NEO4J_URI: own.uri }, log: () => {} });
  server = await startServer({ db: conn.db, port: 0, env: { ...REL_ENV, QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS) } });
});

afterAll(async () => {
  await server?.close();
  await conn?.close();
  await own?.dispose();
});

async function timed<T>(f: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const t = performance.now();
  const value = await f();
  return { value, ms: performance.now() - t };
}

describe('database outage', () => {
  it('serves while Neo4j is up', async () => {
    const r = await gql(at(server.url, '/graphql'), QUERY, { id: known.anchors[0] });
    expect(r.status).toBe(200);
    expect((r.body?.data as { enterprise: { id: string } }).enterprise.id).toBe(known.anchors[0]);
    expect((await fetch(at(server.url, '/readyz'))).status).toBe(200);
  });

  it('answers DATABASE_UNAVAILABLE (not a hang, not a crash) and /readyz 503 while Neo4j is down', async () => {
    await own.stop();
    const { value: r, ms } = await timed(() => gql(at(server.url, '/graphql'), QUERY, { id: known.anchors[0] }, { timeoutMs: OUTAGE_ANSWER_MS }));
    console.log(`[outage] first request during the outage answered in ${ms.toFixed(0)} ms: ${r.status} ${errorCodes(r).join(',')}`);
    expect(ms / QUERY_TIMEOUT_MS).toBeLessThan(FIRST);
    expect(r.status).toBe(503);
    expect(errorCodes(r)).toContain('DATABASE_UNAVAILABLE');
    expect(leaks(r.text)).toEqual([]);
    const ready = await timed(() => fetch(at(server.url, '/readyz'), { signal: AbortSignal.timeout(OUTAGE_ANSWER_MS) }));
    expect(ready.value.status).toBe(503);
    expect(ready.ms / QUERY_TIMEOUT_MS).toBeLessThan(FIRST);
    const body = (await ready.value.json()) as Record<string, unknown>;
    expect(JSON.stringify(body)).not.toMatch(/Neo4jError|\n\s+at /);
    // The process still serves what needs no database.
    expect((await fetch(at(server.url, '/healthz'))).status).toBe(200);
    // Several requests at once during the outage: all answer at once, all with the code.
    const many = await timed(() =>
      Promise.all(Array.from({ length: 8 }, () => gql(at(server.url, '/graphql'), '{ anchors { id } }', {}, { timeoutMs: OUTAGE_ANSWER_MS }))),
    );
    console.log(`[outage] eight requests at once answered in ${many.ms.toFixed(0)} ms`);
    for (const m of many.value) expect(errorCodes(m)).toContain('DATABASE_UNAVAILABLE');
    expect(many.ms / QUERY_TIMEOUT_MS).toBeLessThan(FAST);
    // A write too: refused at once, not after the driver's retries.
    const write = await timed(() =>
      gql(
        at(server.url, '/graphql'),
        'mutation($id: ID!) { deleteRelation(type: PARTNER_OF, fromId: $id, toId: $id) }',
        { id: known.anchors[0] },
        { timeoutMs: OUTAGE_ANSWER_MS, headers: { authorization: `Bearer ${TOKENS.editor}` } },
      ),
    );
    console.log(`[outage] a write during the outage answered in ${write.ms.toFixed(0)} ms: ${write.value.status} ${errorCodes(write.value).join(',')}`);
    expect(errorCodes(write.value)).toContain('DATABASE_UNAVAILABLE');
    expect(write.ms / QUERY_TIMEOUT_MS).toBeLessThan(FAST);
  }, 90_000);

  it('recovers by itself when Neo4j is back on the same port and data', async () => {
    await own.restart();
    const t = performance.now();
    const deadline = Date.now() + 60_000;
    let last = 0;
    while (Date.now() < deadline) {
      last = (await fetch(at(server.url, '/readyz'))).status;
      if (last === 200) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    expect(last).toBe(200);
    console.log(`[outage] /readyz 200 again ${(performance.now() - t).toFixed(0)} ms after Neo4j was back`);
    const r = await gql(at(server.url, '/graphql'), QUERY, { id: known.anchors[0] });
    expect(r.status).toBe(200);
    expect((r.body?.data as { enterprise: { id: string } }).enterprise.id).toBe(known.anchors[0]);
  }, 240_000);
});
