import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startServer, type RunningServer } from '@cangshan/api';
import type { Db } from '@cangshan/neo4j';
import { graphCounts, resetDb, testDb } from '@cangshan/neo4j/testing';
import { spawnTsx } from '../reliability/support/child.ts';

// A district's own chain (docs/examples/district-chain: a chain, its five segments, HAS_SEGMENT and
// FEEDS, two of them from the curated chains' segments) loaded with `npm run seed` into a
// chains-only database (`npm run seed -- --chains-only`), then read back through the API's `chains`.

const EXAMPLE = 'docs/examples/district-chain';

interface Segment {
  id: string;
  name: string;
  order: number;
  layer: string | null;
  feeds: { id: string }[];
  fedBy: { id: string }[];
}
interface Chain {
  id: string;
  name: string;
  order: number | null;
  segments: Segment[];
}

async function seed(...args: string[]): Promise<{ code: number | string; out: string }> {
  const child = spawnTsx('seed/src/cli/seedCli.ts', args, { NEO4J_URI: inject('neo4jUri') });
  const code = await child.exited(120_000);
  return { code, out: child.output() };
}

let db: Db;
let server: RunningServer | null = null;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await server?.close();
  await db.close();
});

describe('a district’s own chain, imported into a chains-only database', () => {
  it('npm run seed -- --chains-only loads the curated chains alone, and refuses files beside it', async () => {
    await resetDb(db);
    const loaded = await seed('--chains-only');
    expect(loaded.code, loaded.out).toBe(0);
    const counts = await graphCounts(db);
    expect(counts.nodes).toMatchObject({ Chain: 5, Segment: 30, Document: 1 });
    expect(counts.nodes.Enterprise).toBeUndefined();
    expect(counts.rels).toEqual({ HAS_SEGMENT: 30, FEEDS: 45 });

    const both = await seed('--chains-only', EXAMPLE);
    expect(both.code).toBe(2);
    expect(both.out).toMatch(/--chains-only loads the chains alone/);
  }, 120_000);

  it('imports the example and the API lists the new chain with its segments upstream first and its FEEDS', async () => {
    const first = await seed(EXAMPLE);
    expect(first.code, first.out).toBe(0);
    const counts = await graphCounts(db);
    expect(counts.nodes).toMatchObject({ Chain: 6, Segment: 35 });
    expect(counts.rels).toEqual({ HAS_SEGMENT: 35, FEEDS: 51 });

    server = await startServer({ db, port: 0, env: { RATE_LIMIT_PER_MINUTE: '0' }, log: () => {} });
    const r = await fetch(`${server.url}graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ chains { id name order segments { id name order layer feeds { id } fedBy { id } } } }' }),
    });
    const body = (await r.json()) as { data?: { chains: Chain[] }; errors?: unknown[] };
    expect(body.errors).toBeUndefined();
    const chains = body.data?.chains ?? [];
    expect(chains.map((c) => c.id)).toEqual(['chain-ai', 'chain-iiot', 'chain-content', 'chain-supply', 'chain-health', 'chain-nev']);
    const nev = chains.find((c) => c.id === 'chain-nev');
    expect(nev?.name).toBe('新能源汽车产业链');
    expect(nev?.segments.map((s) => [s.id, s.order, s.layer])).toEqual([
      ['seg-nev-materials', 1, '上游'],
      ['seg-nev-cells', 2, '中游'],
      ['seg-nev-drive', 3, '中游'],
      ['seg-nev-vehicles', 4, '下游'],
      ['seg-nev-charging', 5, '下游'],
    ]);
    const seg = (id: string): Segment | undefined => nev?.segments.find((s) => s.id === id);
    const ids = (xs: { id: string }[] | undefined): string[] => (xs ?? []).map((x) => x.id).sort();
    expect(ids(seg('seg-nev-materials')?.feeds)).toEqual(['seg-nev-cells']);
    expect(ids(seg('seg-nev-vehicles')?.fedBy)).toEqual(['seg-iiot-smart-factory', 'seg-nev-cells', 'seg-nev-drive']);
    // The tie into the curated chains reads from both sides.
    expect(ids(seg('seg-nev-drive')?.fedBy)).toEqual(['seg-ai-chips']);
    const chips = chains.find((c) => c.id === 'chain-ai')?.segments.find((s) => s.id === 'seg-ai-chips');
    expect(ids(chips?.feeds)).toContain('seg-nev-drive');

    // A second import of the same files changes nothing.
    const again = await seed(EXAMPLE);
    expect(again.code, again.out).toBe(0);
    expect(again.out).toMatch(/created nodes: 0\n\s*created relations: 0\n\s*updated nodes: 0\n\s*updated relations: 0/);
    expect(await graphCounts(db)).toEqual(counts);
  }, 120_000);

  it('without the curated chains underneath, the same files are refused, naming the row that needs them', async () => {
    await resetDb(db);
    const r = await seed(EXAMPLE);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/relations\.csv.*(row|line) 11.*seg-ai-chips/);
    expect((await graphCounts(db)).nodes).toEqual({});
  }, 120_000);
});
