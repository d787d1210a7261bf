// Aggregates through the API on the article's data, each figure checked against the same data read
// back with plain Cypher and counted here in JavaScript.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asOfJs, endOfPeriod } from '@cangshan/model';
import { dataOf, firstError, startHarness, TOKENS, type Harness } from '../../../__tests__/harness.ts';
import { FIRM_STATUS_NAMES } from '../../enterprise/registryFields.ts';

let h: Harness;
const editor = { authorization: `Bearer ${TOKENS.editor}` };

interface Named {
  id: string;
  name: string;
}
interface Firm {
  id: string;
  origin: string | null;
  kind: string | null;
  status: string | null;
  landedOn: string | null;
  leftOn: string | null;
  revenueYuan: number | null;
  capital: number | null;
  currency: string | null;
  insuredStaff: number | null;
  segments: Named[];
  chains: Named[];
  parks: Named[];
  anchors: Array<Named & { since: string | null; landedOn: string | null; leftOn: string | null }>;
}

/** Every firm with what the aggregates read, straight from the database. */
async function readFirms(): Promise<Firm[]> {
  const rows = await h.db.read(`
    MATCH (e:Enterprise)
    RETURN e.id AS id, e.origin AS origin, e.kind AS kind, e.status AS status, e.landedOn AS landedOn, e.leftOn AS leftOn,
      e.revenueYuan AS revenueYuan, e.registeredCapitalAmount AS capital, e.registeredCapitalCurrency AS currency, e.insuredStaff AS insuredStaff,
      [(e)-[:IN_SEGMENT]->(s:Segment) | {id: s.id, name: s.name}] AS segments,
      [(e)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(c:Chain) | {id: c.id, name: c.name}] AS chains,
      [(e)-[:LOCATED_IN]->(p:Place) | {id: p.id, name: p.name}] AS parks,
      [(a:Enterprise)-[r:ATTRACTED]->(e) | {id: a.id, name: a.name, since: r.since, landedOn: a.landedOn, leftOn: a.leftOn}] AS anchors`);
  return rows as unknown as Firm[];
}

type By = 'SEGMENT' | 'CHAIN' | 'PARK' | 'ORIGIN' | 'KIND' | 'STATUS' | 'LANDED_YEAR' | 'LANDED_QUARTER' | 'ANCHOR';
type Key = { by: By; id: string | null; name: string | null };

const value = (by: By, v: string | null): Key[] => [{ by, id: v, name: v }];
const nodes = (by: By, ns: Named[]): Key[] => {
  const distinct = [...new Map(ns.map((n) => [n.id, n])).values()];
  return distinct.length === 0 ? [{ by, id: null, name: null }] : distinct.map((n) => ({ by, id: n.id, name: n.name }));
};

/** The values of a key for one firm, as the API documents them. */
function keysOf(f: Firm, by: By, cursor: string | null): Key[] {
  switch (by) {
    case 'SEGMENT': return nodes(by, f.segments);
    case 'CHAIN': return nodes(by, f.chains);
    case 'PARK': return nodes(by, f.parks);
    case 'ANCHOR': return nodes(by, f.anchors.filter((a) => asOfJs.rel(a, cursor) && asOfJs.node(a, cursor)));
    case 'ORIGIN': return value(by, f.origin);
    case 'KIND': return value(by, f.kind);
    case 'STATUS': return value(by, f.status === null ? null : (FIRM_STATUS_NAMES as Record<string, string>)[f.status] ?? null);
    case 'LANDED_YEAR': return value(by, f.landedOn === null ? null : f.landedOn.slice(0, 4));
    case 'LANDED_QUARTER':
      return value(by, f.landedOn !== null && f.landedOn.length >= 7 ? `${f.landedOn.slice(0, 4)}-Q${Math.ceil(Number(f.landedOn.slice(5, 7)) / 3)}` : null);
  }
}

