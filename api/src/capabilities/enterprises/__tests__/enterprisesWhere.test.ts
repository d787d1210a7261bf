// `enterprises(where, sort, asOf)` against the article data set (and three firms as a registry
// export writes them) in the real Neo4j, through the HTTP server. Ids are looked up by name.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, firstError, startHarness, type Harness } from '../../../__tests__/harness.ts';

let h: Harness;
const id: Record<string, string> = {};
let allIds: string[];

/** Three firms as a registry import writes them (registry fields; one closed, one moved out, one capital in USD). */
const REGISTRY_FIRMS = [
  {
    id: 'reg-mintai-cloud', name: '福州闽台云数据科技有限公司', creditCode: '91350104MA31U5QX2K', status: 'active', foundedOn: '2018-03-12', landedOn: '2018-03-12',
    registeredCapitalAmount: 10_000_000, registeredCapitalCurrency: 'CNY', companyType: '有限责任公司（自然人投资或控股）', industry: '软件和信息技术服务业',
    legalRepresentative: '林志强', address: '福建省福州市仓山区建新镇金山大道618号', insuredStaff: 86, placementConfidence: 0.82,
  },
  {
    id: 'reg-haixia-logistics', name: '福州海峡智联物流有限公司', creditCode: '91350104MA2Y7LQ03P', status: 'closed', foundedOn: '2016-05-20', landedOn: '2016-05-20', leftOn: '2021-06-30',
    registeredCapitalAmount: 5_000_000, companyType: '有限责任公司', industry: '道路运输业', legalRepresentative: '陈美华', address: '福建省福州市仓山区盖山镇齐安路', insuredStaff: 12, placementConfidence: 0.55,
  },
  {
    id: 'reg-rongxin-micro', name: '福州榕芯微电子有限公司', creditCode: '91350104MA32B9RT6W', status: 'movedOut', foundedOn: '2019-08-15', landedOn: '2019-08-15', leftOn: '2022-01',
    registeredCapitalAmount: 2_000_000, registeredCapitalCurrency: 'USD', companyType: '有限责任公司（外国法人独资）', industry: '计算机、通信和其他电子设备制造业',
    legalRepresentative: '黄建国', address: '福建省福州市仓山区城门镇', insuredStaff: 240,
  },
];

beforeAll(async () => {
  h = await startHarness();
  await h.db.write(
    `UNWIND $firms AS f
     CREATE (e:Entity:Enterprise) SET e = f, e.isAnchor = false, e.synthetic = false, e.local = true, e.kind = 'firm', e.sourceKind = 'REGISTRY', e.aliases = [], e.quotes = []`,
    { firms: REGISTRY_FIRMS },
  );
  const rows = await h.db.read('MATCH (e:Enterprise) RETURN e.id AS id, e.name AS name');
  for (const r of rows) id[r.name as string] = r.id as string;
  allIds = rows.map((r) => r.id as string).sort();
});
afterAll(() => h.close());

const QUERY = `query($where: EnterpriseWhere, $filter: EnterpriseFilter, $sort: [EnterpriseSort!], $asOf: AsOf, $first: Int, $after: String) {
  enterprises(where: $where, filter: $filter, sort: $sort, asOf: $asOf, first: $first, after: $after) {
    totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`;

/** The ids `where` selects (one page of all), sorted; checks totalCount agrees. */
async function ids(where: unknown, more: Record<string, unknown> = {}): Promise<string[]> {
  const d = dataOf(await h.gql(QUERY, { where, first: 1000, ...more })).enterprises as { totalCount: number; nodes: Array<{ id: string }> };
  expect(d.totalCount).toBe(d.nodes.length);
  return d.nodes.map((n) => n.id).sort();
}
const named = (...names: string[]): string[] => names.map((n) => id[n] ?? `no firm named ${n}`).sort();
const allBut = (...names: string[]): string[] => allIds.filter((x) => !named(...names).includes(x));

