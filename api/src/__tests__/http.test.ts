// GraphQL over HTTP and the server's protections, in-process through fetch.
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Db, freePort } from '@cangshan/neo4j';
import { startServer } from '../index.ts';
import { dataOf, firstError, startHarness, TEST_ENV, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ BODY_LIMIT: '20kb' });
});
afterAll(() => h.close());

const post = (body: string, headers: Record<string, string> = {}) =>
  fetch(`${h.server.url}graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

describe('GraphQL over HTTP', () => {
  it('passes the graphql-http server audits', async () => {
    const results = await Promise.all(serverAudits({ url: `${h.server.url}graphql`, fetchFn: fetch }).map((a) => a.fn()));
    expect(results.length).toBeGreaterThan(30);
    const failed = results.filter((r) => r.status === 'error');
    const warned = results.filter((r) => r.status === 'warn');
    expect(failed.map((r) => `${r.name}: ${'reason' in r ? r.reason : ''}`)).toEqual([]);
    // Warnings are SHOULD-level recommendations; they are listed in docs/API.md.
    expect(warned.map((r) => r.name)).toEqual([]);
  });

  it('answers GET queries and refuses mutations over GET', async () => {
    const r = await fetch(`${h.server.url}graphql?query=${encodeURIComponent('{ anchors { id } }')}`, { headers: { accept: 'application/json' } });
    expect(r.status).toBe(200);
    expect(((await r.json()) as { data: { anchors: unknown[] } }).data.anchors.length).toBeGreaterThan(0);
    const m = await fetch(`${h.server.url}graphql?query=${encodeURIComponent('mutation { deleteEnterprise(id: "x") }')}`, { headers: { accept: 'application/json' } });
    expect(m.status).toBe(405);
  });

  it('serves GraphiQL (or how to build it) to a browser at GET /graphql', async () => {
    const r = await fetch(`${h.server.url}graphql`, { headers: { accept: 'text/html' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/text\/html/);
    expect(await r.text()).toMatch(/GraphiQL|graphiql/);
  });

  it('says 400 for invalid JSON, 413 for a body over BODY_LIMIT, and keeps serving', async () => {
    const bad = await post('{"query": "{ anchors { id } }"');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('BAD_REQUEST');
    const huge = await post(JSON.stringify({ query: `{ anchors { id } } # ${'x'.repeat(30_000)}` }));
    expect(huge.status).toBe(413);
    expect(((await huge.json()) as { errors: Array<{ extensions: { code: string; limit: string } }> }).errors[0]?.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'BODY_LIMIT' });
    expect(dataOf(await h.gql('{ anchors { id } }')).anchors).toBeTruthy();
  });

  it('sets security headers', async () => {
    const r = await fetch(`${h.server.url}healthz`);
    expect(r.headers.get('x-content-type-options')).toBe('nosniff');
    expect(r.headers.get('x-frame-options')).toBe('DENY');
    expect(r.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(r.headers.get('x-powered-by')).toBeNull();
  });

  it('answers /healthz and /readyz', async () => {
    expect(await (await fetch(`${h.server.url}healthz`)).json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${h.server.url}readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', neo4j: 'up', schema: 'applied' });
  });
});

