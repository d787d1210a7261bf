// Nested connections on a generated district of 600 firms (docs/SYNTHETIC.md), whose lists are
// long, share landing months (ties decided by id) and hold undated firms (nulls last): paged
// through with pages of one or two, with and without asOf, where and sort, each gives every firm
// once in the order the plain list (or the sort) says; the parents of a level share one statement
// however many they are.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSynthetic, importDataSet } from '@cangshan/seed';
import { dataOf, startHarness, type Harness } from '../../../__tests__/harness.ts';

let h: Harness;
beforeAll(async () => {
  // Whole plain lists of every firm in one request, to compare with: past the default cost limit.
  h = await startHarness({ GRAPHQL_MAX_COMPLEXITY: '50000000' }, { load: false });
  await importDataSet(h.db, generateSynthetic({ enterprises: 600, seed: 42 }));
}, 300_000);
afterAll(() => h.close());

interface Firm {
  id: string;
  name: string;
  landedOn: string | null;
  revenueYuan: number | null;
}
interface Page {
  totalCount: number;
  nodes: Array<{ id: string }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const FIRM = 'id name landedOn revenueYuan';

/** Every firm's list of one kind (plain field text), firm id → the list, longest first. */
async function lists(plain: string, asOf: string | null): Promise<Array<[string, Firm[]]>> {
  const d = dataOf(await h.gql(`query($asOf: AsOf) { enterprises(first: 1000) { nodes { id list: ${plain} { ${FIRM} } } } }`, { asOf }));
  const nodes = (d.enterprises as { nodes: Array<{ id: string; list: Firm[] }> }).nodes;
  expect(nodes.length).toBeLessThan(1000);
  return nodes.filter((n) => n.list.length > 0).map((n) => [n.id, n.list] as [string, Firm[]]).sort((a, b) => b[1].length - a[1].length);
}

/** One firm's connection paged through with pages of `first`; the ids in order and the totalCount of each page. */
async function pageThrough(id: string, connection: string, first: number, vars: { asOf?: string | null; where?: unknown; sort?: unknown } = {}): Promise<{ ids: string[]; totals: Set<number> }> {
  const ids: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let n = 0; n < 1000; n++) {
    const d = dataOf(
      await h.gql(
        `query($id: ID!, $first: Int, $after: String, $asOf: AsOf, $where: EnterpriseWhere, $sort: [EnterpriseSort!]) {
          enterprise(id: $id) { c: ${connection}(first: $first, after: $after, asOf: $asOf, where: $where, sort: $sort) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`,
        { id, first, after, asOf: null, where: null, sort: null, ...vars },
      ),
    );
    const page = (d.enterprise as { c: Page }).c;
    ids.push(...page.nodes.map((x) => x.id));
    totals.add(page.totalCount);
    if (!page.pageInfo.hasNextPage) return { ids, totals };
    expect(page.nodes.length).toBe(first);
    after = page.pageInfo.endCursor;
  }
  throw new Error(`${connection} of ${id} did not end`);
}

/** Compare as Cypher does for these values: numbers, and strings by code point (ids and dates are ASCII). */
const cmp = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Sort firms as enterpriseSort.ts does: each key nulls last in both directions, then id ascending. */
function sortFirms(firms: Firm[], keys: Array<{ key: keyof Firm; desc?: boolean }>): Firm[] {
  return [...firms].sort((a, b) => {
    for (const { key, desc } of keys) {
      const x = a[key];
      const y = b[key];
      if (x === y) continue;
      if (x === null) return 1;
      if (y === null) return -1;
      return desc ? cmp(y, x) : cmp(x, y);
    }
    return cmp(a.id, b.id);
  });
}

const LISTS = [
  { connection: 'attractedConnection', plain: 'attracted(first: 1000, asOf: $asOf)' },
  { connection: 'attractedByConnection', plain: 'attractedBy(asOf: $asOf)' },
  { connection: 'upstreamConnection', plain: 'upstream(first: 1000, asOf: $asOf)' },
  { connection: 'downstreamConnection', plain: 'downstream(first: 1000, asOf: $asOf)' },
  { connection: 'partnersConnection', plain: 'partners(first: 1000, asOf: $asOf)' },
  { connection: 'unitsConnection', plain: 'units(first: 1000, asOf: $asOf)' },
] as const;

