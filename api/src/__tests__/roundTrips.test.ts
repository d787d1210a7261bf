// No N+1: the Cypher round-trips of a nested query do not grow with the number of
// enterprises. Counted with Db.onQuery (every round-trip is reported), for N = 10 and N = 100.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startHarness, type Harness } from './harness.ts';

let h: Harness;

beforeAll(async () => {
  h = await startHarness({}, { load: false });
  // A fixture in the model's shape: 120 firms, each drawn in by one of 4 anchors, each supplying
  // the next, each in a park and a segment, each citing a document.
  await h.db.write(
    `CREATE (:Entity:Document {id: 'doc-rt', title: 'fixture', publisher: 'test', publishedOn: '2020-04-20'})
     CREATE (:Entity:Place {id: 'park-rt', name: '园区', kind: 'park'})
     CREATE (:Entity:Chain {id: 'chain-rt', name: '链', order: 1})-[:HAS_SEGMENT]->(:Entity:Segment {id: 'seg-rt', name: '环节', chainId: 'chain-rt', order: 1})
     WITH 1 AS one
     UNWIND range(1, 120) AS i
     CREATE (:Entity:Enterprise {id: 'rt-' + right('000' + toString(i), 3), name: '企业' + toString(i), isAnchor: i <= 4, synthetic: true, local: true,
       landedOn: '2019-' + right('0' + toString(1 + i % 12), 2), sourceKind: 'SYNTHETIC', quotes: [], docId: 'doc-rt', aliases: []})`,
  );
  await h.db.write(
    `MATCH (e:Enterprise) WHERE NOT e.isAnchor
     WITH e, toInteger(right(e.id, 3)) AS i
     MATCH (a:Enterprise {id: 'rt-00' + toString(1 + i % 4)})
     MATCH (p:Place {id: 'park-rt'}), (s:Segment {id: 'seg-rt'})
     CREATE (a)-[:ATTRACTED {since: e.landedOn}]->(e), (e)-[:LOCATED_IN]->(p), (e)-[:IN_SEGMENT]->(s)
     WITH e, i
     MATCH (n:Enterprise {id: 'rt-' + right('000' + toString(i + 1), 3)})
     CREATE (e)-[:SUPPLIES {since: '2019'}]->(n)`,
  );
});
afterAll(() => h.close());

const NESTED = `query($n: Int!) { enterprises(first: $n, filter: { isAnchor: false }) { totalCount nodes {
  id name park { id name } segment { id chain { id } } sources { kind title }
  attractedBy { id name attracted(asOf: "2019-06") { id } }
  upstream(first: 10) { id downstream(first: 10) { id park { id } } }
  downstream(first: 10) { id upstream(first: 10) { id } }
} } }`;

async function roundTrips(n: number): Promise<{ trips: number; nodes: number }> {
  let trips = 0;
  const off = h.db.onQuery(() => trips++);
  try {
    const d = dataOf(await h.gql(NESTED, { n }));
    return { trips, nodes: (d.enterprises as { nodes: unknown[] }).nodes.length };
  } finally {
    off();
  }
}

describe('nested reads are batched', () => {
  it('uses as many round-trips for 100 enterprises as for 10', async () => {
    const small = await roundTrips(10);
    const large = await roundTrips(100);
    expect(small.nodes).toBe(10);
    expect(large.nodes).toBe(100);
    expect(large.trips).toBe(small.trips);
    // One per field kind and level: the page, then park, segment, sources' document, attractedBy,
    // upstream, downstream, then chain, attracted, downstream, upstream, then park: 10 today.
    expect(large.trips).toBeLessThanOrEqual(14);
  });
});

describe('nested lists under a page', () => {
  it('are read in the page’s statement, and are the lists the batched loaders give', async () => {
    const lists = `id name upstream(first: 10) { id name downstream(first: 5) { id } } downstream { id }
      attracted(asOf: "2019-06") { id landedOn } attractedBy { id } partners { id } units { id } a2: attracted(first: 7) { id }`;
    const statements: string[] = [];
    const off = h.db.onQuery((q) => statements.push(q.cypher));
    let paged: Array<Record<string, unknown>>;
    try {
      paged = (dataOf(await h.gql(`{ enterprises(filter: { isAnchor: true }, first: 50) { nodes { ${lists} } } }`)).enterprises as { nodes: Array<Record<string, unknown>> }).nodes;
    } finally {
      off();
    }
    // One statement for the page and every list under it, at every level.
    expect(statements).toHaveLength(1);
    // `anchors` leaves its lists to the batched loaders (one statement per list and level).
    const loaded = dataOf(await h.gql(`{ anchors { ${lists} } }`)).anchors as Array<Record<string, unknown>>;
    const byId = (xs: Array<Record<string, unknown>>) => [...xs].sort((a, b) => String(a.id).localeCompare(String(b.id)));
    expect(paged).toHaveLength(4);
    expect(byId(paged)).toEqual(byId(loaded));
    // Not an empty comparison: 29–30 attracted firms each, 7 of them under the alias, fewer as of 2019-06.
    expect(paged.every((e) => (e.a2 as unknown[]).length === 7 && (e.attracted as unknown[]).length < 29)).toBe(true);
    expect(paged.reduce((a, e) => a + (e.attracted as unknown[]).length, 0)).toBeGreaterThan(20);
  });
});
