import os from 'node:os';
import neo4j, { type Driver } from 'neo4j-driver';
import { startServer } from '@cangshan/api';
import { Db, toParams } from '@cangshan/neo4j';
import { interleave, medianOf } from '../harness/compare.ts';
import { graphqlClient } from '../harness/httpClient.ts';
import { closedLoop, type LoadResult } from '../harness/load.ts';
import { sampleIds } from '../harness/sampleIds.ts';
import type { BenchContext, Suite } from '../harness/suite.ts';
import type { Statement } from '../peer/captureDriver.ts';
import { oursOnly } from '../peer/oursOnly.ts';
import { peerParams } from '../peer/peerParams.ts';
import { peerShapes, type GraphQLRequest, type PeerShape } from '../peer/peerShapes.ts';
import { profileStatements } from '../peer/profileStatements.ts';
import { firstDifference } from '../peer/sameAnswer.ts';
import { startLibraryServer, type LibraryServer } from '../peer/startLibraryServer.ts';
import { BENCH_API_ENV } from './apiSuite.ts';

// As in the API suite: a round lasts about ROUND_MS (at least one call per client), each side
// first runs alone for WARM_MS so V8 has optimised both servers' paths before the rounds.
const ROUND_MS = 1_000;
const WARM_MS = 2_000;

/**
 * Our bench server settings (read cache off, no rate limit), and no request log lines: our server
 * writes one synchronous JSON line to stdout per request at LOG_LEVEL info, the library's server
 * none, and thousands of lines would also bury the run's own log.
 */
const PEER_API_ENV: Record<string, string> = { ...BENCH_API_ENV, LOG_LEVEL: 'warn' };

type Client = ReturnType<typeof graphqlClient>;
const bodyOf = (r: GraphQLRequest): string => JSON.stringify({ query: r.query, variables: r.variables });

async function dataOf(client: Client, r: GraphQLRequest): Promise<unknown> {
  const parsed = JSON.parse(await client.post(bodyOf(r))) as { data?: unknown };
  return parsed.data;
}

/** How much an answer holds — the firms it names (objects with an id) and the counts in it: an empty answer would measure nothing. */
function sizeOf(v: unknown): number {
  if (typeof v === 'number') return v;
  if (Array.isArray(v)) return v.reduce((a: number, x) => a + sizeOf(x), 0);
  if (v === null || typeof v !== 'object') return 0;
  const o = v as Record<string, unknown>;
  return ('id' in o ? 1 : 0) + Object.entries(o).reduce((a, [k, x]) => a + (k === 'id' ? 0 : sizeOf(x)), 0);
}

/** The message of a failed call, short: the GraphQL error's own message when the body carried one. */
function reasonOf(err: unknown): string {
  const text = err instanceof Error ? err.message : String(err);
  const m = /"message":"((?:[^"\\]|\\.)*)"/.exec(text);
  return (m?.[1] ?? text).slice(0, 200);
}

/**
 * Both servers answer every shape, mapped onto one form, and must agree before anything is timed:
 * a faster wrong answer is no result. Every disagreement is listed, then the suite fails. A shape
 * the library fails to answer at all (an error, not another answer) is kept, with the reason,
 * and measured on our side alone; the map holds those reasons.
 */
async function checkAnswers(shapes: readonly PeerShape[], ours: Client, library: Client, log: BenchContext['log']): Promise<Map<string, string>> {
  const problems: string[] = [];
  const libraryFails = new Map<string, string>();
  for (const s of shapes) {
    const a = s.normalise.ours(await dataOf(ours, s.ours));
    let b: unknown;
    try {
      b = s.normalise.library(await dataOf(library, s.library));
    } catch (err) {
      libraryFails.set(s.name, reasonOf(err));
      log(`${s.name}: THE LIBRARY FAILS: ${reasonOf(err)}`);
      continue;
    }
    const diff = firstDifference(a, b);
    if (diff) problems.push(`${s.name}: answers differ at ${diff}`);
    else if (sizeOf(a) === 0) problems.push(`${s.name}: both answers are empty, so the shape measures nothing`);
    else log(`${s.name}: same answer (size ${sizeOf(a)}: firms named, or the counts' sum)`);
  }
  if (problems.length > 0) throw new Error(`peer: our API and the library disagree:\n  ${problems.join('\n  ')}`);
  return libraryFails;
}