const capitalYuan = (f: Firm): number | null => (f.currency === null || f.currency === 'CNY' ? f.capital : null);

function numberStats(values: Array<number | null>) {
  const vs = values.filter((v): v is number => v !== null);
  const sum = vs.reduce((a, b) => a + b, 0);
  return { count: vs.length, min: vs.length ? Math.min(...vs) : null, max: vs.length ? Math.max(...vs) : null, sum: vs.length ? sum : null, avg: vs.length ? sum / vs.length : null };
}
function dateStats(values: Array<string | null>) {
  const vs = values.filter((v): v is string => v !== null).sort();
  return { count: vs.length, min: vs[0] ?? null, max: vs.at(-1) ?? null };
}
/** A mean summed in another order differs in the last bit: compared to 9 significant digits. */
const near = (s: ReturnType<typeof numberStats>) => ({ ...s, avg: s.avg === null ? null : expect.closeTo(s.avg, Math.max(0, 9 - Math.ceil(Math.log10(Math.abs(s.avg) + 1)))) });
function statsOf(fs: Firm[]) {
  return {
    count: fs.length,
    revenueYuan: near(numberStats(fs.map((f) => f.revenueYuan))),
    registeredCapitalYuan: near(numberStats(fs.map(capitalYuan))),
    insuredStaff: near(numberStats(fs.map((f) => f.insuredStaff))),
    landedOn: dateStats(fs.map((f) => f.landedOn)),
  };
}

const byId = (a: string | null, b: string | null): number => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);

/** The groups of `fs` by `groupBy`: largest first, then by key id, null last. */
function groupsOf(fs: Firm[], groupBy: By[], cursor: string | null = null): Array<{ keys: Key[]; firms: Firm[] }> {
  const groups = new Map<string, { keys: Key[]; firms: Firm[] }>();
  for (const f of fs) {
    let combos: Key[][] = [[]];
    for (const by of groupBy) combos = combos.flatMap((c) => keysOf(f, by, cursor).map((k) => [...c, k]));
    for (const keys of combos) {
      const id = JSON.stringify(keys.map((k) => k.id));
      const g = groups.get(id) ?? { keys, firms: [] };
      g.firms.push(f);
      groups.set(id, g);
    }
  }
  return [...groups.values()].sort((a, b) => b.firms.length - a.firms.length || a.keys.reduce((d, k, i) => d || byId(k.id, b.keys[i]?.id ?? null), 0));
}

const STATS = 'count revenueYuan { count min max sum avg } registeredCapitalYuan { count min max sum avg } insuredStaff { count min max sum avg } landedOn { count min max }';

let firms: Firm[];

beforeAll(async () => {
  h = await startHarness();
  // What a registry import stores (docs/REGISTRY.md): capital in its own currency, staff, status. The
  // article gives none of these, so a few firms get realistic values, one capital in dollars and one
  // with no currency stated.
  await h.db.write(`
    UNWIND $rows AS row
    MATCH (e:Enterprise {id: row.id})
    SET e.registeredCapitalAmount = row.amount, e.registeredCapitalCurrency = row.currency, e.insuredStaff = row.staff, e.status = row.status`, {
    rows: [
      { id: 'toutiao', amount: 50_000_000, currency: 'CNY', staff: 412, status: 'active' },
      { id: 'fii', amount: 198_000_000, currency: 'CNY', staff: 1_250, status: 'active' },
      { id: 'dalv', amount: 10_000_000, currency: 'USD', staff: 35, status: 'movedOut' },
      { id: 'toutiao-ops', amount: 8_000_000, currency: null, staff: null, status: 'active' },
    ],
  });
  // Revenue as an editor writes it.
  for (const [id, revenueYuan] of [['toutiao', 3_000_000_000], ['fii', 1_200_000_000.5]] as const) {
    dataOf(await h.gql('mutation($id: ID!, $p: EnterprisePatch!) { updateEnterprise(id: $id, input: $p) { id } }', { id, p: { revenueYuan } }, editor));
  }
  firms = await readFirms();
}, 120_000);
afterAll(() => h?.close());

