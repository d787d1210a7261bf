import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '@cangshan/api';
import { Db, freePort, type EmbeddedServer } from '@cangshan/neo4j';
import { bulkImport, provinceChunks } from '@cangshan/seed';

// The API on a bulk-loaded province (docs/DATA-FORMAT.md, "Bulk import"): the GraphQL reads work
// on what neo4j-admin stored, with the schema the bulk path applied (the search's full-text
// indexes, the ranking's range indexes). Its own embedded Neo4j in a temporary folder: a bulk
// import replaces a server's store, never the test run's shared one.
const home = mkdtempSync(path.join(tmpdir(), 'bulk-api-'));
let neo4j: EmbeddedServer | null = null;
let db: Db;
let api: RunningServer;

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const r = await fetch(`${api.url}graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await r.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data ?? {};
}

beforeAll(async () => {
  const chunks = provinceChunks({ districts: 2, enterprisesPerDistrict: 1000, seed: 8 });
  const report = await bulkImport({ home, boltPort: await freePort(), chunks, keepRunning: true, log: () => {} });
  neo4j = report.server;
  if (!neo4j) throw new Error('keepRunning returned no server');
  db = Db.open(neo4j.uri);
  // The ranking reads the whole province's ties; on two busy shared cores it may take longer than the default 15 s.
  api = await startServer({ db, port: 0, env: { RATE_LIMIT_PER_MINUTE: '0', QUERY_TIMEOUT_MS: '120000' }, log: () => {} });
}, 600_000);

afterAll(async () => {
  await api?.close();
  await db?.close();
  await neo4j?.stop();
  rmSync(home, { recursive: true, force: true });
});

describe('the API on a bulk-imported province', () => {
  it('lists and counts the firms of both districts', async () => {
    const data = await gql('{ enterprises(first: 3, filter: { local: true }) { totalCount nodes { id name local } } stats { enterprises outside } }');
    const page = data.enterprises as { totalCount: number; nodes: { id: string; local: boolean }[] };
    expect(page.nodes.map((n) => n.id)).toEqual([expect.stringMatching(/^syn-d01-e/), expect.stringMatching(/^syn-d01-e/), expect.stringMatching(/^syn-d01-e/)]);
    expect(page.totalCount).toBeGreaterThan(500);
    expect(page.totalCount).toBeLessThan(2000);
    const stats = data.stats as { enterprises: number; outside: number };
    expect(stats.enterprises + stats.outside).toBe(2000);
    expect(stats.enterprises).toBe(page.totalCount);
  });

  it('finds a firm of the second district by its name through the full-text search', async () => {
    const [row] = await db.read("MATCH (e:Enterprise {id: 'syn-d02-e0042'}) RETURN e.name AS name");
    const data = await gql('query($q: String!) { search(query: $q, limit: 20) { id } }', { q: String(row?.name) });
    expect((data.search as { id: string }[]).map((e) => e.id)).toContain('syn-d02-e0042');
  });

  it('ranks recruitment targets of a chain as of a date', async () => {
    const data = await gql('{ recruitmentTargets(chainId: "chain-ai", asOf: "2019-06", limit: 5) { enterprise { id local } score } }');
    const targets = data.recruitmentTargets as { enterprise: { id: string }; score: number }[];
    expect(targets).toHaveLength(5);
    for (const t of targets) expect(t.enterprise.id).toMatch(/^syn-d0[12]-e/);
    expect(targets[0]?.score).toBeGreaterThan(0);
  }, 180_000);
});