/** Both servers, their clients, and what the suite needs of them. */
interface Pair {
  ours: Client;
  lib: Client;
  ourDb: Db;
  libraryDriver: Driver;
  library: LibraryServer;
}

/** The Cypher our server sent for one request (every read `Db` ran meanwhile), parameters as the driver takes them. */
async function ourStatements(p: Pair, body: string): Promise<Statement[]> {
  const out: Statement[] = [];
  const off = p.ourDb.onQuery((e) => {
    if (e.mode === 'READ') out.push({ cypher: e.cypher, params: toParams(e.params) as Record<string, unknown> });
  });
  try {
    await p.ours.post(body);
  } finally {
    off();
  }
  return out;
}

/** db hits of one request on each side, and how many statements it took. */
async function measureWork(p: Pair, shape: PeerShape, libraryFails: string | undefined, { add, log }: BenchContext): Promise<void> {
  const oursSent = await ourStatements(p, bodyOf(shape.ours));
  const oursHits = await profileStatements(p.ourDb.driver, oursSent);
  if (libraryFails !== undefined) {
    log(`${shape.name}: db hits ours ${oursHits} in ${oursSent.length} statement(s); the library fails`);
    add({ suite: 'peer', case: caseOf(shape, libraryFails), metric: 'db hits', unit: 'hits', ours: oursHits, baseline: null, note: `library: ${libraryFails}` });
    return;
  }
  const libSent = await p.library.capture(() => p.lib.post(bodyOf(shape.library)));
  const libHits = await profileStatements(p.libraryDriver, libSent);
  log(`${shape.name}: db hits ours ${oursHits} in ${oursSent.length} statement(s), library ${libHits} in ${libSent.length}`);
  const vs = { baselineName: 'library', suite: 'peer', case: shape.name } as const;
  add({ ...vs, metric: 'db hits', unit: 'hits', ours: oursHits, baseline: libHits, goal: { on: 'ratio', op: '<=', target: 1 } });
  add({ ...vs, metric: 'statements', unit: 'per request', ours: oursSent.length, baseline: libSent.length });
}

/** A shape's name in the table, saying so when the library could not answer it. */
const caseOf = (shape: PeerShape, libraryFails: string | undefined): string =>
  libraryFails === undefined ? shape.name : `${shape.name} (library fails: ${/memory/.test(libraryFails) ? 'transaction memory limit' : 'error'}; ours alone)`;

/** Throughput and p50 at concurrency 1 and 16, the two servers interleaved, with the machine's load beside them. */
async function measureTime(p: Pair, shape: PeerShape, libraryFails: string | undefined, { add, config, note }: BenchContext): Promise<void> {
  const [oursBody, libBody] = [bodyOf(shape.ours), bodyOf(shape.library)];
  const sides = [
    { name: 'ours', call: () => p.ours.post(oursBody) },
    ...(libraryFails === undefined ? [{ name: 'library', call: () => p.lib.post(libBody) }] : []),
  ];
  for (const c of [1, 16]) {
    for (const side of sides) await closedLoop(side.call, 5_000, c, { maxMs: WARM_MS, minCalls: c });
    const res = await interleave<LoadResult>(
      sides.map((side) => ({ name: side.name, run: () => closedLoop(side.call, config.apiRequests * (c === 1 ? 1 : 4), c, { maxMs: ROUND_MS, minCalls: c }) })),
      { warmup: config.warmup, rounds: config.rounds },
    );
    const caseName = `${caseOf(shape, libraryFails)} c=${c}`;
    // A side whose calls fail under load cannot look fast: its rows are errors, with the reason.
    const failed = [...res.entries()].map(([who, rounds]) => ({ who, bad: rounds.find((r) => r.errors > 0) })).filter((f) => f.bad);
    if (failed.length > 0) {
      const why = failed.map((f) => `${f.who}: ${f.bad?.errors} failed calls (${reasonOf(f.bad?.firstError)})`).join('; ');
      add({ suite: 'peer', case: caseName, metric: 'throughput', unit: 'req/s', ours: Number.NaN, baseline: null, note: why });
      note(`peer ${caseName}: ${why}`);
      continue;
    }
    const m = (k: 'p50' | 'throughput', who: string): number => medianOf(res.get(who), (r) => r[k]);
    const base = (k: 'p50' | 'throughput'): number | null => (libraryFails === undefined ? m(k, 'library') : null);
    const vs = { suite: 'peer', case: caseName, baselineName: 'library' } as const;
    add({ ...vs, metric: 'throughput', unit: 'req/s', ours: m('throughput', 'ours'), baseline: base('throughput'), ...(libraryFails === undefined ? { goal: { on: 'ratio', op: '>=', target: 1 } } : {}) });
    add({ ...vs, metric: 'p50', unit: 'ms', ours: m('p50', 'ours'), baseline: base('p50') });
    // Other processes on the shared machine move every timing: the load of that minute is printed beside it.
    add({ suite: 'peer', case: vs.case, metric: 'load average, 1 min', unit: 'procs', ours: Math.round((os.loadavg()[0] ?? 0) * 100) / 100, baseline: null });
  }
}

