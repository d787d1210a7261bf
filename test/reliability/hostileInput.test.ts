// Hostile input. Fuzzes every argument of every query and mutation the server
// actually serves (taken from introspection, so a new argument is fuzzed without editing this
// file), and checks the fixed cases: oversize bodies, invalid JSON, too deep, too costly, injection.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getNamedType, isObjectType, type GraphQLSchema } from 'graphql';
import type { Db } from '@cangshan/neo4j';
import { startServer } from '@cangshan/api';
import { graphCounts, resetDb, testDb } from '@cangshan/neo4j/testing';
import { loadSmallDistrict, type KnownIds } from './support/district.ts';
import { arbVariables, fetchSchema, fuzzTargets, INJECTIONS, nestedFuzzTargets, stringsIn, type FuzzTarget } from './support/fuzzSchema.ts';
import { errorCodes, gql, leaks } from './support/http.ts';
import { REL_ENV, TOKENS } from './support/apiEnv.ts';

// Bounded: fast-check's default is 100 runs a property; 2 queries a second per core would make
// that minutes. FUZZ_RUNS raises it for a soak, FUZZ_SEED replays a failure fast-check printed.
const RUNS = Number(process.env.FUZZ_RUNS ?? 20);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

let db: Db;
let server: { url: string; close(): Promise<void> };
let url: string;
let known: KnownIds;
let schema: GraphQLSchema;
let targets: FuzzTarget[];

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  known = await loadSmallDistrict(db, 2000);
  // Every cacheable read kept (READ_CACHE_MIN_MS=0): fuzzed arguments also run the cached path.
  server = await startServer({ db, port: 0, env: { ...REL_ENV, READ_CACHE_MIN_MS: '0' } });
  url = new URL('/graphql', server.url).toString();
  schema = await fetchSchema(url);
  targets = fuzzTargets(schema);
});

afterAll(async () => {
  await server?.close();
  await db?.close();
});

async function fuzz(
  target: FuzzTarget,
  headers: Record<string, string>,
  check: (status: number, vars: Record<string, unknown>) => void,
  fixed: Record<string, unknown> = {},
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(arbVariables(target, { ids: known.all }), async (fuzzed) => {
      const vars = { ...fuzzed, ...fixed };
      const r = await gql(url, target.document, vars, { headers });
      expect(r.status, `${target.field.name}(${JSON.stringify(vars).slice(0, 300)}) → ${r.text.slice(0, 300)}`).not.toBe(500);
      expect(r.status).toBeLessThan(500);
      expect(r.body, `not a JSON body: ${r.text.slice(0, 200)}`).not.toBeNull();
      expect(leaks(r.text, stringsIn(vars)), r.text.slice(0, 800)).toEqual([]);
      check(r.status, vars);
    }),
    { numRuns: RUNS, seed: SEED, endOnFailure: true },
  );
}

