// Every query against the article data set in the real Neo4j, through the HTTP server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, firstError, startHarness, type Harness } from './harness.ts';

type Node = { id: string; label: string; kind: string; parentId?: string | null };
type Graph = { nodes: Node[]; edges: Array<{ id: string; source: string; target: string; type: string }>; truncated?: boolean; totalEnterprises?: number };

let h: Harness;
/** Ids are the data set's; the tests find them by name, as a user would. */
let TOUTIAO: string;
let DALV: string;
let HUAWEI: string;

beforeAll(async () => {
  h = await startHarness();
  const byName = async (name: string) => (await h.db.read('MATCH (e:Enterprise {name: $name}) RETURN e.id AS id', { name }))[0]?.id as string;
  TOUTIAO = await byName('今日头条');
  DALV = await byName('大吕网络科技');
  HUAWEI = await byName('华为');
});
afterAll(() => h.close());

describe('enterprise and enterprises', () => {
  it('answers a profile with nested relations and sources', async () => {
    const d = dataOf(
      await h.gql(
        `query($id: ID!) { enterprise(id: $id) { id name nameEn isAnchor landedOn park { id kind } segment { id chain { id } }
          attracted { id name } attractedBy { id } upstream { id } downstream { id } units { id } parent { id } projects { id }
          sources { kind quote title publisher publishedOn } } }`,
        { id: TOUTIAO },
      ),
    );
    const e = d.enterprise as Record<string, unknown>;
    expect(e).toMatchObject({ id: TOUTIAO, name: '今日头条', isAnchor: true, landedOn: '2018-11' });
    expect((e.attracted as Array<{ id: string }>).map((x) => x.id)).toContain(DALV);
    expect((e.upstream as Array<{ id: string }>).map((x) => x.id)).toContain(DALV);
    const sources = e.sources as Array<{ kind: string; quote: string | null; title: string | null }>;
    expect(sources.some((s) => s.kind === 'STATED' && (s.quote ?? '').includes('今日头条') && s.title !== null)).toBe(true);
  });

  it('gives null for an unknown id, without an error', async () => {
    const r = await h.gql('{ enterprise(id: "no-such-firm") { id } }');
    expect(r.body).toEqual({ data: { enterprise: null } });
  });

  it('pages through every enterprise with cursors, totalCount matching the database', async () => {
    const total = (await h.db.read('MATCH (e:Enterprise) RETURN count(e) AS n'))[0]?.n as number;
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const d = dataOf(
        await h.gql('query($after: String) { enterprises(first: 5, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }', { after }),
      );
      const c = d.enterprises as { totalCount: number; nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      expect(c.totalCount).toBe(total);
      seen.push(...c.nodes.map((n) => n.id));
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('filters by anchor, chain, anchor flag, landing range and text', async () => {
    const q = (filter: Record<string, unknown>) =>
      h.gql('query($f: EnterpriseFilter) { enterprises(filter: $f, first: 100) { totalCount nodes { id landedOn isAnchor } } }', { f: filter });
    const byAnchor = dataOf(await q({ anchorId: TOUTIAO })).enterprises as { nodes: Array<{ id: string }> };
    expect(byAnchor.nodes.map((n) => n.id)).toContain(DALV);
    const anchors = dataOf(await q({ isAnchor: true })).enterprises as { totalCount: number; nodes: Array<{ isAnchor: boolean }> };
    expect(anchors.totalCount).toBeGreaterThanOrEqual(2);
    expect(anchors.nodes.every((n) => n.isAnchor)).toBe(true);
    const in2019 = dataOf(await q({ landedFrom: '2019', landedTo: '2019-12' })).enterprises as { nodes: Array<{ landedOn: string }> };
    expect(in2019.nodes.length).toBeGreaterThan(0);
    expect(in2019.nodes.every((n) => n.landedOn.startsWith('2019'))).toBe(true);
    const chainAi = (await h.db.read('MATCH (c:Chain)-[:HAS_SEGMENT]->(:Segment)<-[:IN_SEGMENT]-(e:Enterprise) RETURN c.id AS c, count(DISTINCT e) AS n ORDER BY n DESC LIMIT 1'))[0]!;
    const byChain = dataOf(await q({ chainId: chainAi.c })).enterprises as { totalCount: number };
    expect(byChain.totalCount).toBe(chainAi.n);
    const text = dataOf(await q({ text: '大吕' })).enterprises as { nodes: Array<{ id: string }> };
    expect(text.nodes.map((n) => n.id)).toEqual([DALV]);
  });

  it('a filter naming a segment, park or anchor pages through the same firms as one page, each once', async () => {
    const page = async (filter: Record<string, unknown>, first: number, after: string | null) =>
      dataOf(await h.gql('query($f: EnterpriseFilter, $n: Int, $a: String) { enterprises(filter: $f, first: $n, after: $a) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }', { f: filter, n: first, a: after }))
        .enterprises as { totalCount: number; nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string } };
    const [seg] = await h.db.read('MATCH (s:Segment)<-[:IN_SEGMENT]-(e:Enterprise) RETURN s.id AS id, count(e) AS n ORDER BY n DESC, id LIMIT 1');
    const [park] = await h.db.read('MATCH (p:Place)<-[:LOCATED_IN]-(e:Enterprise) RETURN p.id AS id, count(e) AS n ORDER BY n DESC, id LIMIT 1');
    for (const filter of [{ anchorId: TOUTIAO }, { segmentId: seg!.id }, { parkId: park!.id }, { segmentId: seg!.id, isAnchor: false }, { segmentId: 'no-such-segment' }]) {
      const all = await page(filter, 100, null);
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const p = await page(filter, 2, after);
        expect(p.totalCount).toBe(all.totalCount);
        seen.push(...p.nodes.map((n) => n.id));
        if (!p.pageInfo.hasNextPage) break;
        after = p.pageInfo.endCursor;
      }
      expect(seen, JSON.stringify(filter)).toEqual(all.nodes.map((n) => n.id));
      expect(all.nodes.length).toBe(all.totalCount);
    }
    expect((await page({ segmentId: seg!.id }, 100, null)).totalCount).toBe(seg!.n);
    expect((await page({ parkId: park!.id }, 100, null)).totalCount).toBe(park!.n);
  });

  it('lists the anchors, by landing date', async () => {
    const d = dataOf(await h.gql('{ anchors { id isAnchor landedOn } }'));
    const anchors = d.anchors as Array<{ id: string; isAnchor: boolean }>;
    expect(anchors[0]?.id).toBe(TOUTIAO);
    expect(anchors.every((a) => a.isAnchor)).toBe(true);
  });
});

describe('search', () => {
  const top = async (query: string) => ((dataOf(await h.gql('query($q: String!) { search(query: $q) { id name } }', { q: query })).search as Array<{ id: string }>)[0]?.id);
  it.each(['头条', '今日头条', '今日頭條', 'toutiao', 'Toutiao', 'jinritoutiao', 'jrtt', 'jin ri tou tiao'])('finds 今日头条 by %s', async (q) => {
    expect(await top(q)).toBe(TOUTIAO);
  });
  it('tolerates a typo in Latin', async () => {
    expect(await top('Huawai')).toBe(HUAWEI);
  });
  it('finds 大吕 by its pinyin initials and its traditional form', async () => {
    expect(await top('大呂')).toBe(DALV);
    expect(await top('dlwlkj')).toBe(DALV);
  });
  it('treats Lucene syntax as plain text', async () => {
    for (const q of ['"}) DETACH DELETE n //', 'toutiao~~~ OR *:*', '[a TO z]', '\\', '头条"']) {
      const r = await h.gql('query($q: String!) { search(query: $q) { id } }', { q });
      expect(r.status).toBe(200);
      expect(r.body.errors).toBeUndefined();
    }
  });
  it('refuses an empty query and a huge limit with clear errors', async () => {
    expect(firstError(await h.gql('{ search(query: "  ") { id } }')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'query' });
    expect(firstError(await h.gql('{ search(query: "a", limit: 100000) { id } }')).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argument: 'limit' });
  });
});

