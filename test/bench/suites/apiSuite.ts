import neo4j from 'neo4j-driver';
import { startServer } from '@cangshan/api';
import { interleave, medianOf } from '../harness/compare.ts';
import { graphqlClient } from '../harness/httpClient.ts';
import { closedLoop, type LoadResult } from '../harness/load.ts';
import { replayRaw, TracingDb } from '../harness/replay.ts';
import { sampleIds } from '../harness/sampleIds.ts';
import { apiShapes } from '../harness/shapes.ts';
import type { Suite } from '../harness/suite.ts';

// Each round of a contender runs until this many ms have passed (at least --api-min-calls calls per
// client, 5 by default), so a 1 s shape and a 3 ms shape both fit the time budget; BENCH_API_REQUESTS
// caps the count. (Measured: 8 calls a round made enterprise(nested) on the 100k district take 220 s.)
const ROUND_MS = 1_000;
// Before the rounds, each side runs alone for this long: the API's path through Express, Apollo
// and graphql-js is far more code than the raw driver's, and V8 had not optimised it after the
// ~120 calls of the two warm-up rounds (a 4 ms search through the API kept getting faster for
// ~2,000 calls when measured alone), which charged JIT warm-up to the API.
const WARM_MS = 3_000;

/**
 * The bench's server settings, with the read cache at its default as `npm start` runs (browser and
 * memory suites). No rate limit, and a per-query deadline far above any wave: the benchmark
 * measures latency under queueing, and 16 concurrent depth-2 circles at 100k queue past the 15 s
 * production deadline on 2 cores (a full run lost circle c=16 to 503s; the deadline itself is
 * tested in test/reliability). Idle keep-alive connections stay open for the whole run: between
 * the rounds of one contender the client's sockets sit idle while the other side runs, and a socket
 * reused just as the server's 5 s keep-alive timer closed it failed with "socket hang up" (circle
 * c=16 lost 1–4 calls a run).
 */
// One client sends every wave (c=16): the per-client limit of expensive requests would measure its
// queue, not the server. The cost limit is raised because the nested suite's largest shapes (1,000
// firms, each with its relation lists) are past the default on purpose: they measure the work.
export const BENCH_SERVER_ENV: Record<string, string> = {
  RATE_LIMIT_PER_MINUTE: '0',
  GRAPHQL_EXPENSIVE_CONCURRENCY: '0',
  GRAPHQL_MAX_COMPLEXITY: '100000000',
  QUERY_TIMEOUT_MS: '300000',
  KEEP_ALIVE_TIMEOUT_MS: '600000',
  // chainGaps of the district runs its statement every time: the suites compare a request with the
  // Cypher it sends; the segment timeline that replaces it after a walk is measured apart
  // (docs/RECRUITMENT.md, "Segment timeline").
  SEGMENT_TIMELINE_MIN_MS: '-1',
};
/**
 * The same with the read cache off: the API and layer suites measure the work a request does, not
 * a memory of an earlier answer.
 */
export const BENCH_API_ENV: Record<string, string> = { ...BENCH_SERVER_ENV, READ_CACHE_ENTRIES: '0' };

/**
 * BENCH_API_ENV with the API's own limits as deployed: the cost limit (GRAPHQL_MAX_COMPLEXITY) and
 * the per-query deadline (QUERY_TIMEOUT_MS) at their defaults. Each shape is sent once through a
 * server with these: a shape the production server would refuse or time out is reported with its
 * error, not hidden behind the bench's raised limits.
 */
export const PRODUCTION_LIMITS_ENV: Record<string, string> = Object.fromEntries(
  Object.entries(BENCH_API_ENV).filter(([k]) => k !== 'GRAPHQL_MAX_COMPLEXITY' && k !== 'QUERY_TIMEOUT_MS'),
);

/** The error code in a GraphQL error body (`"code":"LIMIT_EXCEEDED"`), else the message's start. */
export function errorCode(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  return /"code":"([A-Z_]+)"/.exec(text)?.[1] ?? text.slice(0, 120);
}

/**
 * Each shape through HTTP (our server, in this process) vs the very Cypher that request
 * sent, replayed through the raw driver with the same waves of concurrency — at concurrency 1
 * and 16. The ratio is what HTTP, GraphQL, resolvers and value mapping add.
 */