describe('hostile input', () => {
  it('serves a schema with queries and mutations to fuzz', () => {
    expect(targets.filter((t) => t.operation === 'query').length).toBeGreaterThanOrEqual(8);
    expect(targets.filter((t) => t.operation === 'mutation').length).toBeGreaterThanOrEqual(1);
  });

  it('every argument of every query: never 500, never leaks Cypher or stacks, never changes the database', async () => {
    const before = await graphCounts(db);
    for (const t of targets.filter((x) => x.operation === 'query')) await fuzz(t, {}, () => {});
    expect(await graphCounts(db)).toEqual(before);
  }, 240_000);

  it('every argument of every nested field of an enterprise (lists, connections, aggregates): never 500, never leaks, never changes the database', async () => {
    const nested = nestedFuzzTargets(schema, 'Enterprise', 'enterprise');
    // The researcher's reads: filters, sorts and pages on nested lists, aggregates over relations.
    expect(nested.map((t) => t.field.name)).toEqual(expect.arrayContaining(['attracted', 'attractedConnection', 'upstreamConnection', 'attractedAggregate']));
    const before = await graphCounts(db);
    for (const t of nested) await fuzz(t, {}, () => {}, { fuzzParent: known.anchors[0] });
    expect(await graphCounts(db)).toEqual(before);
  }, 240_000);

  it('Cypher-injection strings in every string operator of `where` are inert', async () => {
    const before = await graphCounts(db);
    const ops = ['eq', 'contains', 'startsWith', 'endsWith'];
    for (const inj of INJECTIONS) {
      for (const op of ops) {
        const where = { OR: [{ name: { [op]: inj } }, { attractedBySome: { nameEn: { [op]: inj } } }, { segment: { name: { [op]: inj } } }], NOT: { origin: { in: [inj] } } };
        const r = await gql(url, 'query($w: EnterpriseWhere) { enterprises(where: $w, first: 3) { totalCount nodes { id } } enterpriseAggregate(where: $w) { count } }', { w: where });
        expect(r.status, `${op}: ${inj}`).toBeLessThan(500);
        expect(leaks(r.text, stringsIn({ where })), r.text.slice(0, 500)).toEqual([]);
        expect(r.body?.errors ?? [], r.text.slice(0, 500)).toEqual([]);
      }
    }
    expect(await graphCounts(db)).toEqual(before);
    expect(await db.read('MATCH (n) WHERE n.pwned IS NOT NULL RETURN count(n) AS c')).toEqual([{ c: 0 }]);
  }, 120_000);

  it('every mutation without a token is refused and writes nothing', async () => {
    const before = await graphCounts(db);
    for (const t of targets.filter((x) => x.operation === 'mutation')) {
      await fc.assert(
        fc.asyncProperty(arbVariables(t, { ids: known.all }), async (vars) => {
          const r = await gql(url, t.document, vars);
          expect(r.status).toBeLessThan(500);
          expect(leaks(r.text, stringsIn(vars))).toEqual([]);
          // Refused: either rejected before execution (bad variables) or UNAUTHENTICATED; never data.
          const data = (r.body?.data ?? {}) as Record<string, unknown>;
          expect(data[t.field.name] ?? null, r.text.slice(0, 300)).toBeNull();
          expect(r.body?.errors?.length ?? 0).toBeGreaterThan(0);
        }),
        { numRuns: Math.ceil(RUNS / 2), seed: SEED, endOnFailure: true },
      );
    }
    expect(await graphCounts(db)).toEqual(before);
  }, 120_000);

  it('every argument of every mutation with a writer token: never 500, never leaks', async () => {
    for (const t of targets.filter((x) => x.operation === 'mutation')) {
      await fuzz(t, { authorization: `Bearer ${TOKENS.admin}` }, () => {});
    }
  }, 180_000);

  it('Cypher-injection strings in every string argument are inert', async () => {
    const before = await graphCounts(db);
    for (const t of targets.filter((x) => x.operation === 'query')) {
      const stringArgs = t.field.args.filter((a) => ['String', 'ID'].includes(getNamedType(a.type).name));
      for (const a of stringArgs) {
        for (const inj of INJECTIONS) {
          const vars: Record<string, unknown> = Object.fromEntries(t.field.args.map((x) => [x.name, known.anchors[0]]));
          vars[a.name] = inj;
          for (const x of t.field.args) if (getNamedType(x.type).name === 'Int') vars[x.name] = 2;
          for (const x of t.field.args) if (!['String', 'ID', 'Int'].includes(getNamedType(x.type).name)) delete vars[x.name];
          const r = await gql(url, t.document, vars);
          expect(r.status, `${t.field.name}(${a.name}: ${inj})`).toBeLessThan(500);
          expect(leaks(r.text, stringsIn(vars))).toEqual([]);
        }
      }
    }
    expect(await graphCounts(db)).toEqual(before);
    expect(await db.read('MATCH (n) WHERE n.pwned IS NOT NULL RETURN count(n) AS c')).toEqual([{ c: 0 }]);
  }, 180_000);

  it('an oversize body gets 413, and the server keeps serving', async () => {
    const big = 'x'.repeat(3 * 1024 * 1024);
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ search(query: "${big}") { id } }` }),
    });
    expect(res.status).toBe(413);
    const text = await res.text();
    expect(leaks(text)).toEqual([]);
    expect((await gql(url, '{ __typename }')).status).toBe(200);
  });

  it('invalid JSON gets 400 with a clear message', async () => {
    for (const body of ['{"query": "{ __typename }"', 'not json', '{"query": 42}', '[]', '']) {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect(res.status, `body ${JSON.stringify(body)}`).toBe(400);
      const text = await res.text();
      expect(leaks(text)).toEqual([]);
      expect(text.length).toBeGreaterThan(0);
    }
  });

  it('a too-deep query is refused with a code naming the limit', async () => {
    const ent = schema.getType('Enterprise');
    expect(isObjectType(ent)).toBe(true);
    let sel = '{ id }';
    for (let i = 0; i < 40; i++) sel = `{ id attracted ${sel} }`;
    const r = await gql(url, `query Deep($id: ID!) { enterprise(id: $id) ${sel} }`, { id: known.anchors[0] });
    expect(r.status).toBe(400);
    expect(errorCodes(r)).toContain('LIMIT_EXCEEDED');
    expect(JSON.stringify(r.body?.errors)).toMatch(/depth/i);
  });

  it('a too-costly query (huge pages, fan-out) is refused with a code naming the limit', async () => {
    // 1,000 firms × four aliased neighbour lists at each of four levels: on the 100k district this
    // would walk millions of relations, so it must be refused before a resolver runs.
    let sel = '{ id }';
    for (let i = 0; i < 4; i++) sel = `{ id a: attracted ${sel} b: attractedBy ${sel} u: upstream ${sel} d: downstream ${sel} }`;
    const q = `{ enterprises(first: 1000) { totalCount edges { node ${sel} } } }`;
    const r = await gql(url, q);
    expect(r.status).toBe(400);
    expect(errorCodes(r)).toContain('LIMIT_EXCEEDED');
    expect(JSON.stringify(r.body?.errors)).toMatch(/cost|complex/i);
    const huge = await gql(url, '{ enterprises(first: 100000000) { totalCount } }');
    expect(huge.status).toBeLessThan(500);
    expect(errorCodes(huge).some((c) => c === 'LIMIT_EXCEEDED' || c === 'BAD_USER_INPUT')).toBe(true);
  });
});