describe('limits and hostile input', () => {
  it('refuses a query deeper than GRAPHQL_MAX_DEPTH, naming the limit', async () => {
    const deep = `{ enterprises(first: 1) { nodes { ${'attracted { '.repeat(14)} id ${'} '.repeat(14)} } } }`;
    const r = await h.gql(deep);
    expect(r.status).toBe(400);
    expect(firstError(r).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'GRAPHQL_MAX_DEPTH' });
  });

  it('refuses a query costlier than GRAPHQL_MAX_COMPLEXITY, naming the limit', async () => {
    const costly = `{ enterprises(first: 1000) { nodes { id ${'attracted { id upstream { id downstream { id '.repeat(2)} ${'} } } '.repeat(2)} } } }`;
    const r = await h.gql(costly);
    expect(r.status).toBe(400);
    expect(firstError(r).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'GRAPHQL_MAX_COMPLEXITY' });
    const viaVariable = await h.gql('query($n: Int!) { enterprises(first: $n) { nodes { id attracted { id upstream { id downstream { id } } } } } }', { n: 100_000 });
    expect(firstError(viaVariable).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED' });
  });

  it('prices a repeated query by the variables of each request (the estimate is kept per operation and variables)', async () => {
    const q = 'query($n: Int!) { enterprises(first: $n) { nodes { id attracted { id upstream { id } } } } }';
    for (const round of [1, 2]) {
      expect(dataOf(await h.gql(q, { n: 2 })).enterprises, `round ${round}`).toBeTruthy();
      const refused = await h.gql(q, { n: 1000 });
      expect(refused.status, `round ${round}`).toBe(400);
      expect(firstError(refused).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'GRAPHQL_MAX_COMPLEXITY' });
    }
  });

  it('refuses more top-level fields than GRAPHQL_MAX_ROOT_FIELDS (alias amplification)', async () => {
    const many = `{ ${Array.from({ length: 60 }, (_, i) => `a${i}: anchors { id }`).join(' ')} }`;
    const r = await h.gql(many);
    expect(r.status).toBe(400);
    expect(firstError(r).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'GRAPHQL_MAX_ROOT_FIELDS', max: 50 });
    expect(dataOf(await h.gql(`{ ${Array.from({ length: 10 }, (_, i) => `a${i}: anchors { id }`).join(' ')} }`)).a9).toBeTruthy();
  });

  it('refuses a huge page size, naming the argument and the limit', async () => {
    const e = firstError(await h.gql('{ enterprises(first: 5000) { nodes { id } } }'));
    expect(e.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argument: 'first', limit: 'GRAPHQL_MAX_PAGE_SIZE', max: 1000 });
    expect(firstError(await h.gql('{ enterprises(first: -1) { nodes { id } } }')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it('reports wrong argument types as client errors', async () => {
    const lit = await h.gql('{ enterprises(first: "ten") { nodes { id } } }');
    expect(lit.status).toBe(400);
    expect(firstError(lit).extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const variable = await h.gql('query($n: Int!) { enterprises(first: $n) { nodes { id } } }', { n: 'ten' });
    expect(variable.status).toBe(400);
    expect(firstError(variable).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('keeps injection strings inert in every string argument, and the graph unchanged', async () => {
    const count = async () => (await h.db.read('MATCH (n) RETURN count(n) AS n'))[0]?.n;
    const before = await count();
    const evil = '"}) DETACH DELETE n //';
    const calls: Array<[string, Record<string, unknown>]> = [
      ['query($s: ID!) { enterprise(id: $s) { id } }', {}],
      ['query($s: String!) { search(query: $s) { id } }', {}],
      ['query($s: ID!) { circle(anchorId: $s) { nodes { id } } }', {}],
      ['query($s: AsOf) { circle(anchorId: "toutiao", asOf: $s) { nodes { id } } }', {}],
      ['query($s: ID!) { chain(enterpriseId: $s) { nodes { id } } }', {}],
      ['query($s: ID!) { path(fromId: $s, toId: $s) { nodes { id } } }', {}],
      ['query($s: ID) { growth(anchorId: $s) { period } }', {}],
      ['query($s: PeriodStart) { growth(from: $s) { period } }', {}],
      ['query($s: String) { enterprises(after: $s) { nodes { id } } }', {}],
      ['query($s: ID, $t: String) { enterprises(filter: { chainId: $s, segmentId: $s, parkId: $s, anchorId: $s, text: $t }) { nodes { id } } }', { t: evil }],
      ['query($s: PeriodStart) { enterprises(filter: { landedFrom: $s }) { nodes { id } } }', {}],
      ['query($s: AsOf) { graph(asOf: $s) { nodes { id } } }', {}],
      ['query($s: AsOf) { stats(asOf: $s) { enterprises } }', {}],
      ['query($s: ID!) { place(id: $s) { id } project(id: $s) { id } }', {}],
    ];
    for (const [query, extra] of calls) {
      const r = await h.gql(query, { s: evil, ...extra });
      expect(r.status).toBeLessThan(500);
      for (const e of r.body.errors ?? []) {
        expect(['BAD_USER_INPUT', 'NOT_FOUND']).toContain(e.extensions?.code);
        expect(e.message).not.toMatch(/MATCH|Neo4j|at .*\.ts/);
      }
    }
    expect(await count()).toBe(before);
  });
});

describe('the database down', () => {
  it('gives DATABASE_UNAVAILABLE quickly, /readyz 503, and keeps serving', async () => {
    const port = await freePort();
    const dead = Db.open(`bolt://127.0.0.1:${port}`, { config: { connectionAcquisitionTimeout: 2000, connectionTimeout: 1000, maxTransactionRetryTime: 0 } });
    const s = await startServer({ db: dead, port: 0, env: { ...TEST_ENV, QUERY_TIMEOUT_MS: '3000' }, log: () => {} });
    try {
      const t0 = Date.now();
      const r = await fetch(`${s.url}graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ anchors { id } }' }) });
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(r.status).toBe(503);
      const body = (await r.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
      expect(body.errors[0]?.extensions.code).toBe('DATABASE_UNAVAILABLE');
      expect(body.errors[0]?.message).not.toMatch(/ECONNREFUSED|bolt:/);
      const ready = await fetch(`${s.url}readyz`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'not-ready', neo4j: 'down' });
      expect((await fetch(`${s.url}healthz`)).status).toBe(200);
    } finally {
      await s.close();
      await dead.close();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past RATE_LIMIT_PER_MINUTE', async () => {
    const s = await startServer({ db: h.db, port: 0, env: { ...TEST_ENV, RATE_LIMIT_PER_MINUTE: '60' }, log: () => {} });
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) {
        const r = await fetch(`${s.url}graphql?query=${encodeURIComponent('{ __typename }')}`, { headers: { accept: 'application/json' } });
        statuses.push(r.status);
        if (r.status === 429) {
          expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
          expect(((await r.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe('RATE_LIMITED');
        } else await r.text();
      }
      expect(statuses.slice(0, 20).every((x) => x === 200)).toBe(true);
      expect(statuses).toContain(429);
      expect((await fetch(`${s.url}healthz`)).status).toBe(200);
    } finally {
      await s.close();
    }
  });
});
