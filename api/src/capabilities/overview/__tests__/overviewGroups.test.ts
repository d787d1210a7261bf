// The aggregated overview on a generated district of 3,000 firms (docs/SYNTHETIC.md), checked
// against the same data read firm by firm through `graph`: each group's count is the number of
// firms `graph` places in it (at a date and with no cut), each pair's weight is the number of
// relations `graph` returns between their firms, and the monthly series replay the counts at any
// month without asking again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSynthetic, importDataSet } from '@cangshan/seed';
import { startServer } from '../../../http/startServer.ts';
import { dataOf, firstError, startHarness, TEST_ENV, type Harness } from '../../../__tests__/harness.ts';

let h: Harness;
beforeAll(async () => {
  // The whole district through `graph` to compare with: past the default cost limit.
  h = await startHarness({ GRAPHQL_MAX_COMPLEXITY: '50000000' }, { load: false });
  await importDataSet(h.db, generateSynthetic({ enterprises: 3000, seed: 42 }));
}, 300_000);
afterAll(() => h.close());

interface Group { id: string | null; name: string | null; count: number; innerTies: number; arrivals: number[]; departures: number[] }
interface Tie { source: string | null; target: string | null; weight: number; byType: Array<{ type: string; weight: number }>; added: number[]; removed: number[] }
interface Overview { groupBy: string; enterprises: number; tieCount: number; months: string[]; groups: Group[]; ties: Tie[] }
interface Node { id: string; segmentId: string | null; parkId: string | null; landedOn: string | null; leftOn: string | null }
interface Edge { source: string; target: string; type: string }

const OVERVIEW = `query($groupBy: OverviewGroupBy, $filter: EnterpriseFilter, $asOf: AsOf) {
  overviewGroups(groupBy: $groupBy, filter: $filter, asOf: $asOf) {
    groupBy enterprises tieCount months
    groups { id name count innerTies arrivals departures }
    ties { source target weight byType { type weight } added removed }
  }
}`;
const GRAPH = `query($filter: EnterpriseFilter, $asOf: AsOf) {
  graph(filter: $filter, asOf: $asOf, limit: 20000) { truncated nodes { id segmentId parkId landedOn leftOn } edges { source target type } }
}`;

async function overview(vars: Record<string, unknown>): Promise<Overview> {
  return dataOf(await h.gql(OVERVIEW, vars)).overviewGroups as Overview;
}
async function graph(vars: Record<string, unknown>): Promise<{ nodes: Node[]; edges: Edge[] }> {
  const g = dataOf(await h.gql(GRAPH, vars)).graph as { truncated: boolean; nodes: Node[]; edges: Edge[] };
  expect(g.truncated).toBe(false);
  return g;
}

/** What `graph` says, grouped by one node field: firms per group, relations per ordered pair of different groups and inside each. */
function direct(g: { nodes: Node[]; edges: Edge[] }, key: 'segmentId' | 'parkId') {
  const groupOf = new Map(g.nodes.map((n) => [n.id, n[key]]));
  const counts = new Map<string | null, number>();
  for (const n of g.nodes) counts.set(n[key], (counts.get(n[key]) ?? 0) + 1);
  const pairs = new Map<string, number>();
  const inner = new Map<string | null, number>();
  for (const e of g.edges) {
    const s = groupOf.get(e.source) ?? null;
    const t = groupOf.get(e.target) ?? null;
    if (s === t) inner.set(s, (inner.get(s) ?? 0) + 1);
    else pairs.set(`${s}>${t}`, (pairs.get(`${s}>${t}`) ?? 0) + 1);
  }
  return { counts, pairs, inner };
}

function asMaps(o: Overview) {
  return {
    counts: new Map(o.groups.filter((g) => g.count > 0).map((g) => [g.id, g.count])),
    pairs: new Map(o.ties.filter((t) => t.weight > 0).map((t) => [`${t.source}>${t.target}`, t.weight])),
    inner: new Map(o.groups.filter((g) => g.innerTies > 0).map((g) => [g.id, g.innerTies])),
  };
}

/** The count at `month` from a series pair: every arrival up to it minus every departure up to it. */
function at(months: string[], up: number[], down: number[], month: string): number {
  let n = 0;
  months.forEach((m, i) => {
    if (m <= month) n += (up[i] ?? 0) - (down[i] ?? 0);
  });
  return n;
}

