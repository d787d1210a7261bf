// Rate limiting, security headers, CORS and what the schema tells strangers: present by default
// and configurable by environment (RATE_LIMIT_PER_MINUTE, TRUST_PROXY, CONTENT_SECURITY_POLICY,
// BODY_LIMIT, CORS_ORIGINS, GRAPHQL_INTROSPECTION, GRAPHQL_SUGGESTIONS; api/src/config.ts).
import { createHash } from 'node:crypto';
import { MemoryStore } from 'express-rate-limit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@cangshan/neo4j';
import { startServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { REL_ENV } from './support/apiEnv.ts';
import { at, errorCodes, gql } from './support/http.ts';

let db: Db;
const servers: { url: string; close(): Promise<void> }[] = [];

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
});

afterAll(async () => {
  for (const s of servers) await s.close();
  await db?.close();
});

async function serve(env: Record<string, string>): Promise<string> {
  const s = await startServer({ db, port: 0, env: { ...REL_ENV, ...env } });
  servers.push(s);
  return s.url;
}

describe('security headers', () => {
  it('are on every response by default: CSP, nosniff, framing, referrer; no X-Powered-By', async () => {
    const base = await serve({});
    for (const res of [
      await fetch(at(base, '/graphql'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' }),
      await fetch(at(base, '/healthz')),
      await fetch(at(base, '/')),
    ]) {
      const h = res.headers;
      expect(h.get('content-security-policy'), res.url).toMatch(/default-src/);
      expect(h.get('x-content-type-options')).toBe('nosniff');
      expect(h.get('content-security-policy')?.includes('frame-ancestors') || h.get('x-frame-options') !== null).toBe(true);
      expect(h.get('referrer-policy')).toBeTruthy();
      expect(h.get('x-powered-by')).toBeNull();
    }
  });

  it('CONTENT_SECURITY_POLICY replaces the policy', async () => {
    const base = await serve({ CONTENT_SECURITY_POLICY: "default-src 'none'; frame-ancestors 'none'" });
    const res = await fetch(at(base, '/healthz'));
    expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
  });
});

describe('rate limiting', () => {
  it('answers 429 RATE_LIMITED with Retry-After past RATE_LIMIT_PER_MINUTE, and keeps health checks open', async () => {
    const base = await serve({ RATE_LIMIT_PER_MINUTE: '20' });
    const statuses: number[] = [];
    let limited: Awaited<ReturnType<typeof gql>> | null = null;
    for (let i = 0; i < 30; i++) {
      const r = await gql(at(base, '/graphql'), '{ __typename }');
      statuses.push(r.status);
      if (r.status === 429) limited ??= r;
    }
    expect(statuses.slice(0, 20).every((s) => s === 200)).toBe(true);
    expect(statuses.slice(20).every((s) => s === 429)).toBe(true);
    expect(limited).not.toBeNull();
    expect(errorCodes(limited!)).toContain('RATE_LIMITED');
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await fetch(at(base, '/healthz'))).status).toBe(200);
  });

  /** Statuses of one request per X-Forwarded-For value, sent as the proxy in front would pass them on. */
  async function fromClients(base: string, forwardedFor: readonly string[]): Promise<number[]> {
    const statuses: number[] = [];
    for (const xff of forwardedFor) statuses.push((await gql(at(base, '/graphql'), '{ __typename }', {}, { headers: { 'x-forwarded-for': xff } })).status);
    return statuses;
  }
  const count = (statuses: number[], status: number): number => statuses.filter((s) => s === status).length;

  it('TRUST_PROXY=1: addresses a client forges in X-Forwarded-For do not escape the limit; the proxy’s entry counts', async () => {
    const base = await serve({ RATE_LIMIT_PER_MINUTE: '20', TRUST_PROXY: '1' });
    // 40 requests from one client, each claiming another address; the proxy appends what it saw.
    const forged = await fromClients(base, Array.from({ length: 40 }, (_, i) => `10.66.${i}.1, 203.0.113.50`));
    expect([count(forged, 200), count(forged, 429)]).toEqual([20, 20]);
    expect(await fromClients(base, ['10.66.0.1, 203.0.113.51'])).toEqual([200]);
  });

  it('IPv6 addresses in one /64 share a count; another /56 has its own', async () => {
    const base = await serve({ RATE_LIMIT_PER_MINUTE: '20', TRUST_PROXY: '1' });
    const oneSubnet = await fromClients(base, Array.from({ length: 30 }, (_, i) => `2001:db8:1:2::${(i + 1).toString(16)}`));
    expect([count(oneSubnet, 200), count(oneSubnet, 429)]).toEqual([20, 10]);
    expect(await fromClients(base, ['2001:db8:1:2:ffff:ffff:ffff:ffff', '2001:db8:2::1'])).toEqual([429, 200]);
  });

  it('50,000 new addresses do not reset a client’s count (each key keeps its own window)', async () => {
    // The limiter's store itself (the server's is express-rate-limit's MemoryStore): 50,000 requests
    // over HTTP would take most of a minute. api/src/http/__tests__/rateLimit.test.ts runs the same
    // flood through the limiter's middleware.
    const store = new MemoryStore();
    store.init({ windowMs: 60_000 } as Parameters<MemoryStore['init']>[0]);
    try {
      for (let i = 0; i < 19; i++) await store.increment('203.0.113.7');
      for (let i = 0; i < 50_001; i++) await store.increment(`198.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
      expect((await store.increment('203.0.113.7')).totalHits).toBe(20);
    } finally {
      store.shutdown();
    }
  });

  it('RATE_LIMIT_PER_MINUTE=0 turns it off', async () => {
    const base = await serve({ RATE_LIMIT_PER_MINUTE: '0' });
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await gql(at(base, '/graphql'), '{ __typename }')).status);
    expect(new Set(statuses)).toEqual(new Set([200]));
  });
});

describe('body limit', () => {
  it('BODY_LIMIT is configurable: a body above it gets 413', async () => {
    const base = await serve({ BODY_LIMIT: '2kb' });
    const small = await gql(at(base, '/graphql'), '{ __typename }');
    expect(small.status).toBe(200);
    const res = await fetch(at(base, '/graphql'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ __typename } # ${'x'.repeat(4096)}` }),
    });
    expect(res.status).toBe(413);
  });
});

