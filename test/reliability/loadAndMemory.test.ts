// Load. Our server (in this process, so its heap can be measured after a forced GC)
// on the test Neo4j holding a small synthetic district; a warm-up and then two consecutive
// autocannon runs of mixed queries at 32 connections: zero failed requests, p99 reported, and no
// heap growth across consecutive runs. The mixed runs serve only a few hundred requests each (the
// graph queries take ~1 s under load), too few for a leak to stand out of the heap's noise, so a
// second check sends fixed counts of the quick queries and bounds the heap kept per request.
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@cangshan/neo4j';
import { startServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { loadSmallDistrict, type KnownIds } from './support/district.ts';
import { REL_ENV } from './support/apiEnv.ts';
import { graphqlRequests, runLoad, type LoadSummary } from './support/load.ts';
import { quickMix, readMix } from './support/queryMix.ts';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 32);
const DURATION_S = Number(process.env.LOAD_SECONDS ?? 12);
// Heap after GC may grow this much between two consecutive mixed runs before it counts as growth.
// Measured between identical runs: (+12.2, −9.0), (−1.1, +7.7), (+6.7, +10.8) MB — the driver's pool
// and V8's compiled code still growing under the heavy shapes, not kept requests: each heavy shape
// alone, in fixed counts, kept −0.4…+0.24 KB a request. A leak grows in every run, noise does not:
// it counts only when BOTH intervals of three runs grow past this. This check catches gross leaks
// in the heavy shapes; the quick check below is the sensitive one.
const GROWTH_TOLERANCE_MB = 16;

// The per-request check: rounds of exactly QUICK_REQUESTS quick requests, the heap after a forced
// GC after each, and the heap kept per request as the least-squares slope of heap over requests
// served: a leak adds the same to every round, while a one-off swing of the heap (a cache filling,
// the collector's timing) moves one point and barely tilts the line through all of them. Without
// a leak the slope measured 0.013 and 0.016 KB a request; planted leaks failed it: keeping each
// request's body in a module-level array measured 0.195, keeping the GraphQL context of every
// chain and path request (half the mix) 0.327.
const QUICK_REQUESTS = Number(process.env.LOAD_QUICK_REQUESTS ?? 3000);
const QUICK_ROUNDS = Number(process.env.LOAD_QUICK_ROUNDS ?? 4);
const KEPT_PER_REQUEST_KB = 0.1;

v8.setFlagsFromString('--expose-gc');
const gc = vm.runInNewContext('gc') as () => void;

let db: Db;
let known: KnownIds;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  known = await loadSmallDistrict(db, 3000);
  // The connections stand for as many users, but they share one address, which would make them one
  // client whose expensive requests the per-client limit queues (tested in noStarvation.test.ts).
  server = await startServer({ db, port: 0, env: { ...REL_ENV, GRAPHQL_EXPENSIVE_CONCURRENCY: String(CONNECTIONS) } });
});

afterAll(async () => {
  await server?.close();
  await db?.close();
});

/**
 * The V8 heap after GC: where a leak of JS objects shows. Memory outside it (Buffers) is not
 * counted — measured here it swings by ~20 MB between identical runs (socket and pool buffers),
 * which would hide a leak as well as fake one.
 */
async function heapAfterGcMb(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc();
    await new Promise((r) => setTimeout(r, 100));
  }
  return process.memoryUsage().heapUsed / 2 ** 20;
}

/** The least-squares slope of `ys` over `xs`. */
function slope(xs: number[], ys: number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i]! - mx) * (ys[i]! - my);
    den += (xs[i]! - mx) ** 2;
  }
  return num / den;
}

async function run(durationS: number): Promise<{ load: LoadSummary; heapMb: number; graphqlErrors: number; firstError?: string }> {
  const tally: { graphqlErrors: number; firstError?: string } = { graphqlErrors: 0 };
  const load = await runLoad(server.url, graphqlRequests(readMix(known), {}, tally), { connections: CONNECTIONS, durationS });
  return { load, heapMb: await heapAfterGcMb(), ...tally };
}

describe('load', () => {
  it('every query of the mix answers without errors on its own', async () => {
    for (const q of readMix(known)) {
      const r = await fetch(new URL('/graphql', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(q) });
      const body = (await r.json()) as { errors?: unknown[] };
      expect(r.status, JSON.stringify(body).slice(0, 300)).toBe(200);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    }
  });

  it(`${CONNECTIONS} connections × ${DURATION_S} s, three times: zero failed requests, no heap growth`, async () => {
    await run(3); // warm-up: JIT, plan and document caches, connection pool
    const first = await run(DURATION_S);
    const second = await run(DURATION_S);
    const third = await run(DURATION_S);
    for (const [i, r] of [first, second, third].entries()) {
      console.log(
        `[load] run ${i + 1}: ${r.load.requests} requests, ${r.load.rps.toFixed(0)} req/s, p50 ${r.load.p50} ms, p99 ${r.load.p99} ms, ` +
          `non-2xx ${r.load.non2xx}, errors ${r.load.errors}, timeouts ${r.load.timeouts}, GraphQL errors ${r.graphqlErrors}, ` +
          `heap after GC ${r.heapMb.toFixed(1)} MB, RSS ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`,
      );
      expect(r.load.requests).toBeGreaterThan(CONNECTIONS);
      expect(
        { non2xx: r.load.non2xx, errors: r.load.errors, timeouts: r.load.timeouts, graphqlErrors: r.graphqlErrors, statuses: Object.keys(r.load.statusCodes) },
        r.firstError,
      ).toEqual({ non2xx: 0, errors: 0, timeouts: 0, graphqlErrors: 0, statuses: ['200'] });
    }
    const growth = [second.heapMb - first.heapMb, third.heapMb - second.heapMb];
    console.log(`[load] heap growth between runs: ${growth.map((g) => g.toFixed(1)).join(' MB, ')} MB`);
    expect(Math.min(...growth)).toBeLessThanOrEqual(GROWTH_TOLERANCE_MB);
  }, 180_000);

  it(`quick queries, ${QUICK_ROUNDS} rounds of ${QUICK_REQUESTS} requests: the heap keeps < ${KEPT_PER_REQUEST_KB} KB per request`, async () => {
    const round = async (): Promise<LoadSummary> => {
      const load = await runLoad(server.url, graphqlRequests(quickMix(known)), { connections: CONNECTIONS, amount: QUICK_REQUESTS });
      expect({ non2xx: load.non2xx, errors: load.errors, timeouts: load.timeouts }).toEqual({ non2xx: 0, errors: 0, timeouts: 0 });
      return load;
    };
    // Warm-up: JIT, plan and document caches, connection pool. The heap after GC still grew by
    // ~0.4 MB in each of the two rounds after a first one, then held (±0.15 MB over eight rounds).
    for (let i = 0; i < 3; i++) await round();
    const served = [0];
    const heapMb = [await heapAfterGcMb()];
    for (let i = 0; i < QUICK_ROUNDS; i++) {
      const load = await round();
      served.push(served.at(-1)! + load.requests);
      heapMb.push(await heapAfterGcMb());
    }
    const keptKb = slope(served, heapMb) * 1024;
    console.log(
      `[load] quick rounds: heap after GC ${heapMb.map((h) => h.toFixed(2)).join(', ')} MB after ${served.join(', ')} requests; ` +
        `kept per request ${keptKb.toFixed(3)} KB`,
    );
    expect(keptKb).toBeLessThan(KEPT_PER_REQUEST_KB);
  }, 300_000);
});