describe('where: scalar operators', () => {
  it('id eq and in; in [] matches nothing; {} matches everything', async () => {
    expect(await ids({ id: { eq: id['今日头条'] } })).toEqual(named('今日头条'));
    expect(await ids({ id: { in: [id['大吕网络科技'], id['华为'], 'no-such-firm'] } })).toEqual(named('大吕网络科技', '华为'));
    expect(await ids({ id: { in: [] } })).toEqual([]);
    expect(await ids({})).toEqual(allIds);
  });

  it('strings: eq, in, contains, startsWith, endsWith (case-sensitive), isNull', async () => {
    expect(await ids({ name: { eq: '华为' } })).toEqual(named('华为'));
    expect(await ids({ origin: { in: ['深圳'] }, kind: { eq: 'group' } })).toEqual(named('华为', '鸿海精密(富士康科技集团)'));
    expect(await ids({ name: { contains: '头条' } })).toEqual(named('今日头条', '今日头条相关运营和业务板块'));
    expect(await ids({ name: { startsWith: '工业富联' } })).toEqual(named('工业富联', '工业富联东南运营总部'));
    expect(await ids({ name: { endsWith: '有限公司' }, address: { contains: '仓山区' } })).toEqual(named(...REGISTRY_FIRMS.map((f) => f.name)));
    const toutiaoEn = (await h.db.read('MATCH (e:Enterprise {id: $id}) RETURN e.nameEn AS n', { id: id['今日头条'] }))[0]?.n as string;
    expect(await ids({ nameEn: { eq: toutiaoEn } })).toEqual(named('今日头条'));
    expect(await ids({ nameEn: { eq: toutiaoEn.toUpperCase() === toutiaoEn ? toutiaoEn.toLowerCase() : toutiaoEn.toUpperCase() } })).toEqual([]);
    expect(await ids({ unitType: { in: ['hq', 'lab'] } })).toEqual(named('大吕网络科技', '工业富联东南运营总部', '百度智能云(福州)AI实验室', '滴滴福州总部'));
    expect(await ids({ creditCode: { startsWith: '91350104' }, companyType: { contains: '外国法人' } })).toEqual(named('福州榕芯微电子有限公司'));
    expect(await ids({ industry: { eq: '道路运输业' }, legalRepresentative: { eq: '陈美华' } })).toEqual(named('福州海峡智联物流有限公司'));
    expect(await ids({ creditCode: { isNull: false } })).toEqual(named(...REGISTRY_FIRMS.map((f) => f.name)));
  });

  it('status: eq, in, isNull (GraphQL names, stored spelling)', async () => {
    expect(await ids({ status: { eq: 'ACTIVE' } })).toEqual(named('福州闽台云数据科技有限公司'));
    expect(await ids({ status: { in: ['CLOSED', 'MOVED_OUT'] } })).toEqual(named('福州海峡智联物流有限公司', '福州榕芯微电子有限公司'));
    expect(await ids({ status: { isNull: true } })).toEqual(allBut(...REGISTRY_FIRMS.map((f) => f.name)));
  });

  it('dates: eq as stored; bounds at the edges of their periods; isNull', async () => {
    expect(await ids({ landedOn: { eq: '2019-11' } })).toEqual(named('工业富联', '工业富联东南运营总部', '滴滴福州总部', '中软国际'));
    expect(await ids({ landedOn: { gte: '2019-11', lte: '2019' } })).toEqual(named('工业富联', '工业富联东南运营总部', '滴滴福州总部', '中软国际'));
    expect(await ids({ landedOn: { gt: '2019-11', lt: '2020-04' } })).toEqual(named('北科瑞声区域总部和研发中心'));
    expect(await ids({ landedOn: { lt: '2018' } })).toEqual(named('福州海峡智联物流有限公司'));
    expect(await ids({ signedOn: { gte: '2019-10' } })).toEqual(named('工业富联'));
    // Compared as stored: "2019-10" (month precision) sorts before the day "2019-10-01".
    expect(await ids({ signedOn: { gte: '2019-10-01' } })).toEqual([]);
    expect(await ids({ leftOn: { lte: '2021' } })).toEqual(named('福州海峡智联物流有限公司'));
    expect(await ids({ leftOn: { gt: '2021' } })).toEqual(named('福州榕芯微电子有限公司'));
    expect(await ids({ foundedOn: { gte: '2018', lt: '2019-09' } })).toEqual(named('福州闽台云数据科技有限公司', '福州榕芯微电子有限公司'));
    expect(await ids({ landedOn: { isNull: true }, kind: { eq: 'firm' } })).toEqual(named('北科瑞声'));
  });

  it('refuses a malformed date with the path', async () => {
    const e = firstError(await h.gql(QUERY, { where: { AND: [{ landedOn: { gte: '2019年' } }] } }));
    expect(e.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'where.AND[0].landedOn.gte' });
  });

  it('numbers: revenue, registered capital in yuan (CNY or no currency only), staff, placement confidence', async () => {
    expect(await ids({ revenueYuan: { gte: 4e7, lt: 4.5e7 } })).toEqual(named('大吕网络科技'));
    expect(await ids({ revenueYuan: { eq: 4e7 } })).toEqual(named('大吕网络科技'));
    expect(await ids({ revenueYuan: { gt: 4e7 } })).toEqual([]);
    expect(await ids({ registeredCapitalYuan: { gte: 1e6 } })).toEqual(named('福州闽台云数据科技有限公司', '福州海峡智联物流有限公司'));
    expect(await ids({ registeredCapitalYuan: { in: [5e6] } })).toEqual(named('福州海峡智联物流有限公司'));
    expect(await ids({ registeredCapitalYuan: { isNull: false } })).toEqual(named('福州闽台云数据科技有限公司', '福州海峡智联物流有限公司'));
    expect(await ids({ insuredStaff: { gt: 50, lte: 240 } })).toEqual(named('福州闽台云数据科技有限公司', '福州榕芯微电子有限公司'));
    expect(await ids({ insuredStaff: { in: [12, 13], lt: 13, gte: 12, eq: 12 } })).toEqual(named('福州海峡智联物流有限公司'));
    expect(await ids({ placementConfidence: { gt: 0.6 } })).toEqual(named('福州闽台云数据科技有限公司'));
    expect(await ids({ placementConfidence: { lte: 0.6 } })).toEqual(named('福州海峡智联物流有限公司'));
  });

  it('booleans, and local now or as of asOf', async () => {
    expect(await ids({ isAnchor: true })).toEqual(named('今日头条', '工业富联'));
    expect(await ids({ synthetic: true })).toEqual([]);
    const outside = ['北科瑞声', '字节跳动', '百度', '华为', '滴滴出行', '鸿海精密(富士康科技集团)', '永辉超市'];
    expect(await ids({ local: false })).toEqual(named(...outside, '福州海峡智联物流有限公司', '福州榕芯微电子有限公司'));
    // As of 2019-06: the closed firm was there, the moved-out one had not landed, 工业富联 neither.
    const local2019 = await ids({ local: true }, { asOf: '2019-06' });
    expect(local2019).toContain(id['福州海峡智联物流有限公司']);
    expect(local2019).not.toContain(id['福州榕芯微电子有限公司']);
    expect(local2019).not.toContain(id['工业富联']);
    expect(local2019).toContain(id['今日头条']);
  });
});