describe('circle, chain, path', () => {
  const circle = async (asOf: string | null) =>
    dataOf(await h.gql('query($a: ID!, $asOf: AsOf) { circle(anchorId: $a, asOf: $asOf) { nodes { id label kind } edges { id source target type } } }', { a: TOUTIAO, asOf }))
      .circle as Graph;

  it('shows the circle as of a date: 大吕 is not in it in 2019-03, and is in 2019-08', async () => {
    const before = await circle('2019-03');
    const after = await circle('2019-08');
    expect(before.nodes.map((n) => n.id)).toContain(TOUTIAO);
    expect(before.nodes.map((n) => n.id)).not.toContain(DALV);
    expect(after.nodes.map((n) => n.id)).toContain(DALV);
    expect(after.edges.some((e) => e.type === 'ATTRACTED' && e.source === TOUTIAO && e.target === DALV)).toBe(true);
    for (const e of after.edges) expect(after.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([e.source, e.target]));
  });

  it('is empty before the anchor landed, and NOT_FOUND for an unknown anchor', async () => {
    expect((await circle('2018-10')).nodes).toEqual([]);
    const r = await h.gql('{ circle(anchorId: "nobody") { nodes { id } } }');
    expect(firstError(r).extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'anchorId' });
  });

  it('refuses a depth beyond the limit, naming it', async () => {
    const e = firstError(await h.gql(`{ circle(anchorId: "${TOUTIAO}", depth: 9) { nodes { id } } }`));
    expect(e.extensions).toMatchObject({ code: 'LIMIT_EXCEEDED', argument: 'depth', limit: 'MAX_CIRCLE_DEPTH', max: 4 });
  });

  it('follows SUPPLIES upstream and downstream', async () => {
    const q = (dir: string) => h.gql(`query($id: ID!) { chain(enterpriseId: $id, direction: ${dir}) { nodes { id } edges { type source target } } }`, { id: TOUTIAO });
    const up = dataOf(await q('UPSTREAM')).chain as Graph;
    const suppliers = (await h.db.read('MATCH (s:Enterprise)-[:SUPPLIES]->(:Enterprise {id: $id}) RETURN s.id AS id', { id: TOUTIAO })).map((r) => r.id);
    expect(suppliers.length).toBeGreaterThan(0);
    expect(up.nodes.map((n) => n.id)).toEqual(expect.arrayContaining([TOUTIAO, ...(suppliers as string[])]));
    expect(up.edges.every((e) => e.type === 'SUPPLIES')).toBe(true);
    const down = dataOf(await q('DOWNSTREAM')).chain as Graph;
    for (const s of suppliers as string[]) {
      const alsoCustomer = (await h.db.read('MATCH (:Enterprise {id: $a})-[:SUPPLIES*1..2]->(x:Enterprise {id: $b}) RETURN count(*) AS n', { a: TOUTIAO, b: s }))[0]?.n;
      if (alsoCustomer === 0) expect(down.nodes.map((n) => n.id)).not.toContain(s);
    }
  });

  it('finds a shortest path, null when there is none, NOT_FOUND for unknown ids', async () => {
    const d = dataOf(await h.gql('query($a: ID!, $b: ID!) { path(fromId: $a, toId: $b) { nodes { id } edges { type } } }', { a: DALV, b: TOUTIAO }));
    const p = d.path as Graph;
    expect(p.nodes[0]?.id).toBe(DALV);
    expect(p.nodes.at(-1)?.id).toBe(TOUTIAO);
    expect(p.edges.length).toBe(p.nodes.length - 1);
    const viaParks = dataOf(
      await h.gql('query($a: ID!, $b: ID!) { path(fromId: $a, toId: $b, via: [ATTRACTED, SUPPLIES, PART_OF, PARTNER_OF, LOCATED_IN]) { nodes { id kind } } }', { a: DALV, b: HUAWEI }),
    ).path as Graph | null;
    expect(viaParks?.nodes.at(-1)?.id).toBe(HUAWEI);
    const none = dataOf(await h.gql('query($a: ID!, $b: ID!) { path(fromId: $a, toId: $b, maxLength: 1) { nodes { id } } }', { a: DALV, b: HUAWEI }));
    expect(none.path).toBeNull();
    expect(firstError(await h.gql(`{ path(fromId: "${DALV}", toId: "nobody") { nodes { id } } }`)).extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'toId' });
  });
});

