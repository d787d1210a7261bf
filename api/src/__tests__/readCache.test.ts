// The server's ReadCache against the real Neo4j: the overview graph is read once while nothing
// changes, and a write from anywhere — here raw Cypher on another session, as `npm run seed` or a
// Cypher shell would write — is seen by the very next request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startHarness, type Harness } from './harness.ts';

const OVERVIEW = '{ graph(limit: 500) { nodes { id label } } }';
type Graph = { nodes: Array<{ id: string; label: string }> };

let h: Harness;
let off: Harness | null = null;
let graphReads = 0;
let DALV: string;

beforeAll(async () => {
  // Every read worth caching is kept (the article data set answers in milliseconds).
  h = await startHarness({ READ_CACHE_MIN_MS: '0' });
  DALV = (await h.db.read('MATCH (e:Enterprise {name: "大吕网络科技"}) RETURN e.id AS id'))[0]!.id as string;
  h.db.onQuery((e) => {
    if (e.mode === 'READ' && e.cypher.includes('matched[..$limit]')) graphReads += 1;
  });
});
afterAll(async () => {
  await h.close();
  await off?.close();
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

  it('reads every time with READ_CACHE_ENTRIES=0', async () => {
    off = await startHarness({ READ_CACHE_MIN_MS: '0', READ_CACHE_ENTRIES: '0' });
    let reads = 0;
    off.db.onQuery((e) => {
      if (e.cypher.includes('matched[..$limit]')) reads += 1;
    });
    await off.gql(OVERVIEW);
    await off.gql(OVERVIEW);
    expect(reads).toBe(2);
  });
});