describe('nested connections on a district of 600 firms', () => {
  for (const { connection, plain } of LISTS) {
    it(`${connection}: paged through with pages of 2 (and of 1), now and as of 2019-06, equals the plain list`, async () => {
      for (const asOf of [null, '2019-06']) {
        const all = await lists(plain, asOf);
        if (asOf === null) expect(all.length).toBeGreaterThan(0);
        for (const [id, expected] of all.slice(0, 2)) {
          const got = await pageThrough(id, connection, 2, { asOf });
          expect(got.ids, `${connection} of ${id} as of ${asOf}`).toEqual(expected.map((f) => f.id));
          expect([...got.totals]).toEqual([expected.length]);
        }
        const [id, expected] = all[0] ?? ['', []];
        if (id && expected.length <= 60) expect((await pageThrough(id, connection, 1, { asOf })).ids).toEqual(expected.map((f) => f.id));
      }
    }, 120_000);
  }

  it('the lists hold what the cursors must handle: ties of landing month and undated firms', async () => {
    const [, attracted] = (await lists('attracted(first: 1000, asOf: $asOf)', null))[0] ?? ['', []];
    const months = attracted.map((f) => f.landedOn);
    expect(new Set(months).size).toBeLessThan(months.length);
    const [, units] = (await lists('units(first: 1000, asOf: $asOf)', null)).find(([, l]) => l.some((f) => f.landedOn === null)) ?? ['', []];
    expect(units.length).toBeGreaterThan(0);
  });

  it('where and sort: each page in the sort, nulls last, the firms the condition leaves', async () => {
    const all = await lists('attracted(first: 1000, asOf: $asOf)', null);
    const [id, firms] = all[0] ?? ['', []];
    expect(firms.length).toBeGreaterThan(10);
    const cases: Array<{ where: unknown; sort: unknown; expect: Firm[] }> = [
      { where: null, sort: [{ field: 'REVENUE_YUAN', direction: 'DESC' }], expect: sortFirms(firms, [{ key: 'revenueYuan', desc: true }]) },
      {
        where: { landedOn: { gte: '2019' } },
        sort: [{ field: 'LANDED_ON', direction: 'DESC' }, { field: 'NAME' }],
        expect: sortFirms(firms.filter((f) => f.landedOn !== null && f.landedOn >= '2019'), [{ key: 'landedOn', desc: true }, { key: 'name' }]),
      },
      { where: { OR: [{ revenueYuan: { isNull: true } }, { landedOn: { lt: '2018' } }] }, sort: null, expect: firms.filter((f) => f.revenueYuan === null || (f.landedOn !== null && f.landedOn < '2018')) },
    ];
    for (const c of cases) {
      expect(c.expect.length, JSON.stringify(c.where)).toBeGreaterThan(2);
      const got = await pageThrough(id, 'attractedConnection', 2, { where: c.where, sort: c.sort });
      expect(got.ids, JSON.stringify(c)).toEqual(c.expect.map((f) => f.id));
      expect([...got.totals]).toEqual([c.expect.length]);
    }
    // Descending with undated firms: they still come last.
    const [unitsOf, units] = (await lists('units(first: 1000, asOf: $asOf)', null)).find(([, l]) => l.some((f) => f.landedOn === null) && l.some((f) => f.landedOn !== null)) ?? ['', []];
    const desc = sortFirms(units, [{ key: 'landedOn', desc: true }]);
    expect(desc.at(-1)?.landedOn).toBeNull();
    expect((await pageThrough(unitsOf, 'unitsConnection', 1, { sort: [{ field: 'LANDED_ON', direction: 'DESC' }] })).ids).toEqual(desc.map((f) => f.id));
  }, 120_000);

  it('ChainSegment.enterprisesConnection with local and sort pages through the segment', async () => {
    const d = dataOf(await h.gql('{ chains { segments { id enterprises(first: 1000, local: true) { id name landedOn revenueYuan } } } }'));
    const segs = (d.chains as Array<{ segments: Array<{ id: string; enterprises: Firm[] }> }>).flatMap((c) => c.segments).sort((a, b) => b.enterprises.length - a.enterprises.length);
    const seg = segs[0]!;
    expect(seg.enterprises.length).toBeGreaterThan(5);
    for (const [sort, expected] of [
      [null, seg.enterprises],
      [[{ field: 'NAME', direction: 'DESC' }], sortFirms(seg.enterprises, [{ key: 'name', desc: true }])],
    ] as const) {
      const ids: string[] = [];
      let after: string | null = null;
      for (let n = 0; n < 500; n++) {
        const p = dataOf(
          await h.gql('query($f: Int, $a: String, $s: [EnterpriseSort!]) { chains { segments { id c: enterprisesConnection(local: true, first: $f, after: $a, sort: $s) { nodes { id } pageInfo { hasNextPage endCursor } } } } }', {
            f: 3,
            a: after,
            s: sort,
          }),
        );
        const page = (p.chains as Array<{ segments: Array<{ id: string; c: Page }> }>).flatMap((c) => c.segments).find((s) => s.id === seg.id)!.c;
        ids.push(...page.nodes.map((x) => x.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(ids).toEqual(expected.map((f) => f.id));
    }
  }, 120_000);

  it('one statement per connection and level, for 20 parents as for 300', async () => {
    const trips = async (n: number) => {
      let count = 0;
      const off = h.db.onQuery(() => count++);
      try {
        const d = dataOf(
          await h.gql(
            `query($n: Int) { enterprises(first: $n) { nodes { id
              partnersConnection(first: 3) { totalCount nodes { id upstreamConnection(first: 2, where: { landedOn: { isNull: false } }) { nodes { id } } } }
              attractedConnection(first: 2, sort: [{ field: NAME }]) { nodes { id } }
            } } }`,
            { n },
          ),
        );
        return { count, parents: (d.enterprises as { nodes: unknown[] }).nodes.length };
      } finally {
        off();
      }
    };
    const small = await trips(20);
    const large = await trips(300);
    expect(small.parents).toBe(20);
    expect(large.parents).toBe(300);
    // The page of firms with the partners and attracted of every firm in its statement
    // (nestedReads.ts), then upstream of every partner (batched).
    expect(small.count).toBe(2);
    expect(large.count).toBe(2);
  });
});