describe('growth', () => {
  it('counts an anchor circle by MONTH: 今日头条 in 2018-11, 大吕 in 2019-07', async () => {
    const d = dataOf(await h.gql('query($a: ID) { growth(anchorId: $a, from: "2018-10", to: "2019-08", interval: MONTH) { period landed cumulative landedIds } }', { a: TOUTIAO }));
    const points = d.growth as Array<{ period: string; landed: number; cumulative: number; landedIds: string[] }>;
    expect(points.map((p) => p.period)[0]).toBe('2018-10');
    expect(points.at(-1)?.period).toBe('2019-08');
    expect(points.length).toBe(11);
    expect(points.find((p) => p.period === '2018-11')?.landedIds).toContain(TOUTIAO);
    expect(points.find((p) => p.period === '2019-07')?.landedIds).toContain(DALV);
    expect(points.find((p) => p.period === '2019-03')?.cumulative).toBe(points.find((p) => p.period === '2018-11')?.cumulative);
    for (let i = 1; i < points.length; i++) expect(points[i]!.cumulative).toBe(points[i - 1]!.cumulative + points[i]!.landed);
  });

  it('counts the district by YEAR, in agreement with the database', async () => {
    const d = dataOf(await h.gql('{ growth(interval: YEAR) { period landed cumulative } }'));
    const points = d.growth as Array<{ period: string; landed: number; cumulative: number }>;
    const rows = await h.db.read('MATCH (e:Enterprise) WHERE e.landedOn IS NOT NULL AND coalesce(e.local, true) RETURN left(e.landedOn, 4) AS y, count(*) AS n ORDER BY y');
    for (const r of rows) expect(points.find((p) => p.period === r.y)?.landed).toBe(r.n);
    expect(points.at(-1)?.cumulative).toBe(rows.reduce((a, r) => a + (r.n as number), 0));
  });

  it('the district counted by dates in the database equals the district read firm by firm', async () => {
    // Without landedIds/departedIds the firms are counted in Cypher by their dates; with them, read one by one.
    const fields = 'period landed departures net cumulative cumulativeDepartures cumulativeNet investmentYuan';
    for (const interval of ['MONTH', 'QUARTER', 'YEAR']) {
      const counted = dataOf(await h.gql(`{ growth(interval: ${interval}) { ${fields} } }`)).growth as Array<Record<string, unknown>>;
      const listed = dataOf(await h.gql(`{ growth(interval: ${interval}) { ${fields} landedIds } }`)).growth as Array<Record<string, unknown>>;
      expect(listed.some((p) => (p.landedIds as string[]).length > 0)).toBe(true);
      expect(counted).toEqual(listed.map(({ landedIds: _ids, ...p }) => p));
    }
  });

  it('by QUARTER, and refuses a malformed date naming the argument', async () => {
    const d = dataOf(await h.gql('{ growth(from: "2019", to: "2019-12", interval: QUARTER) { period } }'));
    expect((d.growth as Array<{ period: string }>).map((p) => p.period)).toEqual(['2019-Q1', '2019-Q2', '2019-Q3', '2019-Q4']);
    expect(firstError(await h.gql('{ growth(from: "last year") { period } }')).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'from' });
  });
});

