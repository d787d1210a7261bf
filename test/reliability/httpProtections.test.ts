// Rate limiting and security headers, present by default and configurable by
// environment (RATE_LIMIT_PER_MINUTE, CONTENT_SECURITY_POLICY, BODY_LIMIT; api/src/config.ts).
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
