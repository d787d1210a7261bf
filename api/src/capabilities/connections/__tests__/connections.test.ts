// Nested connections against the article's data in the real Neo4j: paged through to the end with
// pages of one or two, each connection gives its plain list's firms in the plain list's order,
// every firm once; its totalCount is the plain list's length; asOf, local and where cut it the same
// way; the parents of a level are answered in one statement; a bad cursor or `first` is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, firstError, startHarness, type Harness } from '../../../__tests__/harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

interface Page {
  totalCount: number;
  edges: Array<{ cursor: string; node: { id: string } }>;
  nodes: Array<{ id: string }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Each Enterprise connection and its plain list (`first` where the plain list takes one). */
const FIRM_LISTS = [
  { connection: 'attractedConnection', plain: 'attracted(first: 200, asOf: $asOf)' },
  { connection: 'attractedByConnection', plain: 'attractedBy(asOf: $asOf)' },
  { connection: 'upstreamConnection', plain: 'upstream(first: 200, asOf: $asOf)' },
  { connection: 'downstreamConnection', plain: 'downstream(first: 200, asOf: $asOf)' },
  { connection: 'partnersConnection', plain: 'partners(first: 200, asOf: $asOf)' },
  { connection: 'unitsConnection', plain: 'units(first: 200, asOf: $asOf)' },
] as const;

const PAGE = 'totalCount edges { cursor node { id } } nodes { id } pageInfo { hasNextPage hasPreviousPage startCursor endCursor }';

/** Every firm's plain list of one kind: firm id → ids in the list's order (only firms with any). */
async function plainLists(plain: string, asOf: string | null): Promise<Map<string, string[]>> {
  const d = dataOf(await h.gql(`query($asOf: AsOf) { enterprises(first: 200) { nodes { id list: ${plain} { id } } } }`, { asOf }));
  const nodes = (d.enterprises as { nodes: Array<{ id: string; list: Array<{ id: string }> }> }).nodes;
  // Every firm, and each list whole (the article has about a hundred firms).
  expect(nodes.length).toBeLessThan(200);
  for (const n of nodes) expect(n.list.length).toBeLessThan(200);
  return new Map(nodes.filter((n) => n.list.length > 0).map((n) => [n.id, n.list.map((x) => x.id)]));
}

/** Pages through one firm's connection with pages of `first`, checking each page's cursors; the ids in order. */
async function pageThrough(id: string, connection: string, first: number, args: { asOf?: string | null; where?: unknown } = {}): Promise<string[]> {
  const ids: string[] = [];
  let after: string | null = null;
  for (let n = 0; n < 500; n++) {
    const d = dataOf(
      await h.gql(`query($id: ID!, $first: Int, $after: String, $asOf: AsOf, $where: EnterpriseWhere) { enterprise(id: $id) { c: ${connection}(first: $first, after: $after, asOf: $asOf, where: $where) { ${PAGE} } } }`, {
        id,
        first,
        after,
        asOf: null,
        where: null,
        ...args,
      }),
    );
    const page = (d.enterprise as { c: Page }).c;
    expect(page.nodes.map((x) => x.id)).toEqual(page.edges.map((e) => e.node.id));
    expect(page.edges.length).toBeLessThanOrEqual(first);
    expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
    expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
    expect(page.pageInfo.startCursor).toBe(page.edges[0]?.cursor ?? null);
    ids.push(...page.nodes.map((x) => x.id));
    if (!page.pageInfo.hasNextPage) return ids;
    expect(page.edges.length).toBe(first);
    after = page.pageInfo.endCursor;
  }
  throw new Error(`${connection} of ${id} did not end`);
}

describe('nested connections page through their plain lists', () => {
  for (const { connection, plain } of FIRM_LISTS) {
    for (const asOf of [null, '2019-06']) {
      it(`${connection}${asOf ? ` as of ${asOf}` : ''}: every firm once, in the plain list's order`, async () => {
        const lists = await plainLists(plain, asOf);
        // The article has firms with each kind of list (ATTRACTED, SUPPLIES, PARTNER_OF, PART_OF).
        if (asOf === null) expect(lists.size).toBeGreaterThan(0);
        const longest = [...lists].sort((a, b) => b[1].length - a[1].length);
        for (const [id, expected] of longest) {
          expect(new Set(expected).size, `${id}: the plain list repeats a firm`).toBe(expected.length);
          expect(await pageThrough(id, connection, 2, { asOf }), `${connection} of ${id}`).toEqual(expected);
        }
        for (const [id, expected] of longest.slice(0, 3)) expect(await pageThrough(id, connection, 1, { asOf }), `${connection} of ${id}`).toEqual(expected);
      });
    }
  }

  it('totalCount is the plain list\'s length for every firm, with the count alone or with a page', async () => {
    let counted = 0;
    for (const { connection, plain } of FIRM_LISTS) {
      for (const asOf of [null, '2019-06', '2020']) {
        const selection = `p: ${plain} { id } c: ${connection}(asOf: $asOf) { totalCount } d: ${connection}(asOf: $asOf, first: 1) { totalCount nodes { id } }`;
        const d = dataOf(await h.gql(`query($asOf: AsOf) { enterprises(first: 200) { nodes { id ${selection} } } }`, { asOf }));
        const nodes = (d.enterprises as { nodes: Array<{ id: string; p: Array<{ id: string }>; c: Page; d: Page }> }).nodes;
        expect(nodes.length).toBeGreaterThan(10);
        for (const n of nodes) {
          const plainIds = n.p.map((x) => x.id);
          expect(n.c.totalCount, `${n.id} ${connection} ${asOf}`).toBe(plainIds.length);
          expect(n.d.totalCount).toBe(plainIds.length);
          expect(n.d.nodes.map((x) => x.id)).toEqual(plainIds.slice(0, 1));
          counted += plainIds.length;
        }
      }
    }
    expect(counted).toBeGreaterThan(10);
  });

  it('ChainSegment.enterprisesConnection pages through `enterprises` with asOf and local', async () => {
    const SEG = (vars: string) => `query($asOf: AsOf, $local: Boolean${vars}) { chains { segments { id`;
    for (const [asOf, local] of [[null, null], ['2019-06', null], [null, true], ['2019-06', false]] as const) {
      const d = dataOf(await h.gql(`${SEG('')} list: enterprises(first: 200, asOf: $asOf, local: $local) { id } c: enterprisesConnection(asOf: $asOf, local: $local) { totalCount } } } }`, { asOf, local }));
      const segments = (d.chains as Array<{ segments: Array<{ id: string; list: Array<{ id: string }>; c: Page }> }>).flatMap((c) => c.segments);
      for (const s of segments) expect(s.c.totalCount, s.id).toBe(s.list.length);
      const busiest = [...segments].sort((a, b) => b.list.length - a.list.length).slice(0, 3);
      if (asOf === null && local === null) expect(busiest[0]?.list.length).toBeGreaterThan(2);
      for (const seg of busiest) {
        const ids: string[] = [];
        let after: string | null = null;
        for (let n = 0; n < 200; n++) {
          const p = dataOf(await h.gql(`${SEG(', $first: Int, $after: String')} c: enterprisesConnection(asOf: $asOf, local: $local, first: $first, after: $after) { nodes { id } pageInfo { hasNextPage endCursor } } } } }`, { asOf, local, first: 2, after }));
          const page = (p.chains as Array<{ segments: Array<{ id: string; c: Page }> }>).flatMap((c) => c.segments).find((s) => s.id === seg.id)!.c;
          ids.push(...page.nodes.map((x) => x.id));
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        expect(ids, `${seg.id} ${asOf} ${local}`).toEqual(seg.list.map((x) => x.id));
      }
    }
  });

  it('where cuts the list as the same condition on the plain list does', async () => {
    // 今日头条 drew in 大驴 (2019-07) and 头条运营中心 (2020-04).
    const page = async (where: unknown) =>
      (dataOf(await h.gql('query($w: EnterpriseWhere) { enterprise(id: "toutiao") { attractedConnection(where: $w, first: 1) { totalCount nodes { id } pageInfo { hasNextPage } } } }', { w: where })).enterprise as { attractedConnection: Page }).attractedConnection;
    expect((await page(null)).totalCount).toBe(2);
    const later = await page({ landedOn: { gte: '2020' } });
    expect(later.totalCount).toBe(1);
    expect(later.nodes.map((x) => x.id)).toEqual(['toutiao-ops']);
    expect(later.pageInfo.hasNextPage).toBe(false);
    expect(await pageThrough('toutiao', 'attractedConnection', 1, { where: { NOT: { id: { eq: 'nobody' } } } })).toEqual(['dalv', 'toutiao-ops']);
  });
});

describe('batched: one statement per connection and level', () => {
  async function statements(query: string): Promise<{ trips: number; data: Record<string, unknown> }> {
    let trips = 0;
    const off = h.db.onQuery(() => trips++);
    try {
      return { data: dataOf(await h.gql(query)), trips };
    } finally {
      off();
    }
  }

  it('two parents, two levels: the top-level reads, then one statement per level', async () => {
    // anchors: one read; every anchor's attractedConnection: one; their firms' upstreamConnection: one.
    const { trips, data } = await statements('{ anchors { id attractedConnection(first: 50) { totalCount nodes { id name upstreamConnection(first: 3) { totalCount nodes { id } } } } } }');
    const anchors = data.anchors as Array<{ attractedConnection: Page }>;
    expect(anchors.length).toBe(2);
    expect(anchors.some((a) => a.attractedConnection.nodes.length > 1)).toBe(true);
    expect(trips).toBe(3);
  });
});

describe('refused arguments', () => {
  const ask = (args: string) => h.gql(`{ enterprise(id: "toutiao") { attractedConnection(${args}) { nodes { id } } } }`);

  it('refuses a cursor that is not one, or one of another order, with BAD_USER_INPUT naming `after`', async () => {
    const d = dataOf(await h.gql('{ enterprise(id: "toutiao") { attractedConnection(first: 1) { pageInfo { endCursor } } upstreamConnection(first: 1) { pageInfo { endCursor } } } }'));
    const e = d.enterprise as { attractedConnection: Page; upstreamConnection: Page };
    const attractedCursor = e.attractedConnection.pageInfo.endCursor!;
    for (const bad of ['nonsense', 'eyJvIjoibGlzdDppZCJ9', Buffer.from('e:toutiao').toString('base64url'), 'x'.repeat(3000), '!!']) {
      const err = firstError(await ask(`after: ${JSON.stringify(bad)}`));
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
      expect(err.message).toMatch(/endCursor/);
    }
    // A cursor of `attracted` (landing date, id) under `upstream` (id): another order.
    const other = firstError(await h.gql('query($c: String) { enterprise(id: "toutiao") { upstreamConnection(after: $c) { nodes { id } } } }', { c: attractedCursor }));
    expect(other.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(other.message).toMatch(/another order/);
  });

  it('refuses a sort of more than 3 keys, a malformed where, and a cursor of a sort under the list\'s own order', async () => {
    expect(firstError(await ask('sort: [{ field: NAME }, { field: ORIGIN }, { field: KIND }, { field: STATUS }]')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'sort' });
    expect(firstError(await ask('where: { landedOn: { gte: "2019-13" } }')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'where.landedOn.gte' });
    const d = dataOf(await h.gql('{ enterprise(id: "toutiao") { attractedConnection(first: 1, sort: [{ field: NAME }]) { pageInfo { endCursor } } } }'));
    const byName = (d.enterprise as { attractedConnection: Page }).attractedConnection.pageInfo.endCursor!;
    const err = firstError(await h.gql('query($c: String) { enterprise(id: "toutiao") { attractedConnection(after: $c) { nodes { id } } } }', { c: byName }));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    // The same cursor with the sort that made it pages on; `first: null` and `sort: []` are the defaults.
    const next = dataOf(await h.gql('query($c: String) { enterprise(id: "toutiao") { attractedConnection(after: $c, sort: [{ field: NAME }]) { nodes { id } } a: attractedConnection(first: null, sort: []) { nodes { id } } } }', { c: byName }));
    expect((next.enterprise as { attractedConnection: Page }).attractedConnection.nodes).toHaveLength(1);
    expect((next.enterprise as { a: Page }).a.nodes.map((x) => x.id)).toEqual(['dalv', 'toutiao-ops']);
  });

  it('refuses `first` below 0 (BAD_USER_INPUT) and above MAX_NESTED_FIRST (LIMIT_EXCEEDED), each naming `first`', async () => {
    expect(firstError(await ask('first: -1')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(firstError(await ask('first: 1001')).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argument: 'first', limit: 'MAX_NESTED_FIRST' });
    const zero = dataOf(await h.gql('{ enterprise(id: "toutiao") { attractedConnection(first: 0) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }'));
    const page = (zero.enterprise as { attractedConnection: Page }).attractedConnection;
    expect(page.nodes).toEqual([]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, endCursor: null });
    expect(page.totalCount).toBeGreaterThan(0);
  });

  it('refuses a deeply nested connection query by its estimated cost, before any read', async () => {
    let reads = 0;
    const off = h.db.onQuery(() => reads++);
    const r = await h.gql(
      '{ chains { segments { enterprisesConnection(first: 100) { nodes { partnersConnection(first: 100) { nodes { partnersConnection(first: 100) { nodes { id } } } } } } } } }',
    );
    off();
    expect(r.status).toBe(400);
    expect(firstError(r).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'GRAPHQL_MAX_COMPLEXITY' });
    expect(firstError(r).message).toContain('enterprisesConnection › nodes ×100 › partnersConnection › nodes ×100');
    expect(reads).toBe(0);
    // The same shape with small pages passes: the cost follows `first`.
    dataOf(await h.gql('{ chains { segments { enterprisesConnection(first: 5) { nodes { partnersConnection(first: 5) { nodes { partnersConnection(first: 5) { nodes { id } } } } } } } } }'));
    // A small page whose `where` runs nested related-firm conditions for every firm of every segment costs that work.
    const cheap = '{ chains { segments { enterprisesConnection(first: 5) { nodes { id } } } } }';
    dataOf(await h.gql(cheap));
    const heavy = await h.gql(cheap.replace('first: 5', 'first: 5, where: { attractedBySome: { upstreamSome: { partnersSome: { upstreamSome: {} } } } }'));
    expect(heavy.status).toBe(400);
    expect(firstError(heavy).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', limit: 'GRAPHQL_MAX_COMPLEXITY' });
  });
});