describe('overviewGroups', () => {
  it('counts each segment firms and the relations between segments as graph returns them, with no cut', async () => {
    const [o, g] = await Promise.all([overview({}), graph({})]);
    expect(o.groupBy).toBe('SEGMENT');
    expect(o.enterprises).toBe(g.nodes.length);
    expect(o.enterprises).toBe(3000);
    const want = direct(g, 'segmentId');
    const got = asMaps(o);
    expect(got.counts).toEqual(want.counts);
    expect(got.pairs).toEqual(want.pairs);
    expect(got.inner).toEqual(want.inner);
    expect(o.tieCount).toBe(g.edges.length);
    expect(o.tieCount).toBe(o.ties.reduce((n, t) => n + t.weight, 0) + o.groups.reduce((n, x) => n + x.innerTies, 0));
    // byType adds up to the weight.
    for (const t of o.ties) expect(t.byType.reduce((s, b) => s + b.weight, 0)).toBe(t.weight);
    // Segments in chain order, named.
    expect(o.groups.filter((x) => x.id !== null).every((x) => x.name)).toBe(true);
  });

  it('counts what counted at a date, and asOf changes the counts', async () => {
    const [early, late] = await Promise.all([overview({ asOf: '2017-06' }), overview({ asOf: '2022-06' })]);
    expect(early.enterprises).toBeGreaterThan(0);
    expect(early.enterprises).toBeLessThan(late.enterprises);
    const g = await graph({ asOf: '2017-06' });
    const want = direct(g, 'segmentId');
    const got = asMaps(early);
    expect(got.counts).toEqual(want.counts);
    expect(got.pairs).toEqual(want.pairs);
    expect(early.tieCount).toBe(g.edges.length);
  });

  it('answers again from the read cache with the same groups, and after a write with the new counts', async () => {
    // A second server on the same database that keeps every read (the harness's keeps only slow ones).
    const server = await startServer({ db: h.db, port: 0, env: { ...TEST_ENV, READ_CACHE_MIN_MS: '0' }, log: () => {} });
    const ask = async (): Promise<Overview> => {
      const r = await fetch(`${server.url}graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: OVERVIEW, variables: { asOf: '2022-06' } }) });
      return ((await r.json()) as { data: { overviewGroups: Overview } }).data.overviewGroups;
    };
    const firm = (await h.db.read('MATCH (e:Enterprise) WHERE e.landedOn IS NULL AND EXISTS { (e)-[:IN_SEGMENT]->() } RETURN e.id AS id ORDER BY id LIMIT 1'))[0]!.id as string;
    try {
      const first = await ask();
      // The second answer comes from the cached rows (and their fold): equal to the first.
      expect(await ask()).toEqual(first);
      await h.db.write("MATCH (e:Enterprise {id: $id}) SET e.landedOn = '2015-03'", { id: firm });
      const after = await ask();
      expect(after.enterprises).toBe(first.enterprises + 1);
    } finally {
      await h.db.write('MATCH (e:Enterprise {id: $id}) SET e.landedOn = null', { id: firm });
      await server.close();
    }
  });

  it('replays any month from the series it sends once', async () => {
    const all = await overview({});
    for (const month of ['2016-01', '2019-11', '2024-12']) {
      const cut = await overview({ asOf: month });
      for (const grp of all.groups) {
        const want = cut.groups.find((x) => x.id === grp.id)?.count ?? 0;
        expect([month, grp.id, at(all.months, grp.arrivals, grp.departures, month)]).toEqual([month, grp.id, want]);
      }
      for (const t of all.ties) {
        const want = cut.ties.find((x) => x.source === t.source && x.target === t.target)?.weight ?? 0;
        expect([month, t.source, t.target, at(all.months, t.added, t.removed, month)]).toEqual([month, t.source, t.target, want]);
      }
    }
    expect(all.months[0]).toMatch(/^\d{4}-01$/);
    for (const grp of all.groups) expect(grp.arrivals).toHaveLength(all.months.length);
  });

  it('groups by park, and a filter keeps the relations whose both firms match', async () => {
    const [o, g] = await Promise.all([overview({ groupBy: 'PARK', asOf: '2021-12' }), graph({ asOf: '2021-12' })]);
    expect(o.groupBy).toBe('PARK');
    const want = direct(g, 'parkId');
    expect(asMaps(o).counts).toEqual(want.counts);
    expect(asMaps(o).pairs).toEqual(want.pairs);
    const seg = o.groups.length > 0 ? (await overview({})).groups.find((x) => x.id !== null)!.id! : '';
    const [fo, fg] = await Promise.all([overview({ groupBy: 'PARK', filter: { segmentId: seg } }), graph({ filter: { segmentId: seg } })]);
    expect(fo.enterprises).toBe(fg.nodes.length);
    expect(fo.tieCount).toBe(fg.edges.length);
    expect(asMaps(fo).pairs).toEqual(direct(fg, 'parkId').pairs);
  });

  it('groups by district: the synthetic district holds every placed firm', async () => {
    const o = await overview({ groupBy: 'DISTRICT' });
    const district = o.groups.find((x) => x.id === 'syn-district');
    expect(district?.count).toBeGreaterThan(2000);
    expect(o.groups.reduce((s, x) => s + x.count, 0)).toBe(3000);
  });

  it('refuses an unknown grouping with the values it takes', async () => {
    const err = firstError(await h.gql('{ overviewGroups(groupBy: CITY) { enterprises } }'));
    expect(err.message).toMatch(/OverviewGroupBy/);
  });
});