export const apiSuite: Suite = {
  id: 'api',
  title: 'API overhead: HTTP + GraphQL vs the same Cypher through the raw driver',
  async run({ uri, config, add, log, note }) {
    const db = new TracingDb(neo4j.driver(uri, undefined, { maxConnectionPoolSize: 64 }));
    const server = await startServer({ db, port: 0, env: BENCH_API_ENV });
    const client = graphqlClient(new URL('/graphql', server.url).toString());
    const limited = await startServer({ db, port: 0, env: PRODUCTION_LIMITS_ENV });
    const limitedClient = graphqlClient(new URL('/graphql', limited.url).toString());
    try {
      const ids = await sampleIds(db);
      log(`ids ${JSON.stringify(ids)}`);
      for (const shape of apiShapes(ids)) {
        const body = JSON.stringify({ query: shape.query, variables: shape.variables });
        let plan;
        const t0 = performance.now();
        try {
          plan = await db.capture(() => client.post(body));
        } catch (err) {
          add({ suite: 'api', case: shape.name, metric: 'p50 c=1', unit: 'ms', ours: Number.NaN, baseline: null, note: String(err) });
          note(`api ${shape.name}: ${String(err).slice(0, 200)}`);
          continue;
        }
        let oneCallMs = performance.now() - t0;
        // Once through the production limits (one call, after the plan cache was warmed above).
        const t1 = performance.now();
        try {
          await limitedClient.post(body);
          oneCallMs = Math.min(oneCallMs, performance.now() - t1);
          add({ suite: 'api', case: `${shape.name} (production limits)`, metric: 'one call', unit: 'ms', ours: performance.now() - t1, baseline: null, note: 'answered within the default cost limit and QUERY_TIMEOUT_MS' });
        } catch (err) {
          const code = errorCode(err);
          add({ suite: 'api', case: `${shape.name} (production limits)`, metric: 'one call', unit: 'ms', ours: Number.NaN, baseline: null, note: `refused after ${(performance.now() - t1).toFixed(0)} ms: ${code}` });
          note(`api ${shape.name}: with the API's default limits the call fails (${code}) after ${(performance.now() - t1).toFixed(0)} ms; measured below with the bench's raised limits`);
        }
        const statements = plan.reduce((a, w) => a + w.length, 0);
        log(`${shape.name}: ${statements} statement(s) in ${plan.length} wave(s), one call ${oneCallMs.toFixed(0)} ms`);
        // An empty plan would time the raw side doing nothing: the tracing missed the API's reads.
        if (statements === 0) {
          add({ suite: 'api', case: shape.name, metric: 'p50 c=1', unit: 'ms', ours: Number.NaN, baseline: null, note: 'no statement captured from the API\'s reads (TracingDb)' });
          note(`api ${shape.name}: no statement captured from the API's reads; not timed`);
          continue;
        }
        const sides = [
          { name: 'api', call: () => client.post(body) },
          { name: 'raw', call: () => replayRaw(db, plan) },
        ];
        for (const c of [1, 16]) {
          if (c > 1 && config.apiWaveMaxMs > 0 && oneCallMs > config.apiWaveMaxMs) {
            // A wave of 16 such calls queues for 16× a call on 2 cores, and a comparison runs ~10 waves.
            const why = `not run: one call took ${oneCallMs.toFixed(0)} ms, above --api-wave-max-ms ${config.apiWaveMaxMs}`;
            add({ suite: 'api', case: `${shape.name} c=${c}`, metric: 'p50', unit: 'ms', ours: Number.NaN, baseline: null, note: why });
            note(`api ${shape.name} c=${c}: ${why}`);
            continue;
          }
          const loop = (f: () => Promise<unknown>) => () =>
            closedLoop(f, config.apiRequests * (c === 1 ? 1 : 4), c, { maxMs: ROUND_MS, minCalls: c === 1 ? config.apiMinCalls : c });
          // A call of minutes (district-wide recruitment at 1M) is timed once per side: ~10 calls
          // of each such shape would take most of an hour, and JIT warm-up is nothing beside it.
          const slow = config.apiSlowMs > 0 && oneCallMs > config.apiSlowMs;
          if (slow) note(`api ${shape.name} c=${c}: one call took ${oneCallMs.toFixed(0)} ms, above --api-slow-ms ${config.apiSlowMs}: one timed call per side, no warm-up`);
          else for (const side of sides) await closedLoop(side.call, 5_000, c, { maxMs: WARM_MS, minCalls: c });
          const res = await interleave<LoadResult>(
            sides.map((side) => ({ name: side.name, run: loop(side.call) })),
            slow ? { warmup: 0, rounds: 1 } : { warmup: config.warmup, rounds: config.rounds },
          );
          const fail = [...res.values()].flat().find((r) => r.errors > 0);
          if (fail) throw new Error(`${shape.name} c=${c}: ${fail.errors} failed calls: ${String(fail.firstError)}`);
          const m = (k: 'p50' | 'p99' | 'throughput', who: string): number => medianOf(res.get(who), (r) => r[k]);
          const caseName = `${shape.name} c=${c}`;
          add({ suite: 'api', case: caseName, metric: 'p50', unit: 'ms', ours: m('p50', 'api'), baseline: m('p50', 'raw'), baselineName: 'raw', goal: { on: 'ratio', op: '<=', target: 1.3 } });
          add({ suite: 'api', case: caseName, metric: 'p99', unit: 'ms', ours: m('p99', 'api'), baseline: m('p99', 'raw'), baselineName: 'raw' });
          add({ suite: 'api', case: caseName, metric: 'throughput', unit: 'req/s', ours: m('throughput', 'api'), baseline: m('throughput', 'raw'), baselineName: 'raw' });
        }
      }
    } finally {
      client.close();
      limitedClient.close();
      await limited.close();
      await server.close();
      await db.close();
    }
  },
};
