// Query cost against the data. One anonymous request of 126 characters —
// chains › segments › enterprises › partners × 5 — kept the API busy for ~107 s and took it to a
// heap out-of-memory on a 20k-firm district, while the old estimate put it at 13,108. Here that
// request and its variants (other nested lists, sizes hidden in variables' defaults, aliases over
// graph fields, fragments hiding the nesting) are refused with LIMIT_EXCEEDED before any database
// read, and every query the web app sends is accepted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@cangshan/neo4j';
import { startServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { loadArticleDataSet } from '@cangshan/seed';
import { REL_ENV } from './support/apiEnv.ts';
import { REPO } from './support/child.ts';
import { errorCodes, gql, leaks, type GqlResponse } from './support/http.ts';

let db: Db;
let server: { url: string; close(): Promise<void> };
let url: string;

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await loadArticleDataSet(db);
  // No background reads: every database read during a request is the request's.
  server = await startServer({ db, port: 0, env: { ...REL_ENV, READ_CACHE_REFRESH_MS: '0' } });
  url = new URL('/graphql', server.url).toString();
});

afterAll(async () => {
  await server?.close();
  await db?.close();
});

/** Sends a request and counts the database reads made while it ran. */
async function send(query: string, variables: Record<string, unknown> = {}): Promise<{ r: GqlResponse; reads: number }> {
  let reads = 0;
  const off = db.onQuery(() => reads++);
  try {
    return { r: await gql(url, query, variables, { timeoutMs: 60_000 }), reads };
  } finally {
    off();
  }
}

async function expectRefused(query: string, variables: Record<string, unknown> = {}): Promise<void> {
  const { r, reads } = await send(query, variables);
  const what = `${query.slice(0, 160)} → ${r.text.slice(0, 300)}`;
  expect(r.status, what).toBe(400);
  expect(errorCodes(r), what).toEqual(['LIMIT_EXCEEDED']);
  const err = r.body!.errors![0]!;
  expect(err.extensions).toMatchObject({ limit: 'GRAPHQL_MAX_COMPLEXITY' });
  // The message gives the cost, the limit, the lists that make it, and what to do.
  expect(err.message).toMatch(/estimated cost is [\d,]+; the limit GRAPHQL_MAX_COMPLEXITY is [\d,]+\. Most of it comes from \S+/);
  expect(err.message).toMatch(/`first` or `limit`/);
  expect(leaks(r.text)).toEqual([]);
  expect(reads, `${what}: read the database`).toBe(0);
}

const CRASH = '{ chains { segments { enterprises { id partners { id partners { id partners { id partners { id partners { id } } } } } } } } }';