describe('indicators, chains, graph, stats, places', () => {
  it('lists the indicators with their sources', async () => {
    const d = dataOf(await h.gql('{ indicators { id name period value unit sources { kind quote } } }'));
    const inds = d.indicators as Array<{ value: number; period: string; sources: Array<{ quote: string | null }> }>;
    const n = (await h.db.read('MATCH (i:Indicator) RETURN count(i) AS n'))[0]?.n;
    expect(inds.length).toBe(n);
    expect(inds.some((i) => i.value === 873 && i.period === '2019')).toBe(true);
  });

  it('lists chains with segments upstream first', async () => {
    const d = dataOf(await h.gql('{ chains { id segments { id order feeds { id } enterprises { id } } } }'));
    const chains = d.chains as Array<{ segments: Array<{ order: number }> }>;
    expect(chains.length).toBeGreaterThan(0);
    for (const c of chains) expect(c.segments.map((s) => s.order)).toEqual([...c.segments.map((s) => s.order)].sort((a, b) => a - b));
  });

  it('draws the whole district, truncates at the limit, groups by park', async () => {
    const total = (await h.db.read('MATCH (e:Enterprise) RETURN count(e) AS n'))[0]?.n as number;
    const all = dataOf(await h.gql('{ graph { truncated totalEnterprises nodes { id kind } edges { id source target } } }')).graph as Graph;
    expect(all.truncated).toBe(false);
    expect(all.totalEnterprises).toBe(total);
    expect(all.nodes.filter((n) => n.kind === 'Enterprise').length).toBe(total);
    const cut = dataOf(await h.gql('{ graph(limit: 3) { truncated totalEnterprises nodes { id isAnchor } } }')).graph as Graph & { nodes: Array<{ isAnchor: boolean }> };
    expect(cut.truncated).toBe(true);
    expect(cut.nodes.length).toBe(3);
    expect(cut.nodes[0]?.isAnchor).toBe(true);
    // `groupBy: null` given outright (the fuzzer found it answered INTERNAL) draws no groups, as omitting it does.
    const nullGroups = dataOf(await h.gql('{ graph(groupBy: null) { totalEnterprises nodes { id kind } } }')).graph as Graph;
    expect(nullGroups.nodes).toEqual(all.nodes.map((n) => ({ id: n.id, kind: n.kind })));
    const grouped = dataOf(await h.gql('{ graph(groupBy: PARK) { nodes { id kind parentId } } }')).graph as Graph;
    const parks = new Set(grouped.nodes.filter((n) => n.kind === 'Place').map((n) => n.id));
    expect(parks.size).toBeGreaterThan(0);
    expect(grouped.nodes.filter((n) => n.parentId).every((n) => parks.has(n.parentId!))).toBe(true);
    const before = dataOf(await h.gql('{ graph(asOf: "2018-12") { nodes { id } } }')).graph as Graph;
    expect(before.nodes.map((n) => n.id)).toEqual([TOUTIAO]);
  });

  it('counts the dashboard as of a date', async () => {
    const d = dataOf(await h.gql('{ stats(asOf: "2019-08") { asOf enterprises anchors byYear { year count } circles { anchor { id } size } } }'));
    const s = d.stats as { asOf: string; enterprises: number; circles: Array<{ anchor: { id: string }; size: number }> };
    expect(s.asOf).toBe('2019-08-31');
    const landed = (await h.db.read("MATCH (e:Enterprise) WHERE coalesce(e.local, true) AND e.landedOn <= '2019-08-31' RETURN count(e) AS n"))[0]?.n;
    expect(s.enterprises).toBe(landed);
    expect(s.circles.find((c) => c.anchor.id === TOUTIAO)?.size).toBeGreaterThanOrEqual(1);
  });

  it('reads a place and a project, null for unknown ids', async () => {
    const park = (await h.db.read("MATCH (p:Place {kind: 'park'}) RETURN p.id AS id LIMIT 1"))[0]?.id as string;
    const d = dataOf(await h.gql('query($id: ID!) { place(id: $id) { id kind parent { id } } project(id: "none") { id } }', { id: park }));
    expect(d.place).toMatchObject({ id: park, kind: 'park' });
    expect(d.project).toBeNull();
  });
});
