// No starvation. Our server (in this process, on the test Neo4j holding a generated district)
// under the heaviest graph query it accepts: eight connections of it leave a cheap query within a
// small multiple of its unloaded latency and /healthz answering (answers decoded record by
// record, Db.readStream; at most GRAPHQL_EXPENSIVE_CONCURRENCY of one client's expensive requests
// at once, api/src/http/concurrency.ts); a read abandoned at its deadline ends its transaction in
// Neo4j and decodes nothing more; a client past its share waits, then is refused; above
// MEMORY_GUARD_MB expensive requests are refused with 503 SERVER_BUSY (api/src/http/memoryGuard.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@cangshan/neo4j';
import { startServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { REL_ENV } from './support/apiEnv.ts';
import { loadSmallDistrict } from './support/district.ts';
import { at, errorCodes, gql, type GqlResponse } from './support/http.ts';
import { graphqlRequests, runLoad } from './support/load.ts';
import { percentile, probe } from './support/probe.ts';
import { transactionsRunning } from './support/transactions.ts';

const FIRMS = Number(process.env.STARVE_FIRMS ?? 6000);
const LOAD_S = Number(process.env.STARVE_LOAD_SECONDS ?? 10);
const CONNECTIONS = 8;
/**
 * Under the load, a cheap query's p99 (and /healthz's slowest answer) may take at most this share of
 * the heavy query's median: a starved event loop makes the cheap query wait about as long as the
 * heavy ones (a share near 1). Measured against work done in the same seconds, so a busy machine
 * slows both sides alike (the unloaded p99, a few milliseconds, is too noisy a base: 6× alone,
 * 10.2× with a test suite running beside it).
 */
const MAX_SHARE_OF_HEAVY = 0.1;
/** And against the unloaded p99, as a coarse second bound. */
const MAX_SLOWDOWN = 25;

const ALL_FIELDS =
  'nodes { id label labelEn kind isAnchor synthetic local segmentId segmentName chainId segmentOrder parkId landedOn signedOn sourceKind parentId degree } ' +
  'edges { id source target type label since sourceKind synthetic } truncated totalEnterprises';
const overview = (limit: number): string => `{ graph(limit: ${limit}) { ${ALL_FIELDS} } }`;
const CHEAP = '{ anchors { id } }';
/** What only the overview's Cypher says (graphQuery.ts): its transactions in SHOW TRANSACTIONS. */
const OVERVIEW_MARKER = 'RETURN collect(e) AS ns';

let db: Db;
/** The largest `graph(limit)` the server accepts (its cost limit decides), and its answer's row count. */
let heaviestLimit = 0;
let fullRows = 0;
const servers: { close(): Promise<void> }[] = [];

/** A server on the test Neo4j with these settings. */
async function serve(env: Record<string, string>): Promise<string> {
  const s = await startServer({ db, port: 0, env: { ...REL_ENV, LOG_LEVEL: 'silent', ...env } });
  servers.push(s);
  return s.url;
}

/**
 * Waits until Neo4j runs no overview any more: requests a load test left in progress when its
 * clients hung up are answered to nobody, but their transactions would count in the next test.
 */
async function drained(): Promise<void> {
  while ((await transactionsRunning(db, OVERVIEW_MARKER)).length > 0) await new Promise((resolve) => setTimeout(resolve, 100));
}

const post = (url: string, query: string, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(at(url, '/graphql'), { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await loadSmallDistrict(db, FIRMS);
  const url = await serve({ READ_CACHE_ENTRIES: '0' });
  for (const limit of [20_000, 10_000, 5_000, 3_000, 2_000, 1_000]) {
    const before = db.recordsDecoded;
    const r = await gql(at(url, '/graphql'), overview(limit), {}, { timeoutMs: 120_000 });
    if (r.status === 200 && !r.body?.errors) {
      heaviestLimit = limit;
      fullRows = db.recordsDecoded - before;
      break;
    }
  }
  const g = (await gql(at(url, '/graphql'), overview(heaviestLimit))).body?.data as { graph: { nodes: unknown[]; edges: unknown[] } };
  console.log(`[starve] ${FIRMS} firms; heaviest accepted overview: limit ${heaviestLimit}, ${g.graph.nodes.length} nodes, ${g.graph.edges.length} edges, ${fullRows} rows`);
}, 300_000);

afterAll(async () => {
  for (const s of servers) await s.close();
  await db?.close();
});

describe('no starvation', () => {
  it(`${CONNECTIONS} connections of the heaviest accepted graph query: a cheap query's p99 stays within ${MAX_SHARE_OF_HEAVY}× the heavy query's median, /healthz answers throughout`, async () => {
    expect(heaviestLimit, 'no graph(limit) was accepted').toBeGreaterThan(0);
    // Every request reads: a client that varies its arguments defeats the read cache anyway.
    const url = await serve({ READ_CACHE_ENTRIES: '0' });
    const cheap = (): Promise<Response> => post(url, CHEAP);
    const health = (): Promise<Response> => fetch(at(url, '/healthz'));
    await probe(cheap, { count: 20 }); // warm-up
    const unloaded = await probe(cheap, { count: 100 });
    expect(unloaded.failures).toEqual([]);
    let done = false;
    const load = runLoad(url, graphqlRequests([{ query: overview(heaviestLimit) }]), { connections: CONNECTIONS, durationS: LOAD_S }).finally(() => (done = true));
    const [summary, loaded, healthz] = await Promise.all([load, probe(cheap, { stop: () => done }), probe(health, { stop: () => done, pauseMs: 50 })]);
    await drained();
    const base = percentile(unloaded.ms, 99);
    const p99 = percentile(loaded.ms, 99);
    const healthWorst = percentile(healthz.ms, 100);
    console.log(
      `[starve] heavy: ${summary.requests} answered (${JSON.stringify(summary.statusCodes)}), p50 ${summary.p50} ms; ` +
        `cheap unloaded p50 ${percentile(unloaded.ms, 50).toFixed(1)} p99 ${base.toFixed(1)} ms; loaded (${loaded.ms.length}) p50 ${percentile(loaded.ms, 50).toFixed(1)} p99 ${p99.toFixed(1)} ms ` +
        `(×${(p99 / base).toFixed(1)}, ${(p99 / summary.p50).toFixed(3)} of the heavy median); /healthz ${healthz.ms.length} answers, slowest ${healthWorst.toFixed(1)} ms (×${(healthWorst / base).toFixed(1)})`,
    );
    expect(summary.statusCodes['200'] ?? 0, 'the heavy query was served too').toBeGreaterThan(0);
    expect(loaded.failures).toEqual([]);
    expect(healthz.failures).toEqual([]);
    expect(loaded.ms.length).toBeGreaterThan(10);
    expect(p99 / summary.p50).toBeLessThanOrEqual(MAX_SHARE_OF_HEAVY);
    expect(healthWorst / summary.p50).toBeLessThanOrEqual(MAX_SHARE_OF_HEAVY);
    expect(p99 / base).toBeLessThanOrEqual(MAX_SLOWDOWN);
    expect(healthWorst / base).toBeLessThanOrEqual(MAX_SLOWDOWN);
  }, 180_000);

  it('a read abandoned at its deadline ends its transaction in Neo4j, and nothing it sends afterwards is decoded', async () => {
    await drained();
    const url = await serve({ QUERY_TIMEOUT_MS: '100', READ_CACHE_ENTRIES: '0' });
    const t0 = performance.now();
    const before = db.recordsDecoded;
    const r = await gql(at(url, '/graphql'), overview(heaviestLimit));
    const atAnswer = db.recordsDecoded - before;
    expect(r.status).toBe(503);
    expect(errorCodes(r)).toEqual(['DATABASE_UNAVAILABLE']);
    expect(await transactionsRunning(db, OVERVIEW_MARKER)).toEqual([]);
    // As long again as the answer took, and once more: what Neo4j would still have sent arrives in that time.
    await new Promise((resolve) => setTimeout(resolve, 2 * (performance.now() - t0)));
    expect(await transactionsRunning(db, OVERVIEW_MARKER)).toEqual([]);
    const after = db.recordsDecoded - before;
    console.log(`[starve] abandoned read: ${atAnswer} records decoded at the answer, ${after} after, of ${fullRows}`);
    expect(after).toBe(atAnswer);
    expect(atAnswer).toBeLessThan(fullRows);
    expect((await gql(at(url, '/graphql'), CHEAP)).status).toBe(200);
  }, 60_000);

  it('a client has at most GRAPHQL_EXPENSIVE_CONCURRENCY expensive requests running; more wait their turn, and past its line are refused with RATE_LIMITED and Retry-After', async () => {
    await drained();
    const url = await serve({ READ_CACHE_ENTRIES: '0', TRUST_PROXY: '1', GRAPHQL_EXPENSIVE_CONCURRENCY: '1' });
    const client = (ip: string) => ({ headers: { 'x-forwarded-for': ip }, timeoutMs: 120_000 });
    // Client A and client B ask for overviews of different sizes: SHOW TRANSACTIONS tells them apart by `limit`.
    const limitA = heaviestLimit;
    const limitB = heaviestLimit - 1;
    let watching = true;
    let mostOfA = 0;
    let bBesideA = false;
    const watch = (async () => {
      while (watching) {
        const open = await transactionsRunning(db, OVERVIEW_MARKER);
        const a = open.filter((t) => t.parameters.limit === limitA).length;
        mostOfA = Math.max(mostOfA, a);
        if (a > 0 && open.some((t) => t.parameters.limit === limitB)) bBesideA = true;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    // One running, four waiting (WAITING_PER_SLOT × 1), one more: refused at once.
    const order: Array<'A200' | 'A429' | 'other'> = [];
    const sent = Array.from({ length: 6 }, () =>
      gql(at(url, '/graphql'), overview(limitA), {}, client('10.0.0.1')).then((r) => {
        order.push(r.status === 200 ? 'A200' : r.status === 429 ? 'A429' : 'other');
        return r;
      }),
    );
    const b = gql(at(url, '/graphql'), overview(limitB), {}, client('10.0.0.2'));
    const cheapA = gql(at(url, '/graphql'), CHEAP, {}, client('10.0.0.1'));
    const answers: GqlResponse[] = await Promise.all(sent);
    const [bAnswer, cheapAnswer] = await Promise.all([b, cheapA]);
    watching = false;
    await watch;
    console.log(`[starve] client A's answers in order: ${order.join(' ')}; at most ${mostOfA} of A's running at once; B beside A: ${bBesideA}`);
    const refused = answers.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused[0]!.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(refused[0]!.body?.errors?.[0]?.extensions).toMatchObject({ code: 'RATE_LIMITED', limit: 'GRAPHQL_EXPENSIVE_CONCURRENCY', max: 1 });
    // The one past the line is refused before the first of A's requests is answered: at once, not after a wait.
    expect(order[0]).toBe('A429');
    expect(answers.filter((r) => r.status === 200).length).toBeGreaterThan(0);
    expect(mostOfA).toBe(1);
    // Another client is not held up by A, and A's cheap queries are not limited.
    expect(bAnswer.status).toBe(200);
    expect(bBesideA).toBe(true);
    expect(cheapAnswer.status).toBe(200);
  }, 120_000);

  it('above MEMORY_GUARD_MB, expensive requests get 503 SERVER_BUSY with Retry-After; cheap ones are served', async () => {
    const busy = await serve({ MEMORY_GUARD_MB: '1' });
    const r = await gql(at(busy, '/graphql'), overview(100));
    expect(r.status).toBe(503);
    expect(r.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(r.body?.errors?.[0]?.extensions).toMatchObject({ code: 'SERVER_BUSY' });
    expect(r.body?.errors?.[0]?.message).toContain('MEMORY_GUARD_MB');
    expect((await gql(at(busy, '/graphql'), CHEAP)).status).toBe(200);
    // The default threshold (80 % of the heap limit) serves the same request.
    const normal = await serve({});
    expect((await gql(at(normal, '/graphql'), overview(100))).status).toBe(200);
  }, 60_000);
});