const aggregate = async (args: string, select = STATS, vars: Record<string, unknown> = {}, defs = '') =>
  dataOf(await h.gql(`query${defs} { enterpriseAggregate${args} { ${select} } }`, vars)).enterpriseAggregate as Record<string, unknown>;

describe('enterpriseAggregate', () => {
  it('has the data it is tested on: values of each statistic, firms with and without them', () => {
    const all = statsOf(firms);
    expect(all.revenueYuan.count).toBeGreaterThanOrEqual(3);
    expect(all.registeredCapitalYuan.count).toBe(3); // the dollars left out
    expect(all.insuredStaff.count).toBe(3);
    expect(all.landedOn.count).toBeGreaterThan(10);
  });

  it('counts every firm and computes each statistic', async () => {
    const got = await aggregate('');
    const want = statsOf(firms);
    expect(got).toEqual(want);
    expect(got.insuredStaff).toEqual({ count: 3, min: 35, max: 1250, sum: 1697, avg: expect.closeTo(1697 / 3, 6) });
  });

  it('computes only the statistics asked, and says null, not 0, for a sum of nothing', async () => {
    const got = await aggregate('(filter: {isAnchor: false, parkId: "nowhere"})', 'count insuredStaff { sum avg } landedOn { max }');
    expect(got).toEqual({ count: 0, insuredStaff: { sum: null, avg: null }, landedOn: { max: null } });
    const bare = await aggregate('(groupBy: [KIND])', 'landedOn { __typename } groups { keys { id } insuredStaff { __typename } }');
    expect(bare).toEqual({
      landedOn: { __typename: 'DateStats' },
      groups: groupsOf(firms, ['KIND']).map((g) => ({ keys: [{ id: g.keys[0]?.id }], insuredStaff: { __typename: 'NumberStats' } })),
    });
  });

  it.each(['SEGMENT', 'CHAIN', 'PARK', 'ORIGIN', 'KIND', 'STATUS', 'LANDED_YEAR', 'LANDED_QUARTER', 'ANCHOR'] as By[])('groups by %s', async (by) => {
    const got = await aggregate(`(groupBy: [${by}], limit: 1000)`, `count groups { keys { by id name } ${STATS} }`);
    const want = groupsOf(firms, [by]);
    expect(want.length).toBeGreaterThan(1);
    expect(got.count).toBe(firms.length);
    const groups = got.groups as Array<Record<string, unknown>>;
    expect(groups.map((g) => [g.keys, g.count])).toEqual(want.map((g) => [g.keys, g.firms.length]));
    for (const [i, g] of want.entries()) {
      const s = statsOf(g.firms);
      expect(groups[i]).toEqual({ keys: g.keys, ...s });
    }
  });

  it('groups by two keys: every combination of their values', async () => {
    const got = await aggregate('(groupBy: [CHAIN, KIND])', 'groups { keys { by id name } count revenueYuan { sum } }');
    const want = groupsOf(firms, ['CHAIN', 'KIND']);
    expect(want.some((g) => g.keys[1]?.id === 'unit')).toBe(true);
    expect(got.groups).toEqual(want.map((g) => ({ keys: g.keys, count: g.firms.length, revenueYuan: { sum: statsOf(g.firms).revenueYuan.sum } })));
  });

  it('gives the largest `limit` groups', async () => {
    const got = await aggregate('(groupBy: [ORIGIN], limit: 2)', 'groups { keys { id } count }');
    const want = groupsOf(firms, ['ORIGIN']).slice(0, 2);
    expect(got.groups).toEqual(want.map((g) => ({ keys: [{ id: g.keys[0]?.id }], count: g.firms.length })));
    expect((await aggregate('(groupBy: [ORIGIN], limit: 0)', 'count groups { count }'))).toEqual({ count: firms.length, groups: [] });
  });

  it('reads `local` and ANCHOR groups as of `asOf`, and without it now', async () => {
    for (const asOf of ['2019-06', '2020']) {
      const cursor = endOfPeriod(asOf);
      const inDistrict = firms.filter((f) => asOfJs.node(f, cursor));
      const got = await aggregate('(filter: {local: true}, asOf: $asOf, groupBy: [ANCHOR])', `${STATS} groups { keys { id name } count }`, { asOf }, '($asOf: AsOf)');
      const want = statsOf(inDistrict);
      expect(got).toMatchObject(want);
      const groups = groupsOf(inDistrict, ['ANCHOR'], cursor);
      expect(got.groups).toEqual(groups.map((g) => ({ keys: [{ id: g.keys[0]?.id, name: g.keys[0]?.name }], count: g.firms.length })));
      // `where.local` reads the same date
      expect((await aggregate('(where: {local: true}, asOf: $asOf)', 'count', { asOf }, '($asOf: AsOf)')).count).toBe(want.count);
    }
    const early = firms.filter((f) => asOfJs.node(f, endOfPeriod('2019-06')));
    const now = firms.filter((f) => f.leftOn === null && f.landedOn !== null);
    expect(early.length).toBeLessThan(now.length);
    expect((await aggregate('(filter: {local: true})', 'count')).count).toBe(now.length);
    // asOf alone leaves every firm in: it is the date conditions are read at, not a cut
    expect((await aggregate('(asOf: "2019-06")', 'count')).count).toBe(firms.length);
  });

  it('takes `where` and `filter` together', async () => {
    const toutiaoChain = firms.find((f) => f.id === 'toutiao')?.chains[0]?.id;
    expect(toutiaoChain).toBeDefined();
    const got = await aggregate('(where: {revenueYuan: {gte: 1000000000}}, filter: {chainId: $c})', 'count revenueYuan { sum }', { c: toutiaoChain }, '($c: ID)');
    const want = firms.filter((f) => (f.revenueYuan ?? 0) >= 1e9 && f.chains.some((c) => c.id === toutiaoChain));
    expect(want.length).toBeGreaterThan(0);
    expect(got).toEqual({ count: want.length, revenueYuan: { sum: statsOf(want).revenueYuan.sum } });
  });

  it('refuses more than two keys, a key twice, and more than 1000 groups, naming the argument', async () => {
    for (const [args, argument] of [
      ['(groupBy: [SEGMENT, KIND, ORIGIN])', 'groupBy'],
      ['(groupBy: [KIND, KIND])', 'groupBy'],
      ['(groupBy: [KIND], limit: 1001)', 'limit'],
      ['(limit: -1)', 'limit'],
    ] as const) {
      const err = firstError(await h.gql(`{ enterpriseAggregate${args} { count } }`));
      expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(err.message).toContain(`\`${argument}\``);
    }
    const where = firstError(await h.gql('{ enterpriseAggregate(where: {name: {contains: "' + 'x'.repeat(201) + '"}}) { count } }'));
    expect(where.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});

describe('a firm in two segments', () => {
  it('counts in both segments, once in the totals', async () => {
    const firm = firms.find((f) => f.segments.length === 1 && f.id === 'dalv') ?? firms.find((f) => f.segments.length === 1);
    const other = firms.flatMap((f) => f.segments).find((s) => s.id !== firm?.segments[0]?.id);
    expect(firm && other).toBeTruthy();
    const input = { type: 'IN_SEGMENT', fromId: firm?.id, toId: other?.id, source: { kind: 'CURATED', reason: 'its second line of business' } };
    dataOf(await h.gql('mutation($i: RelationInput!) { createRelation(input: $i) { id } }', { i: input }, editor));
    const after = await readFirms();
    const got = await aggregate('(groupBy: [SEGMENT], limit: 1000)', 'count groups { keys { id } count }');
    expect(got.count).toBe(after.length);
    const counts = new Map((got.groups as Array<{ keys: Array<{ id: string | null }>; count: number }>).map((g) => [g.keys[0]?.id ?? null, g.count]));
    for (const s of [firm?.segments[0]?.id, other?.id]) {
      expect(counts.get(s ?? null)).toBe(after.filter((f) => f.segments.some((x) => x.id === s)).length);
    }
    const sum = [...counts.values()].reduce((a, b) => a + b, 0);
    expect(sum).toBe(after.reduce((n, f) => n + Math.max(1, f.segments.length), 0));
    expect(sum).toBeGreaterThan(after.length);
  });
});

describe('Enterprise aggregates', () => {
  const LIST = 'id kind landedOn revenueYuan insuredStaff registeredCapital { amount currency }';

  it.each(['attracted', 'upstream', 'downstream', 'partners'])('%sAggregate equals the nested list, with and without asOf, for every parent of a page', async (rel) => {
    const q = `query($asOf: AsOf) { enterprises(first: 200) { nodes { id ${rel}(asOf: $asOf, first: 200) { ${LIST} } ${rel}Aggregate(asOf: $asOf) { ${STATS} } } } }`;
    const byFirm = new Map(firms.map((f) => [f.id, f]));
    let compared = 0;
    for (const asOf of [null, '2019-06']) {
      const nodes = (dataOf(await h.gql(q, { asOf })).enterprises as { nodes: Array<Record<string, unknown>> }).nodes;
      expect(nodes.length).toBe(firms.length);
      for (const n of nodes) {
        const list = n[rel] as Array<{ id: string }>;
        expect(list.length).toBeLessThan(200); // the whole list, not a page of it
        const distinct = [...new Set(list.map((x) => x.id))].map((id) => byFirm.get(id) as Firm);
        expect(n[`${rel}Aggregate`], `${String(n.id)}.${rel} as of ${asOf}`).toEqual(statsOf(distinct));
        if (list.length > 0) compared++;
      }
    }
    expect(compared).toBeGreaterThan(0); // the article has few firms with suppliers or partners: at least one list is compared
  });

  it('answers every parent of a level with one statement per field and arguments', async () => {
    let trips = 0;
    const off = h.db.onQuery(() => trips++);
    try {
      const q = `{ enterprises(first: 200) { nodes { id upstreamAggregate { count } partnersAggregate(groupBy: [KIND]) { groups { count } }
        again: partnersAggregate(groupBy: [KIND]) { groups { count } } } } }`;
      const nodes = (dataOf(await h.gql(q)).enterprises as { nodes: unknown[] }).nodes;
      expect(nodes.length).toBe(firms.length);
    } finally {
      off();
    }
    expect(trips).toBe(3); // the page, upstreamAggregate, partnersAggregate (the alias asks the same)
  });

  it('groups a relation and takes `where`', async () => {
    const q = `{ enterprise(id: "toutiao") { attracted(first: 1000) { id } attractedAggregate(groupBy: [KIND, LANDED_YEAR], where: {landedOn: {gte: "2019"}}) { count groups { keys { by id } count } } } }`;
    const e = dataOf(await h.gql(q)).enterprise as { attracted: Array<{ id: string }>; attractedAggregate: { count: number; groups: unknown[] } };
    const drawn = e.attracted.map((x) => firms.find((f) => f.id === x.id) as Firm).filter((f) => f.landedOn !== null && f.landedOn >= '2019');
    expect(drawn.length).toBeGreaterThan(1);
    expect(e.attractedAggregate.count).toBe(drawn.length);
    expect(e.attractedAggregate.groups).toEqual(groupsOf(drawn, ['KIND', 'LANDED_YEAR']).map((g) => ({ keys: g.keys.map((k) => ({ by: k.by, id: k.id })), count: g.firms.length })));
  });
});