/** The questions only our API answers: our p50 over five calls, no baseline, the reason in the note. */
async function measureOursOnly(p: Pair, { db, add, note }: BenchContext): Promise<void> {
  for (const q of oursOnly(await sampleIds(db))) {
    const call = (): Promise<string> => p.ours.post(bodyOf(q));
    await call();
    const r = await closedLoop(call, 5, 1);
    if (r.errors > 0) throw new Error(`peer ${q.name}: ${String(r.firstError)}`);
    add({ suite: 'peer', case: `ours only: ${q.name}`, metric: 'p50 c=1', unit: 'ms', ours: r.p50, baseline: null, note: `the library cannot express it: ${q.why}` });
  }
  note('peer: "ours only" rows are questions the Neo4j GraphQL Library\'s generated schema cannot ask (why: docs/BENCH.md, "Peer comparison")');
}

/**
 * Our API (HTTP + Express + Apollo + resolvers + our Cypher) against the Neo4j GraphQL Library 7
 * (HTTP + Apollo + its generated Cypher) over the same database, for the questions both can ask
 * (peer/peerShapes.ts): answers checked equal first, then the database work of one request
 * (PROFILE db hits summed over every statement it sent), then throughput and p50 at concurrency 1
 * and 16, interleaved. The questions the library cannot ask are listed with our p50 alone.
 */
export const peerSuite: Suite = {
  id: 'peer',
  title: 'Peer: our API vs the Neo4j GraphQL Library 7, same data, same answers',
  async run(ctx) {
    const ourDb = new Db(neo4j.driver(ctx.uri, undefined, { maxConnectionPoolSize: 64 }));
    const libraryDriver = neo4j.driver(ctx.uri, undefined, { maxConnectionPoolSize: 64 });
    const server = await startServer({ db: ourDb, port: 0, env: PEER_API_ENV });
    const library = await startLibraryServer(libraryDriver);
    const p: Pair = { ours: graphqlClient(new URL('/graphql', server.url).toString()), lib: graphqlClient(library.url), ourDb, libraryDriver, library };
    try {
      const ask = (c: Client) => (query: string, variables: Record<string, unknown> = {}) => dataOf(c, { query, variables });
      const params = await peerParams(ctx.db, ask(p.ours));
      ctx.log(`params ${JSON.stringify(params)}`);
      const shapes = peerShapes(params);
      const libraryFails = await checkAnswers(shapes, p.ours, p.lib, ctx.log);
      for (const [name, why] of libraryFails) ctx.note(`peer ${name}: the library fails to answer (${why}); our side measured alone`);
      for (const shape of shapes) {
        await measureWork(p, shape, libraryFails.get(shape.name), ctx);
        await measureTime(p, shape, libraryFails.get(shape.name), ctx);
      }
      await measureOursOnly(p, ctx);
    } finally {
      p.ours.close();
      p.lib.close();
      await library.close();
      await server.close();
      await ourDb.close();
      await libraryDriver.close();
    }
  },
};