describe('CORS', () => {
  const preflight = (base: string, origin: string) =>
    fetch(at(base, '/graphql'), { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });

  it('is off by default: no Access-Control headers for another origin', async () => {
    const base = await serve({});
    const res = await fetch(at(base, '/graphql'), { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://notebooks.example.org' }, body: '{"query":"{ __typename }"}' });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect((await preflight(base, 'https://notebooks.example.org')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('CORS_ORIGINS allows the origins it lists, preflight included, and no other', async () => {
    const base = await serve({ CORS_ORIGINS: 'https://notebooks.example.org' });
    const ok = await preflight(base, 'https://notebooks.example.org');
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe('https://notebooks.example.org');
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/Authorization/i);
    const res = await fetch(at(base, '/graphql'), { method: 'POST', headers: { 'content-type': 'application/json', origin: 'https://notebooks.example.org' }, body: '{"query":"{ __typename }"}' });
    expect(res.headers.get('access-control-allow-origin')).toBe('https://notebooks.example.org');
    expect(res.headers.get('vary')).toMatch(/Origin/i);
    expect((await preflight(base, 'https://evil.example.com')).headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('what the schema tells strangers', () => {
  const INTROSPECT = '{ __schema { queryType { name } } }';
  const TYPO = '{ enterprize(id: "x") { id } }';
  const ENUM_TYPO = ['query($t: [RelationType!]) { path(fromId: "a", toId: "b", via: $t) { nodes { id } } }', { t: ['SUPPLY'] }] as const;

  it('by default: introspection is answered and errors suggest names', async () => {
    const base = await serve({});
    expect((await gql(at(base, '/graphql'), INTROSPECT)).body?.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    expect((await gql(at(base, '/graphql'), TYPO)).body?.errors?.[0]?.message).toMatch(/Did you mean "enterprise"/);
    expect((await gql(at(base, '/graphql'), ...ENUM_TYPO)).body?.errors?.[0]?.message).toMatch(/Did you mean the enum value "SUPPLIES"/);
  });

  it('GRAPHQL_INTROSPECTION=false and GRAPHQL_SUGGESTIONS=false turn both off', async () => {
    const base = await serve({ GRAPHQL_INTROSPECTION: 'false', GRAPHQL_SUGGESTIONS: 'false' });
    const intro = await gql(at(base, '/graphql'), INTROSPECT);
    expect(intro.body?.data).toBeUndefined();
    expect(intro.body?.errors?.[0]?.message).toMatch(/GRAPHQL_INTROSPECTION=false/);
    expect((await gql(at(base, '/graphql'), '{ __typename }')).body?.data).toEqual({ __typename: 'Query' });
    const typo = await gql(at(base, '/graphql'), TYPO);
    expect(typo.body?.errors?.[0]?.message).toBe('Cannot query field "enterprize" on type "Query".');
    expect((await gql(at(base, '/graphql'), ...ENUM_TYPO)).body?.errors?.[0]?.message).toMatch(/^Variable "\$t" got invalid value "SUPPLY".*does not exist in "RelationType" enum\.$/);
  });

  it('persisted queries answer with Apollo’s codes', async () => {
    const base = await serve({});
    const post = async (body: unknown) => (await fetch(at(base, '/graphql'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json() as Promise<{ data?: unknown; errors?: { extensions?: { code?: string } }[] }>;
    const query = '{ __typename }';
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const apq = (hash: string) => ({ persistedQuery: { version: 1, sha256Hash: hash } });
    expect((await post({ extensions: apq(sha256Hash) })).errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post({ query, extensions: apq(sha256Hash) })).data).toEqual({ __typename: 'Query' });
    expect((await post({ extensions: apq(sha256Hash) })).data).toEqual({ __typename: 'Query' });
    expect((await post({ query, extensions: apq('0'.repeat(64)) })).errors?.[0]?.extensions?.code).toBe('BAD_REQUEST');
  });
});
