// Issue 7 §2 — load. The real server process (tsx api/src/main.ts) on the test Neo4j holding a
// small synthetic district; two consecutive autocannon runs of mixed queries at 32 connections:
// zero failed requests, p99 reported, and no memory growth from the first run to the second.
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import type { Db } from '../../neo4j/src/index.ts';
import { resetDb, testDb } from '../support/testDb.ts';
import { loadSmallDistrict, type KnownIds } from './support/district.ts';
import { startApiProcess, type ApiProcess } from './support/apiProcess.ts';
import { rssMb } from './support/child.ts';
import { graphqlRequests, runLoad, type LoadSummary } from './support/load.ts';
import { readMix } from './support/queryMix.ts';

const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 32);
const DURATION_S = Number(process.env.LOAD_SECONDS ?? 12);
// Peak RSS of the second run may exceed the first's by this much before it counts as growth: GC
// timing alone moves a Node process's RSS by some tens of MB (measured: ±15 MB run to run here).
const GROWTH_TOLERANCE = { ratio: 1.2, mb: 40 };

let db: Db;
let known: KnownIds;
let api: ApiProcess;

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  known = await loadSmallDistrict(db, 3000);
  api = await startApiProcess({ neo4jUri: inject('neo4jUri') });
});

afterAll(async () => {
  api?.child.proc.kill('SIGTERM');
  await api?.child.exited(30_000).catch(() => api.child.proc.kill('SIGKILL'));
  await db?.close();
});

async function measured(): Promise<{ load: LoadSummary; peakRssMb: number; graphqlErrors: number; firstError?: string }> {
  const tally: { graphqlErrors: number; firstError?: string } = { graphqlErrors: 0 };
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, rssMb(api.child.pid));
  }, 200);
  try {
    const load = await runLoad(api.url, graphqlRequests(readMix(known), {}, tally), { connections: CONNECTIONS, durationS: DURATION_S });
    return { load, peakRssMb: Math.max(peak, rssMb(api.child.pid)), ...tally };
  } finally {
    clearInterval(timer);
  }
}

describe('load', () => {
  it('every query of the mix answers without errors on its own', async () => {
    for (const q of readMix(known)) {
      const r = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(q) });
      const body = (await r.json()) as { errors?: unknown[] };
      expect(r.status, JSON.stringify(body).slice(0, 300)).toBe(200);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    }
  });

  it(`${CONNECTIONS} connections × ${DURATION_S} s, twice: zero failed requests, no memory growth`, async () => {
    const first = await measured();
    const second = await measured();
    for (const [i, run] of [first, second].entries()) {
      console.log(
        `[load] run ${i + 1}: ${run.load.requests} requests, ${run.load.rps.toFixed(0)} req/s, p50 ${run.load.p50} ms, p99 ${run.load.p99} ms, ` +
          `non-2xx ${run.load.non2xx}, errors ${run.load.errors}, timeouts ${run.load.timeouts}, peak RSS ${run.peakRssMb.toFixed(0)} MB`,
      );
      expect(run.load.requests).toBeGreaterThan(CONNECTIONS);
      expect({
        non2xx: run.load.non2xx,
        errors: run.load.errors,
        timeouts: run.load.timeouts,
        graphqlErrors: run.graphqlErrors,
        statuses: Object.keys(run.load.statusCodes),
      }, run.firstError).toEqual({ non2xx: 0, errors: 0, timeouts: 0, graphqlErrors: 0, statuses: ['200'] });
    }
    expect(second.peakRssMb).toBeLessThanOrEqual(first.peakRssMb * GROWTH_TOLERANCE.ratio + GROWTH_TOLERANCE.mb);
  }, 120_000);
});
