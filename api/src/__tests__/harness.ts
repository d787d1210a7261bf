import { loadArticleDataSet } from '@cangshan/seed';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import { startServer, type RunningServer } from '../index.ts';

export const TOKENS = { admin: 'api-test-admin-token', editor: 'api-test-editor-token', reader: 'api-test-reader-token' } as const;
export const TEST_ENV: Record<string, string> = {
  API_TOKENS: `${TOKENS.admin}:admin,${TOKENS.editor}:editor,${TOKENS.reader}:reader`,
  RATE_LIMIT_PER_MINUTE: '0',
  // Every cacheable read is kept, however fast (the article data answers in milliseconds): so the
  // tests run the cached path — shared, frozen rows — and a resolver that changed them would fail.
  READ_CACHE_MIN_MS: '0',
  // No background reads after writes: round-trip counts must be the requests' own
  // (api/src/__tests__/readCache.test.ts turns the refresh on where it tests it).
  READ_CACHE_REFRESH_MS: '0',
  // No background walk for chainGaps' segment timeline, for the same reason
  // (capabilities/recruitment/__tests__/segmentTimeline.db.test.ts turns it on).
  SEGMENT_TIMELINE_MIN_MS: '-1',
};

export interface GqlResult {
  status: number;
  headers: Headers;
  body: { data?: Record<string, unknown> | null; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

export interface Harness {
  db: Db;
  server: RunningServer;
  gql(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResult>;
  close(): Promise<void>;
}

/** A fresh database with the article data set and the server on a free port, in this process. */
export async function startHarness(env: Record<string, string> = {}, opts: { load?: boolean } = {}): Promise<Harness> {
  const db = testDb();
  await resetDb(db);
  if (opts.load !== false) await loadArticleDataSet(db);
  const server = await startServer({ db, port: 0, env: { ...TEST_ENV, ...env }, log: () => {} });
  return {
    db,
    server,
    async gql(query, variables, headers = {}) {
      const r = await fetch(`${server.url}graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      return { status: r.status, headers: r.headers, body: (await r.json()) as GqlResult['body'] };
    },
    async close() {
      await server.close();
      await db.close();
    },
  };
}

/** The data of a successful response; fails the test with the errors otherwise. */
export function dataOf(r: GqlResult): Record<string, unknown> {
  if (r.body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(r.body.errors)}`);
  return r.body.data ?? {};
}

export function firstError(r: GqlResult): { message: string; extensions?: Record<string, unknown> } {
  const e = r.body.errors?.[0];
  if (!e) throw new Error(`expected an error, got ${JSON.stringify(r.body)}`);
  return e;
}