describe('where: reference data and related firms', () => {
  it('segment, chain and park select what the old filter does', async () => {
    const seg = (await h.db.read('MATCH (:Enterprise)-[:IN_SEGMENT]->(s:Segment)<-[:HAS_SEGMENT]-(c:Chain) RETURN s.id AS s, s.name AS sn, c.id AS c, c.name AS cn LIMIT 1'))[0];
    if (!seg) throw new Error('the article data set places no firm on a segment');
    const old = async (filter: unknown): Promise<string[]> => ids(undefined, { filter });
    expect(await ids({ segment: { id: { eq: seg.s } } })).toEqual(await old({ segmentId: seg.s }));
    expect(await ids({ segment: { name: { eq: seg.sn } } })).toEqual(await old({ segmentId: seg.s }));
    expect(await ids({ chain: { id: { in: [seg.c] } } })).toEqual(await old({ chainId: seg.c }));
    expect(await ids({ chain: { name: { startsWith: seg.cn } } })).toEqual(await old({ chainId: seg.c }));
    expect((await ids({ segment: { id: { eq: seg.s } } })).length).toBeGreaterThan(0);
    const beidou = id['北斗产业小镇'] ?? ((await h.db.read("MATCH (p:Place {name: '北斗产业小镇'}) RETURN p.id AS id"))[0]?.id as string);
    expect(await ids({ park: { id: { eq: beidou } } })).toEqual(await old({ parkId: beidou }));
    expect(await ids({ park: { name: { eq: '北斗产业小镇' } } })).toEqual(named('工业富联', '工业富联东南运营总部'));
    expect(await ids({ park: { kind: { eq: 'park' } }, NOT: { park: { name: { contains: '北斗' } } } })).toEqual(named('今日头条', '今日头条相关运营和业务板块', '大吕网络科技'));
  });

  it('attractedBySome and attractedByNone, without and with asOf (relation and anchor cut)', async () => {
    const drawn = await h.db.read("MATCH (a:Enterprise {name: '今日头条'})-[r:ATTRACTED]->(x) RETURN x.id AS id, r.since AS since, a.landedOn AS anchorLanded ORDER BY x.id");
    expect(await ids({ attractedBySome: { name: { eq: '今日头条' } } })).toEqual(drawn.map((d) => d.id).sort());
    const dated = drawn.find((d) => d.since !== null);
    if (!dated) throw new Error('no ATTRACTED relation of 今日头条 has a date');
    const since = dated.since as string;
    const before = `${Number(since.slice(0, 4)) - 1}-12`;
    // The relation had not begun: the firm is still listed (asOf does not cut the list) but does not match.
    expect(await ids({ attractedBySome: { name: { eq: '今日头条' } } }, { asOf: since })).toContain(dated.id);
    expect(await ids({ attractedBySome: { name: { eq: '今日头条' } } }, { asOf: before })).not.toContain(dated.id);
    expect(await ids({ attractedByNone: { name: { eq: '今日头条' } } }, { asOf: before })).toContain(dated.id);
    expect(await ids({ id: { eq: dated.id } }, { asOf: before })).toEqual([dated.id]);
    // Before the anchor itself landed, nothing it drew in counts, even relations without a date.
    const anchorLanded = drawn[0]?.anchorLanded as string;
    const beforeAnchor = `${Number(anchorLanded.slice(0, 4)) - 1}`;
    expect(await ids({ attractedBySome: { name: { eq: '今日头条' } } }, { asOf: beforeAnchor })).toEqual([]);
    expect(await ids({ attractedByNone: {} })).toEqual(allIds.filter((x) => !drawn.some((d) => d.id === x)));
    expect(await ids({ attractedSome: { name: { eq: '大吕网络科技' } } })).toEqual(named('今日头条'));
  });

  it('upstreamSome, downstreamSome, their None, partnersSome (either direction), nested', async () => {
    expect(await ids({ upstreamSome: { name: { eq: '大吕网络科技' } } })).toEqual(named('今日头条'));
    expect(await ids({ downstreamSome: { isAnchor: true } })).toEqual(named('大吕网络科技'));
    expect(await ids({ upstreamNone: {} })).toEqual(allBut('今日头条'));
    expect(await ids({ downstreamNone: {} })).toEqual(allBut('大吕网络科技'));
    expect(await ids({ partnersSome: { name: { eq: '华为' } } })).toEqual(named('中软国际'));
    expect(await ids({ partnersSome: { name: { eq: '中软国际' } } })).toEqual(named('华为'));
    expect(await ids({ upstreamSome: { attractedBySome: { isAnchor: true } } })).toEqual(named('今日头条'));
    const since = (await h.db.read("MATCH (:Enterprise {name: '大吕网络科技'})-[r:SUPPLIES]->() RETURN r.since AS s"))[0]?.s as string;
    // The supplier must itself count as of asOf: 大吕 landed after its supply relation began.
    const landed = (await h.db.read("MATCH (e:Enterprise {name: '大吕网络科技'}) RETURN e.landedOn AS l"))[0]?.l as string;
    expect(since < landed).toBe(true);
    expect(await ids({ upstreamSome: {} }, { asOf: since })).toEqual([]);
    expect(await ids({ upstreamSome: {} }, { asOf: landed })).toEqual(named('今日头条'));
    expect(await ids({ upstreamNone: {} }, { asOf: since })).toEqual(allIds);
  });

  it('parent: the group matches; with asOf only its PART_OF relation is cut', async () => {
    expect(await ids({ parent: { name: { eq: '字节跳动' } } })).toEqual(named('今日头条'));
    const rel = (await h.db.read("MATCH (u:Enterprise)-[r:PART_OF]->(g:Enterprise {name: '工业富联'}) RETURN u.id AS u, r.since AS since"))[0];
    if (!rel?.since) throw new Error('工业富联 has no dated unit');
    const since = rel.since as string;
    expect(await ids({ parent: { name: { eq: '工业富联' } } }, { asOf: since })).toEqual([rel.u]);
    expect(await ids({ parent: { name: { eq: '工业富联' } } }, { asOf: `${Number(since.slice(0, 4)) - 1}` })).toEqual([]);
    // 字节跳动 never landed, yet is 今日头条's group at any date.
    expect(await ids({ parent: { name: { eq: '字节跳动' } } }, { asOf: '2020-01' })).toEqual(named('今日头条'));
  });

  it('AND, OR, NOT; NOT includes firms missing the property; where ANDs with filter', async () => {
    expect(await ids({ OR: [{ name: { eq: '华为' } }, { name: { eq: '百度' } }] })).toEqual(named('华为', '百度'));
    expect(await ids({ AND: [{ origin: { eq: '深圳' } }, { kind: { eq: 'unit' } }] })).toEqual(named('工业富联东南运营总部', '北科瑞声区域总部和研发中心'));
    expect(await ids({ NOT: { revenueYuan: { gt: 1 } } })).toEqual(allBut('大吕网络科技'));
    expect(await ids({ NOT: { OR: [{ local: true }, { kind: { eq: 'group' } }] } })).toEqual(named('北科瑞声', '福州海峡智联物流有限公司', '福州榕芯微电子有限公司'));
    expect(await ids({ OR: [] })).toEqual([]);
    expect(await ids({ name: { contains: '今日头条' } }, { filter: { isAnchor: true } })).toEqual(named('今日头条'));
    expect(await ids({ local: true }, { filter: { local: false } })).toEqual([]);
  });

  it('refuses a hostile where with the path, before any Cypher runs', async () => {
    const deep = { upstreamSome: { upstreamSome: { upstreamSome: { upstreamSome: { upstreamSome: {} } } } } };
    expect(firstError(await h.gql(QUERY, { where: deep })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'where.upstreamSome.upstreamSome.upstreamSome.upstreamSome.upstreamSome' });
    const wide = { OR: Array.from({ length: 70 }, (_, i) => ({ partnersSome: { name: { contains: `${i}` } } })) };
    expect(firstError(await h.gql(QUERY, { where: wide })).extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });

  it('costs related-firm conditions by how often they run: an OR of deep chains is refused before any read', async () => {
    const chain = (kinds: string[]): Record<string, unknown> => kinds.reduceRight<Record<string, unknown>>((inner, k) => ({ [k]: inner }), { isAnchor: true });
    const deep = chain(['upstreamSome', 'partnersSome', 'downstreamSome', 'attractedBySome']);
    // One chain 4 deep is allowed and answers.
    expect(dataOf(await h.gql(QUERY, { where: deep }))).toHaveProperty('enterprises.totalCount');
    let reads = 0;
    const off = h.db.onQuery(() => reads++);
    try {
      const r = await h.gql(QUERY, { where: { OR: [deep, chain(['partnersSome', 'upstreamSome', 'upstreamSome', 'downstreamSome']), chain(['downstreamSome', 'downstreamSome', 'partnersSome', 'upstreamSome'])] } });
      expect(firstError(r).extensions).toMatchObject({ code: 'LIMIT_EXCEEDED' });
    } finally {
      off();
    }
    expect(reads).toBe(0);
  });
});

type Firm = Record<string, unknown> & { id: string };
const FIELDS: Record<string, (f: Firm) => unknown> = {
  ID: (f) => f.id,
  NAME: (f) => f.name,
  LANDED_ON: (f) => f.landedOn,
  SIGNED_ON: (f) => f.signedOn,
  LEFT_ON: (f) => f.leftOn,
  FOUNDED_ON: (f) => f.foundedOn,
  REVENUE_YUAN: (f) => f.revenueYuan,
  REGISTERED_CAPITAL_YUAN: (f) => (f.registeredCapitalCurrency == null || f.registeredCapitalCurrency === 'CNY' ? f.registeredCapitalAmount : null),
  INSURED_STAFF: (f) => f.insuredStaff,
  ORIGIN: (f) => f.origin,
  KIND: (f) => f.kind,
  STATUS: (f) => f.status,
};

/** The expected order, computed here: each key with missing values last, then id ascending. */
function expectedOrder(firms: Firm[], sort: Array<{ field: string; direction: 'ASC' | 'DESC' }>): string[] {
  const cmp = (a: unknown, b: unknown): number => (a === b ? 0 : (a as string | number) < (b as string | number) ? -1 : 1);
  return [...firms]
    .sort((x, y) => {
      for (const k of sort) {
        const a = FIELDS[k.field]?.(x) ?? null;
        const b = FIELDS[k.field]?.(y) ?? null;
        if (a === null && b === null) continue;
        if (a === null) return 1;
        if (b === null) return -1;
        const c = cmp(a, b) * (k.direction === 'DESC' ? -1 : 1);
        if (c !== 0) return c;
      }
      return cmp(x.id, y.id);
    })
    .map((f) => f.id);
}

describe('sort and keyset cursors', () => {
  let firms: Firm[];
  beforeAll(async () => {
    firms = (await h.db.read('MATCH (e:Enterprise) RETURN e {.*} AS f')).map((r) => r.f as Firm);
  });

  async function pageThrough(sort: unknown, first: number, where?: unknown): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 100; i++) {
      const d = dataOf(await h.gql(QUERY, { sort, first, after, where })).enterprises as { nodes: Array<{ id: string }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
      seen.push(...d.nodes.map((n) => n.id));
      if (!d.pageInfo.hasNextPage) return seen;
      after = d.pageInfo.endCursor;
    }
    throw new Error('paging did not end');
  }

  it('sorts on every field both ways, missing values last', async () => {
    for (const field of Object.keys(FIELDS)) {
      for (const direction of ['ASC', 'DESC'] as const) {
        const sort = [{ field, direction }];
        const d = dataOf(await h.gql(QUERY, { sort, first: 1000 })).enterprises as { nodes: Array<{ id: string }> };
        expect(d.nodes.map((n) => n.id), `${field} ${direction}`).toEqual(expectedOrder(firms, sort));
      }
    }
  });

  it('pages through the whole sorted list with cursors: every firm once, in order', async () => {
    for (const sort of [
      [{ field: 'LANDED_ON', direction: 'DESC' as const }],
      [{ field: 'KIND', direction: 'ASC' as const }, { field: 'ORIGIN', direction: 'DESC' as const }],
      [{ field: 'REVENUE_YUAN', direction: 'DESC' as const }, { field: 'INSURED_STAFF', direction: 'ASC' as const }, { field: 'NAME', direction: 'DESC' as const }],
      [{ field: 'ID', direction: 'DESC' as const }],
    ]) {
      const expected = expectedOrder(firms, sort);
      expect(await pageThrough(sort, 4), JSON.stringify(sort)).toEqual(expected);
      expect(await pageThrough(sort, 1), JSON.stringify(sort)).toEqual(expected);
    }
    // With a where: the sorted subset.
    const sort = [{ field: 'LANDED_ON', direction: 'ASC' as const }];
    expect(await pageThrough(sort, 2, { local: true })).toEqual(expectedOrder(firms, sort).filter((x) => (firms.find((f) => f.id === x)?.landedOn ?? null) !== null && !firms.find((f) => f.id === x)?.leftOn));
  });

  it('refuses a cursor of another sort; old id cursors keep working without sort (and with ID ASC)', async () => {
    const page = async (vars: Record<string, unknown>) => h.gql(QUERY, { first: 3, ...vars });
    const landedDesc = [{ field: 'LANDED_ON', direction: 'DESC' }];
    const sorted = (dataOf(await page({ sort: landedDesc })).enterprises as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    const plain = (dataOf(await page({})).enterprises as { pageInfo: { endCursor: string } }).pageInfo.endCursor;
    expect(firstError(await page({ sort: [{ field: 'LANDED_ON', direction: 'ASC' }], after: sorted }))).toMatchObject({
      message: expect.stringContaining('another order'),
      extensions: { code: 'BAD_USER_INPUT', argument: 'after' },
    });
    expect(firstError(await page({ after: sorted })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'after' });
    expect(firstError(await page({ sort: landedDesc, after: plain })).message).toContain('id order');
    const next = dataOf(await page({ after: plain })).enterprises as { nodes: Array<{ id: string }> };
    const nextById = dataOf(await page({ after: plain, sort: [{ field: 'ID' }] })).enterprises as { nodes: Array<{ id: string }> };
    expect(next.nodes.map((n) => n.id)).toEqual(allIds.slice(3, 6));
    expect(nextById).toEqual(next);
  });

  it('refuses more than 3 sort keys', async () => {
    const sort = ['NAME', 'KIND', 'ORIGIN', 'STATUS'].map((field) => ({ field }));
    expect(firstError(await h.gql(QUERY, { sort })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'sort' });
  });
});
