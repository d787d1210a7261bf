import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readConfig } from '@cangshan/api';
import type { Db } from '@cangshan/neo4j';
import { graphCounts, resetDb, testDb } from '@cangshan/neo4j/testing';
import { CATALOGUE_QUERY, OVERVIEW_QUERY } from '@cangshan/web/bench';
import { startApiProcess, type ApiProcess } from '../reliability/support/apiProcess.ts';

// A district that is not Cangshan starts on the curated chains alone: the real entry point
// (api/src/main.ts, what `npm start` runs) on an emptied test database with SEED_DATA=chains must
// load the chains and segments and no firm of the article; with the default it loads the article.

interface Gql {
  data?: Record<string, unknown> | null;
  errors?: { message: string }[];
}

async function gql(api: ApiProcess, query: string, variables: Record<string, unknown> = {}): Promise<Gql> {
  const r = await fetch(`${api.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  return (await r.json()) as Gql;
}

async function stop(api: ApiProcess): Promise<void> {
  api.child.proc.kill('SIGTERM');
  expect(await api.child.exited(30_000)).toBe(0);
}

const start = (env: Record<string, string>): Promise<ApiProcess> => startApiProcess({ neo4jUri: inject('neo4jUri'), env: { WARM_PLANS: 'false', ...env } });

let db: Db;
beforeAll(() => {
  db = testDb();
});
afterAll(async () => {
  await db.close();
});

describe('SEED_DATA', () => {
  it('is article by default, chains on request, and nothing else', () => {
    expect(readConfig({}).seedData).toBe('article');
    expect(readConfig({ SEED_DATA: 'chains' }).seedData).toBe('chains');
    expect(() => readConfig({ SEED_DATA: 'firms' })).toThrow(/SEED_DATA must be one of article, chains \(got "firms"\)/);
  });
});

describe('npm start with SEED_DATA=chains on an empty graph', () => {
  it('loads the curated chains and segments, the Document their quotes cite, and no firm', async () => {
    await resetDb(db);
    const api = await start({ SEED_DATA: 'chains' });
    try {
      expect(api.child.output()).toMatch(/empty graph: loading the curated chains and segments only/);
      const counts = await graphCounts(db);
      expect(counts.nodes).toMatchObject({ Chain: 5, Segment: 30, Document: 1, Entity: 36 });
      for (const label of ['Enterprise', 'Project', 'Place', 'Mechanism', 'Indicator']) expect(counts.nodes[label], label).toBeUndefined();
      expect(counts.rels).toEqual({ HAS_SEGMENT: 30, FEEDS: 45 });

      const chains = await gql(api, '{ chains { id segments { id order feeds { id } } } enterprises(first: 5) { totalCount } }');
      expect(chains.errors).toBeUndefined();
      const list = chains.data?.chains as { id: string; segments: { id: string; order: number; feeds: { id: string }[] }[] }[];
      expect(list.map((c) => c.id)).toEqual(['chain-ai', 'chain-iiot', 'chain-content', 'chain-supply', 'chain-health']);
      expect(list.flatMap((c) => c.segments)).toHaveLength(30);
      expect(list.find((c) => c.id === 'chain-content')?.segments.map((s) => s.order)).toEqual([1, 2, 3, 4, 5]);
      expect(chains.data?.enterprises).toEqual({ totalCount: 0 });

      // What the explorer asks for on its first screen answers without errors, and empty.
      const catalogue = await gql(api, CATALOGUE_QUERY);
      expect(catalogue.errors).toBeUndefined();
      expect(catalogue.data).toMatchObject({ anchors: [] });
      const overview = await gql(api, OVERVIEW_QUERY, { limit: 5000 });
      expect(overview.errors).toBeUndefined();
      expect(overview.data?.graph).toMatchObject({ totalEnterprises: 0, nodes: [], edges: [] });
      const dashboard = await gql(api, '{ indicators { id } stats { enterprises anchors byChain { chainId count } } }');
      expect(dashboard.errors).toBeUndefined();
      expect(dashboard.data).toMatchObject({ indicators: [], stats: { enterprises: 0, anchors: 0 } });
    } finally {
      await stop(api);
    }

    // The setting only chooses what an empty graph gets: a start on the chains-only graph with the
    // default loads nothing (the district's own firms are not overlaid with the article's).
    const again = await start({});
    try {
      expect(again.child.output()).not.toMatch(/empty graph/);
      expect((await graphCounts(db)).nodes.Enterprise).toBeUndefined();
    } finally {
      await stop(again);
    }
  }, 180_000);
});

describe('npm start with the default on an empty graph', () => {
  it('still loads the article: its 19 firms, projects, places, indicators and the chains', async () => {
    await resetDb(db);
    const api = await start({});
    try {
      expect(api.child.output()).toMatch(/empty graph: loading the article data set/);
      const counts = await graphCounts(db);
      expect(counts.nodes).toMatchObject({ Enterprise: 19, Project: 8, Place: 9, Indicator: 23, Mechanism: 13, Chain: 5, Segment: 30, Document: 1 });
      const r = await gql(api, '{ enterprise(id: "toutiao") { name segment { id } } }');
      expect(r.data).toEqual({ enterprise: { name: '今日头条', segment: { id: expect.stringMatching(/^seg-/) } } });
    } finally {
      await stop(api);
    }
  }, 180_000);
});
