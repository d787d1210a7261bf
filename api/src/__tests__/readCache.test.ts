// The server's ReadCache against the real Neo4j: the overview graph is read once while nothing
// changes, and a write from anywhere — here raw Cypher on another session, as `npm run seed` or a
// Cypher shell would write — is seen by the very next request; concurrent requests after a write
// share one read; an overview in demand is read again in the background once the write settled.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startHarness, type Harness } from './harness.ts';

const OVERVIEW = '{ graph(limit: 500) { nodes { id label } } }';
type Graph = { nodes: Array<{ id: string; label: string }> };

let h: Harness;
let off: Harness | null = null;
let bg: Harness | null = null;
let graphReads = 0;
let DALV: string;

beforeAll(async () => {
  // Every read worth caching is kept (the article data set answers in milliseconds).
  h = await startHarness({ READ_CACHE_MIN_MS: '0' });
  DALV = (await h.db.read('MATCH (e:Enterprise {name: "大吕网络科技"}) RETURN e.id AS id'))[0]!.id as string;
  h.db.onQuery((e) => {
    if (e.mode === 'READ' && e.cypher.includes('RETURN collect(e) AS ns')) graphReads += 1;
  });
});
afterAll(async () => {
  await h.close();
  await off?.close();
  await bg?.close();
});

const labelOf = (g: Graph) => g.nodes.find((n) => n.id === DALV)?.label;

describe('read cache (real Neo4j)', () => {
  it('answers a repeated overview without reading the graph again', async () => {
    const before = graphReads;
    const a = dataOf(await h.gql(OVERVIEW)).graph as Graph;
    const b = dataOf(await h.gql(OVERVIEW)).graph as Graph;
    expect(b).toEqual(a);
    expect(graphReads - before).toBe(1);
  });

  it('sees a write made outside the API at the next request', async () => {
    await h.gql(OVERVIEW);
    await h.db.write('MATCH (e:Enterprise {id: $id}) SET e.name = $name', { id: DALV, name: '大吕网络科技（改）' });
    try {
      const before = graphReads;
      expect(labelOf(dataOf(await h.gql(OVERVIEW)).graph as Graph)).toBe('大吕网络科技（改）');
      expect(graphReads - before).toBe(1);
    } finally {
      await h.db.write('MATCH (e:Enterprise {id: $id}) SET e.name = $name', { id: DALV, name: '大吕网络科技' });
    }
    expect(labelOf(dataOf(await h.gql(OVERVIEW)).graph as Graph)).toBe('大吕网络科技');
  });

  it('answers concurrent requests after a write with one read of the graph', async () => {
    await h.gql(OVERVIEW);
    await h.db.write('MATCH (e:Enterprise {id: $id}) SET e.name = $name', { id: DALV, name: '大吕网络科技（并发）' });
    try {
      const before = graphReads;
      const answers = await Promise.all(Array.from({ length: 8 }, () => h.gql(OVERVIEW)));
      for (const a of answers) expect(labelOf(dataOf(a).graph as Graph)).toBe('大吕网络科技（并发）');
      expect(graphReads - before).toBe(1);
    } finally {
      await h.db.write('MATCH (e:Enterprise {id: $id}) SET e.name = $name', { id: DALV, name: '大吕网络科技' });
    }
  });

  it('reads an overview in demand again in the background after a write, so the next visitor waits for nothing', async () => {
    bg = await startHarness({ READ_CACHE_MIN_MS: '0', READ_CACHE_REFRESH_MS: '100' });
    let reads = 0;
    bg.db.onQuery((e) => {
      if (e.mode === 'READ' && e.cypher.includes('RETURN collect(e) AS ns')) reads += 1;
    });
    await bg.gql(OVERVIEW);
    await bg.gql(OVERVIEW); // asked again: in demand
    expect(reads).toBe(1);
    await bg.db.write('MATCH (e:Enterprise {id: $id}) SET e.name = $name', { id: DALV, name: '大吕网络科技（后台）' });
    // No request comes; the server notices the write, waits for it to settle, and reads again.
    for (let i = 0; i < 100 && reads < 2; i++) await new Promise((r) => setTimeout(r, 50));
    expect(reads).toBe(2);
    const g = dataOf(await bg.gql(OVERVIEW)).graph as Graph;
    expect(labelOf(g)).toBe('大吕网络科技（后台）');
    expect(reads).toBe(2);
  });

  it('reads every time with READ_CACHE_ENTRIES=0', async () => {
    off = await startHarness({ READ_CACHE_MIN_MS: '0', READ_CACHE_ENTRIES: '0' });
    let reads = 0;
    off.db.onQuery((e) => {
      if (e.cypher.includes('RETURN collect(e) AS ns')) reads += 1;
    });
    await off.gql(OVERVIEW);
    await off.gql(OVERVIEW);
    expect(reads).toBe(2);
  });
});