describe('cost limits', () => {
  it('refuses the one-request crash before any database read, naming the lists that make it', async () => {
    expect(CRASH.length).toBe(126);
    await expectRefused(CRASH);
    const { r } = await send(CRASH);
    expect(r.body!.errors![0]!.message).toContain('chains ×10 › segments ×10 › enterprises ×100 › partners ×100');
  });

  it('refuses the same fan-out through the other nested lists', async () => {
    for (const q of [
      '{ anchors { attracted { id attracted { id attracted { id upstream { id } } } } } }',
      '{ chains { segments { enterprises { upstream { id downstream { id upstream { id } } } } } } }',
      '{ enterprises(first: 1000) { nodes { units { id units { id units { id } } } } } }',
      '{ search(query: "头条", limit: 100) { partners { partners { partners { id } } } } }',
      '{ enterprise(id: "toutiao") { partners(first: 1000) { partners(first: 1000) { partners(first: 1000) { id } } } } }',
    ]) {
      await expectRefused(q);
    }
  });

  it('reads sizes from variables and from their default values', async () => {
    const fifty = Array.from({ length: 50 }, (_, i) => `a${i}: graph(limit: $l) { truncated }`).join(' ');
    await expectRefused(`query($l: Int = 20000) { ${fifty} }`);
    await expectRefused(`query($l: Int) { ${fifty} }`, { l: 20000 });
    await expectRefused('query($n: Int = 1000) { enterprise(id: "toutiao") { partners(first: $n) { id partners(first: $n) { id partners(first: $n) { id } } } } }');
    await expectRefused('query($n: Int = 5) { enterprises(first: $n) { nodes { attracted(first: $n) { attracted(first: $n) { attracted(first: $n) { id } } } } } }', { n: 1000 });
  });

  it('counts aliased graph fields each, at what they build, selected or not', async () => {
    await expectRefused('{ a: graph(limit: 20000) { truncated } b: graph(limit: 20000, asOf: "2020") { truncated } c: circle(anchorId: "toutiao", depth: 4) { truncated } }');
    await expectRefused(`{ ${['toutiao', 'fii', 'huawei'].map((a, i) => `c${i}: circle(anchorId: "${a}", depth: 4) { nodes { id } edges { id } }`).join(' ')} }`);
    await expectRefused(`{ ${Array.from({ length: 13 }, (_, i) => `t${i}: recruitmentTargets(asOf: "${2010 + i}", limit: 1) { rank }`).join(' ')} }`);
  });

  it('follows named and inline fragments that hide the nesting', async () => {
    await expectRefused(
      '{ chains { ...C } } fragment C on IndustryChain { segments { ...S } } fragment S on ChainSegment { enterprises { ...P } } fragment P on Enterprise { partners { ...Q } } fragment Q on Enterprise { partners { partners { id } } }',
    );
    await expectRefused('{ chains { ... on IndustryChain { segments { ... { enterprises { ... on Enterprise { partners { ... { partners { partners { id } } } } } } } } } } }');
    await expectRefused('query($l: Int = 20000) { ...G } fragment G on Query { a: graph(limit: $l) { ...N } b: graph(limit: $l, asOf: "2020") { ...N } c: graph(limit: $l, asOf: "2021") { ...N } } fragment N on Graph { nodes { id } }');
  });

  it('accepts every query the web app sends, as it sends them', async () => {
    const docs = webDocuments();
    // The variables the views send (web/src/export/viewQuery.ts: OVERVIEW_LIMIT 5000, CIRCLE_DEPTH 2; App.tsx, SearchBox.tsx, useLeaders.ts, overviewPlan.ts).
    const vars: Record<string, Record<string, unknown>> = {
      Overview: { limit: 5000 },
      Catalogue: {},
      Circle: { anchorId: 'toutiao', depth: 2, asOf: '2019-08' },
      Path: { fromId: 'toutiao', toId: 'dalv', maxLength: 6 },
      Search: { query: '头条', limit: 8 },
      Profile: { id: 'toutiao' },
      Dashboard: { asOf: '2020-03' },
      Probe: {},
      Leaders: { anchorId: 'toutiao', asOf: '2020-03', limit: 15 },
      WhatIf: { ids: ['dalv'], anchorId: 'toutiao', asOf: '2019-01' },
      // The aggregated overview of a large district (web/src/data/overviewPlan.ts) and opening a firm inside its group (App.tsx).
      OverviewSize: {},
      OverviewGroups: { groupBy: 'SEGMENT', filter: null },
      FirmGroup: { id: 'toutiao' },
    };
    expect(Object.keys(docs).sort()).toEqual(Object.keys(vars).sort());
    for (const [name, query] of Object.entries(docs)) {
      const { r } = await send(query, vars[name]);
      expect(r.status, `${name}: ${r.text.slice(0, 300)}`).toBe(200);
      expect(r.body?.errors, `${name}: ${r.text.slice(0, 300)}`).toBeUndefined();
    }
    // "Copy as GraphQL" of a busy view: the overview, three expanded circles, a path and a profile.
    const G = '{ nodes { id label labelEn kind isAnchor synthetic local segmentId segmentName chainId segmentOrder parkId landedOn signedOn sourceKind degree } edges { id source target type label since sourceKind synthetic } }';
    const view = `query CangshanView($asOf: AsOf, $filter: EnterpriseFilter, $limit: Int) { graph(filter: $filter, asOf: $asOf, limit: $limit) ${G}
      ${['toutiao', 'fii', 'huawei'].map((a, i) => `expanded${i}: circle(anchorId: "${a}", depth: 1, asOf: $asOf) ${G}`).join(' ')}
      path(fromId: "toutiao", toId: "dalv") ${G} selected: enterprise(id: "dalv") { id name nameEn landedOn origin park { name } segment { name } sources { kind quote reason } } }`;
    const { r } = await send(view, { asOf: null, filter: null, limit: 5000 });
    expect(r.body?.errors, r.text.slice(0, 300)).toBeUndefined();
  });

  it('pages nested firm lists: `first` defaults to 100, is refused past 1,000, null is the default', async () => {
    const q = 'query($n: Int) { enterprise(id: "toutiao") { attracted(first: $n) { id } } }';
    const all = (await send(q, { n: 1000 })).r;
    const attracted = (all.body?.data as { enterprise: { attracted: unknown[] } }).enterprise.attracted;
    expect(attracted.length).toBeGreaterThan(1);
    const one = (await send(q, { n: 1 })).r.body?.data as { enterprise: { attracted: unknown[] } };
    expect(one.enterprise.attracted).toEqual(attracted.slice(0, 1));
    expect(((await send(q, { n: null })).r.body?.data as { enterprise: { attracted: unknown[] } }).enterprise.attracted).toEqual(attracted);
    const over = (await send(q, { n: 1001 })).r;
    expect(errorCodes(over)).toEqual(['LIMIT_EXCEEDED']);
    expect(over.body!.errors![0]!.extensions).toMatchObject({ argument: 'first', limit: 'MAX_NESTED_FIRST', max: 1000 });
    for (const n of [-1, 2 ** 31 - 1]) {
      const { r } = await send(q, { n });
      expect(r.status, r.text).toBeLessThan(500);
      expect(errorCodes(r).some((c) => c === 'BAD_USER_INPUT' || c === 'LIMIT_EXCEEDED'), r.text).toBe(true);
    }
  });
});

/** The documents of web/src/data/queries.ts and web/src/panels/leaders/leadersQueries.ts, by operation name (as web/codegen.ts finds them). */
function webDocuments(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const file of ['web/src/data/queries.ts', 'web/src/panels/leaders/leadersQueries.ts']) {
    for (const m of readFileSync(path.join(REPO, file), 'utf8').matchAll(/\/\* GraphQL \*\/ `((?:query|mutation) (\w+)[\s\S]*?)`/g)) out[m[2]!] = m[1]!;
  }
  return out;
}
