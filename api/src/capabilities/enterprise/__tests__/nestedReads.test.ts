// Nested firm lists under `enterprise(id)` are read in the firm's own statement (cypher/nestedReads.ts):
// one round-trip however deep, with the same answers as the batched loaders give for the same
// firm reached through `anchors` (which reads each level through the loaders). `enterprises` pages
// read their firms' lists in the page's statement the same way (api/src/__tests__/roundTrips.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startHarness, type Harness } from '../../../__tests__/harness.ts';

let h: Harness;
let TOUTIAO: string;
/** The article's firm that drew in the most firms, and how many. */
let TOP: { id: string; name: string; n: number };

beforeAll(async () => {
  // `anchors` lists up to 100 firms, each list up to 100: past the default cost limit at this depth.
  h = await startHarness({ GRAPHQL_MAX_COMPLEXITY: '100000000' });
  TOUTIAO = (await h.db.read('MATCH (e:Enterprise {name: $name}) RETURN e.id AS id', { name: '今日头条' }))[0]?.id as string;
  TOP = (await h.db.read('MATCH (e:Enterprise)-[:ATTRACTED]->(x) WITH e, count(x) AS n ORDER BY n DESC, e.id LIMIT 1 RETURN e.id AS id, e.name AS name, n'))[0] as typeof TOP;
});
afterAll(() => h.close());

async function counted(query: string, variables: Record<string, unknown>): Promise<{ data: Record<string, unknown>; trips: number }> {
  let trips = 0;
  const off = h.db.onQuery(() => trips++);
  try {
    return { data: dataOf(await h.gql(query, variables)), trips };
  } finally {
    off();
  }
}

const SELECTION = `id name
  attracted { id name landedOn local upstream { id name downstream(first: 3) { id } } }
  early: attracted(asOf: "2019-06", first: 2) { id landedOn }
  attractedBy { id }
  partners { id sourceKind }
  units { id }
  upstream { id } downstream { id park { id } }
  page: attractedConnection(first: 1, sort: [{ field: NAME, direction: DESC }]) { totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } }
  counted: attractedConnection(asOf: "2019-12", where: { landedOn: { gte: "2019" } }) { totalCount }`;

describe('nested lists read in one statement', () => {
  it('answers a firm with lists three levels deep in one round-trip, as the loaders answer it', async () => {
    const one = await counted(`query($id: ID!) { enterprise(id: $id) { ${SELECTION} } }`, { id: TOUTIAO });
    // Through `anchors` the same firm's lists come from the batched loaders, level by level.
    const batched = await counted(`{ anchors { ${SELECTION} } }`, {});
    const viaLoaders = (batched.data.anchors as Array<{ id: string }>).find((n) => n.id === TOUTIAO);
    expect(viaLoaders).toBeDefined();
    expect(one.data.enterprise).toEqual(viaLoaders);
    const firm = one.data.enterprise as { attracted: unknown[]; early: Array<{ landedOn: string }>; downstream: unknown[] };
    expect(firm.attracted.length).toBeGreaterThan(0);
    expect(firm.early.length).toBeLessThanOrEqual(2);
    for (const f of firm.early) expect(f.landedOn <= '2019-06-30').toBe(true);
    // The firm with all its lists in one statement; the parks under `downstream` and the sources'
    // documents are loader reads of their own (not firm lists).
    expect(one.trips).toBeLessThan(batched.trips);
    const listsOnly = await counted(
      `query($id: ID!) { enterprise(id: $id) { id attracted { id upstream(first: 10) { id downstream(first: 10) { id name } } upstreamConnection(first: 2) { totalCount nodes { id } } } upstream { id } downstream { id } attractedConnection(first: 1) { totalCount edges { cursor } } } }`,
      { id: TOUTIAO },
    );
    expect(listsOnly.trips).toBe(1);
    // The page's cursor, from the firm's own statement, pages on through the loader's statement.
    const first = (one.data.enterprise as { page: { edges: Array<{ node: { id: string } }>; pageInfo: { endCursor: string; hasNextPage: boolean } } }).page;
    expect(first.edges).toHaveLength(1);
    const next = dataOf(
      await h.gql('query($id: ID!, $after: String) { enterprise(id: $id) { attractedConnection(first: 5, after: $after, sort: [{ field: NAME, direction: DESC }]) { nodes { id } } } }', {
        id: TOUTIAO,
        after: first.pageInfo.endCursor,
      }),
    );
    const rest = (next.enterprise as { attractedConnection: { nodes: Array<{ id: string }> } }).attractedConnection.nodes;
    expect(rest.map((n) => n.id)).not.toContain(first.edges[0]?.node.id);
    expect(rest.length > 0).toBe(first.pageInfo.hasNextPage);
  });

  it('keeps each alias apart, reads fragments, and reports a bad argument as before', async () => {
    const d = dataOf(
      await h.gql(
        `query($id: ID!) { enterprise(id: $id) { a: attracted(first: 1) { id } b: attracted(first: 2) { ...F } } }
         fragment F on Enterprise { id name }`,
        { id: TOP.id },
      ),
    );
    const e = d.enterprise as { a: Array<{ id: string }>; b: Array<{ id: string; name: string }> };
    expect(e.a).toHaveLength(1);
    expect(TOP.n).toBeGreaterThanOrEqual(2);
    expect(e.b).toHaveLength(2);
    expect(e.b[0]?.id).toBe(e.a[0]?.id);
    expect(typeof e.b[0]?.name).toBe('string');
    const bad = await h.gql('query($id: ID!) { enterprise(id: $id) { attracted(first: -1) { id } } }', { id: TOUTIAO });
    expect(bad.body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
