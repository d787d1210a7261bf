// Firms that leave the district (closed, revoked, moved out: `leftOn`) through the API in the real
// Neo4j: as of any date on or after its leftOn a firm no longer counts — in circles, the overview,
// the dashboard, chain gaps and the recruitment scope — and growth counts its departure. The data
// set is a small registry-sourced district in the import format, loaded by seed's importer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataSet, NodeRecord, RelRecord } from '@cangshan/model';
import { importDataSet } from '@cangshan/seed';
import { dataOf, startHarness, type Harness } from './harness.ts';

const DOC = 'doc-registry-2026-11';
const registry = { synthetic: false, sourceKind: 'REGISTRY', docId: DOC, quotes: null } as const;
const curated = (reason: string) => ({ synthetic: false, sourceKind: 'CURATED', reason, quotes: null, docId: null }) as const;

const firm = (id: string, name: string, p: Partial<NodeRecord>, row: number): NodeRecord => ({
  id,
  label: 'Enterprise',
  name,
  isAnchor: false,
  local: true,
  kind: 'firm',
  ...registry,
  reason: `仓山区企业名录-2026-11.xlsx, row ${row}`,
  ...p,
});

/**
 * 枫叶科技 (anchor, 2019-01, segment A) drew in 青松软件 (2019-03, A) and 北溪数据 (2019-05, B: the
 * only firm of B), which closed on 2021-03-15; it partners with 南台物流 (2020-02, A), which moved
 * out in 2022-07. 白鹭智能 is outside (never landed, B), tied to 青松 and 北溪; 闽江服务 is marked
 * local with no landing date (created so, through the API or an import).
 */
const DATA: DataSet = {
  nodes: [
    { id: DOC, label: 'Document', title: '仓山区企业名录-2026-11.xlsx', publisher: '仓山区市场监督管理局', publishedOn: '2026-11-30', ...registry, reason: 'the district export of 2026-11' },
    { id: 'chain-t', label: 'Chain', name: '测试产业链', nameEn: 'Test chain', order: 1, ...curated('test chain') },
    { id: 'seg-t-a', label: 'Segment', name: '上游环节', nameEn: 'Upstream', chainId: 'chain-t', order: 1, ...curated('test segment') },
    { id: 'seg-t-b', label: 'Segment', name: '下游环节', nameEn: 'Downstream', chainId: 'chain-t', order: 2, ...curated('test segment') },
    firm('dep-anchor', '福州枫叶科技有限公司', { isAnchor: true, landedOn: '2019-01', foundedOn: '2019-01-08', status: 'active', statusText: '存续' }, 2),
    firm('dep-stays', '福州青松软件有限公司', { landedOn: '2019-03', status: 'active' }, 3),
    firm(
      'dep-leaver',
      '福州北溪数据服务有限公司',
      {
        landedOn: '2019-05',
        leftOn: '2021-03-15',
        leftHow: 'closed',
        status: 'closed',
        statusText: '注销',
        creditCode: '91350104MA2XY7KQ3B',
        registrationNumber: '350104100012345',
        formerNames: ['福州北溪网络科技有限公司'],
        legalRepresentative: '林晓',
        foundedOn: '2019-04-22',
        approvedOn: '2021-03-15',
        registeredCapitalAmount: 1000000,
        registeredCapitalCurrency: 'CNY',
        registeredCapitalText: '100万元人民币',
        paidInCapitalAmount: 150000,
        paidInCapitalCurrency: 'USD',
        paidInCapitalText: '15万美元',
        companyType: '有限责任公司（自然人投资或控股）',
        industry: '软件和信息技术服务业',
        industryCodes: ['I65'],
        address: '福建省福州市仓山区建新镇金山大道618号',
        businessScope: '数据处理和存储支持服务；软件开发。',
        insuredStaff: 12,
        placementReview: 'confirmed',
        placementConfidence: 0.92,
        placementReason: 'CURATED: 所属行业=软件和信息技术服务业',
      },
      4,
    ),
    firm('dep-moved', '福州南台物流有限公司', { landedOn: '2020-02', leftOn: '2022-07', leftHow: 'movedOut', status: 'movedOut', statusText: '迁出' }, 5),
    firm('dep-outside', '厦门白鹭智能有限公司', { local: false, ...curated('a candidate the district courts') }, 6),
    firm('dep-undated', '福州闽江服务有限公司', {}, 7),
  ],
  relations: [
    { type: 'HAS_SEGMENT', from: 'chain-t', to: 'seg-t-a', since: null, ...curated('test chain') },
    { type: 'HAS_SEGMENT', from: 'chain-t', to: 'seg-t-b', since: null, ...curated('test chain') },
    { type: 'FEEDS', from: 'seg-t-a', to: 'seg-t-b', since: null, ...curated('test chain') },
    ...(
      [
        ['dep-anchor', 'seg-t-a'],
        ['dep-stays', 'seg-t-a'],
        ['dep-leaver', 'seg-t-b'],
        ['dep-moved', 'seg-t-a'],
        ['dep-outside', 'seg-t-b'],
      ] as const
    ).map(([from, to]): RelRecord => ({ type: 'IN_SEGMENT', from, to, since: null, ...curated('所属行业') })),
    { type: 'ATTRACTED', from: 'dep-anchor', to: 'dep-stays', since: '2019-03', ...curated('test tie') },
    { type: 'ATTRACTED', from: 'dep-anchor', to: 'dep-leaver', since: '2019-05', ...curated('test tie') },
    { type: 'SUPPLIES', from: 'dep-leaver', to: 'dep-anchor', since: '2019-06', ...curated('test tie') },
    { type: 'PARTNER_OF', from: 'dep-anchor', to: 'dep-moved', since: '2020-02', ...curated('test tie') },
    { type: 'SUPPLIES', from: 'dep-outside', to: 'dep-stays', since: '2019-04', ...curated('test tie') },
    { type: 'SUPPLIES', from: 'dep-outside', to: 'dep-leaver', since: '2019-06', ...curated('test tie') },
  ],
};

let h: Harness;

beforeAll(async () => {
  h = await startHarness({}, { load: false });
  await importDataSet(h.db, DATA);
});

afterAll(async () => {
  await h?.close();
});

const ids = (xs: Array<{ id: string }>): string[] => xs.map((x) => x.id).sort();
const firmIds = (g: { nodes: Array<{ id: string; kind: string }> }): string[] => ids(g.nodes.filter((n) => n.kind === 'Enterprise'));

describe('a firm that left', () => {
  it('reads its registry fields, derived local, and Money as written', async () => {
    const d = dataOf(
      await h.gql(`{ enterprise(id: "dep-leaver") {
        local landedOn leftOn leftHow status statusText creditCode registrationNumber formerNames legalRepresentative foundedOn approvedOn
        registeredCapital { amount currency text } paidInCapital { amount currency text } companyType industry industryCodes address businessScope
        insuredStaff placementReview placementConfidence placementReason sourceKind sources { kind reason title }
      }
      stays: enterprise(id: "dep-stays") { local leftOn leftHow status registeredCapital { amount } formerNames industryCodes }
      outside: enterprise(id: "dep-outside") { local }
      undated: enterprise(id: "dep-undated") { local } }`),
    );
    expect(d.enterprise).toEqual({
      local: false,
      landedOn: '2019-05',
      leftOn: '2021-03-15',
      leftHow: 'CLOSED',
      status: 'CLOSED',
      statusText: '注销',
      creditCode: '91350104MA2XY7KQ3B',
      registrationNumber: '350104100012345',
      formerNames: ['福州北溪网络科技有限公司'],
      legalRepresentative: '林晓',
      foundedOn: '2019-04-22',
      approvedOn: '2021-03-15',
      registeredCapital: { amount: 1000000, currency: 'CNY', text: '100万元人民币' },
      paidInCapital: { amount: 150000, currency: 'USD', text: '15万美元' },
      companyType: '有限责任公司（自然人投资或控股）',
      industry: '软件和信息技术服务业',
      industryCodes: ['I65'],
      address: '福建省福州市仓山区建新镇金山大道618号',
      businessScope: '数据处理和存储支持服务；软件开发。',
      insuredStaff: 12,
      placementReview: 'CONFIRMED',
      placementConfidence: 0.92,
      placementReason: 'CURATED: 所属行业=软件和信息技术服务业',
      sourceKind: 'REGISTRY',
      sources: [{ kind: 'REGISTRY', reason: '仓山区企业名录-2026-11.xlsx, row 4', title: '仓山区企业名录-2026-11.xlsx' }],
    });
    expect(d.stays).toEqual({ local: true, leftOn: null, leftHow: null, status: 'ACTIVE', registeredCapital: null, formerNames: [], industryCodes: [] });
    expect(d.outside).toEqual({ local: false });
    expect(d.undated).toEqual({ local: true });
  });

  it('is found by its credit code in any case, its registration number, and its former name', async () => {
    const search = async (q: string) => ((dataOf(await h.gql('query($q: String!) { search(query: $q) { id } }', { q })).search as Array<{ id: string }>).map((x) => x.id));
    expect((await search(' 91350104ma2xy7kq3b '))[0]).toBe('dep-leaver');
    expect((await search('350104100012345'))[0]).toBe('dep-leaver');
    expect((await search('福州北溪网络科技有限公司'))[0]).toBe('dep-leaver');
    expect((await search('北溪网络'))).toContain('dep-leaver');
    // A part of a code is no code.
    expect(await search('91350104MA2XY7KQ3')).not.toContain('dep-leaver');
  });

  it('is in its anchor’s circle before it left, and not from the month it left', async () => {
    const circle = async (asOf: string | null) =>
      dataOf(await h.gql('query($a: AsOf) { circle(anchorId: "dep-anchor", asOf: $a) { nodes { id kind leftOn local } } }', { a: asOf })).circle as {
        nodes: Array<{ id: string; kind: string; leftOn: string | null; local: boolean }>;
      };
    expect(firmIds(await circle('2021-02'))).toEqual(['dep-anchor', 'dep-leaver', 'dep-moved', 'dep-stays']);
    expect(firmIds(await circle('2021-03'))).toEqual(['dep-anchor', 'dep-moved', 'dep-stays']);
    expect(firmIds(await circle('2021-03-14'))).toContain('dep-leaver');
    expect(firmIds(await circle('2021-03-15'))).not.toContain('dep-leaver');
    expect(firmIds(await circle('2022-07'))).toEqual(['dep-anchor', 'dep-stays']);
    // No cursor, no cut: the firm that left is there, with its leftOn, still a firm of the district's history.
    const all = await circle(null);
    expect(all.nodes.find((n) => n.id === 'dep-leaver')).toEqual({ id: 'dep-leaver', kind: 'Enterprise', leftOn: '2021-03-15', local: true });
    expect(all.nodes.find((n) => n.id === 'dep-outside')?.local).toBe(false);
  });

  it('leaves its customer’s supply chain from the month it left, and has none of its own then', async () => {
    const chain = async (id: string, asOf: string) =>
      dataOf(await h.gql('query($id: ID!, $a: AsOf) { chain(enterpriseId: $id, direction: UPSTREAM, asOf: $a) { nodes { id kind } } }', { id, a: asOf })).chain as {
        nodes: Array<{ id: string; kind: string }>;
      };
    expect(firmIds(await chain('dep-anchor', '2021-02'))).toEqual(['dep-anchor', 'dep-leaver']);
    expect(firmIds(await chain('dep-anchor', '2021-03'))).toEqual(['dep-anchor']);
    // Its own supplier never landed: as of a date, the chain is the firm alone.
    expect(firmIds(await chain('dep-leaver', '2021-02'))).toEqual(['dep-leaver']);
    expect((await chain('dep-leaver', '2021-03')).nodes).toEqual([]);
  });

  it('leaves the overview graph and the segment’s firms as of its leftOn', async () => {
    const graph = async (asOf: string | null) =>
      dataOf(await h.gql('query($a: AsOf) { graph(asOf: $a) { nodes { id kind } } }', { a: asOf })).graph as { nodes: Array<{ id: string; kind: string }> };
    expect(firmIds(await graph('2021-02'))).toEqual(['dep-anchor', 'dep-leaver', 'dep-moved', 'dep-stays']);
    expect(firmIds(await graph('2021-03'))).toEqual(['dep-anchor', 'dep-moved', 'dep-stays']);
    const seg = async (asOf: string | null, local: boolean | null) =>
      ids(
        ((dataOf(await h.gql('query($a: AsOf, $l: Boolean) { chains { segments { id enterprises(asOf: $a, local: $l) { id } } } }', { a: asOf, l: local })).chains as Array<{
          segments: Array<{ id: string; enterprises: Array<{ id: string }> }>;
        }>)[0]?.segments.find((s) => s.id === 'seg-t-b')?.enterprises) ?? [],
      );
    expect(await seg('2021-02', null)).toEqual(['dep-leaver']);
    expect(await seg('2021-03', null)).toEqual([]);
    // `local` is derived from the dates: now, the firm that left is not local; the outside one neither.
    expect(await seg(null, true)).toEqual([]);
    expect(await seg(null, false)).toEqual(['dep-leaver', 'dep-outside']);
    const local = async (l: boolean) =>
      ids((dataOf(await h.gql('query($l: Boolean) { enterprises(filter: { local: $l }, first: 50) { nodes { id } } }', { l })).enterprises as { nodes: Array<{ id: string }> }).nodes);
    expect(await local(true)).toEqual(['dep-anchor', 'dep-stays', 'dep-undated']);
    expect(await local(false)).toEqual(['dep-leaver', 'dep-moved', 'dep-outside']);
    // In `graph`, `local` is read at the graph's cursor.
    const localAt = dataOf(await h.gql('{ graph(asOf: "2021-02", filter: { local: true }) { nodes { id kind } } }')).graph as { nodes: Array<{ id: string; kind: string }> };
    expect(firmIds(localAt)).toEqual(['dep-anchor', 'dep-leaver', 'dep-moved', 'dep-stays']);
  });

  it('moves from the dashboard’s firms to its outside count as of its leftOn', async () => {
    const stats = async (asOf: string | null) =>
      dataOf(await h.gql('query($a: AsOf) { stats(asOf: $a) { enterprises anchors outside byChain { chainId count } circles { anchor { id } size } } }', { a: asOf })).stats as {
        enterprises: number;
        outside: number;
        byChain: Array<{ chainId: string | null; count: number }>;
        circles: Array<{ anchor: { id: string }; size: number }>;
      };
    // Before any landing but the anchor's and 青松's: the others landed later or never.
    expect(await stats('2019-04')).toMatchObject({ enterprises: 2, outside: 3 });
    // Before it left: four firms are there; only the one that never landed is outside; the
    // undated local firm is in neither (its landing cannot be placed at a date).
    const before = await stats('2021-02');
    expect(before).toMatchObject({ enterprises: 4, outside: 1, byChain: [{ chainId: 'chain-t', count: 4 }] });
    expect(before.circles).toEqual([{ anchor: { id: 'dep-anchor' }, size: 3 }]);
    const after = await stats('2021-03');
    expect(after).toMatchObject({ enterprises: 3, outside: 2, byChain: [{ chainId: 'chain-t', count: 3 }] });
    expect(after.circles).toEqual([{ anchor: { id: 'dep-anchor' }, size: 2 }]);
    expect(await stats('2022-07')).toMatchObject({ enterprises: 2, outside: 3 });
    // No cursor: now. The two that left and the one that never landed are outside; the undated
    // local firm is in; together every firm.
    expect(await stats(null)).toMatchObject({ enterprises: 3, outside: 3 });
  });

  it('counts in growth as an arrival by landedOn and a departure by leftOn, in agreement with stats', async () => {
    type Point = { period: string; landed: number; departures: number; net: number; cumulative: number; cumulativeDepartures: number; cumulativeNet: number; landedIds: string[]; departedIds: string[] };
    const growth = async (q: string) => (dataOf(await h.gql(q)).growth as Point[]);
    const years = await growth('{ growth(interval: YEAR) { period landed departures net cumulative cumulativeDepartures cumulativeNet landedIds departedIds } }');
    expect(years.map((p) => [p.period, p.landed, p.departures, p.net, p.cumulative, p.cumulativeDepartures, p.cumulativeNet])).toEqual([
      ['2019', 3, 0, 3, 3, 0, 3],
      ['2020', 1, 0, 1, 4, 0, 4],
      ['2021', 0, 1, -1, 4, 1, 3],
      ['2022', 0, 1, -1, 4, 2, 2],
    ]);
    expect(years.find((p) => p.period === '2021')?.departedIds).toEqual(['dep-leaver']);
    expect(years.find((p) => p.period === '2022')?.departedIds).toEqual(['dep-moved']);
    // The firms there at each period's end are what stats counts as of it.
    for (const p of years) {
      const s = dataOf(await h.gql('query($a: AsOf) { stats(asOf: $a) { enterprises } }', { a: p.period })).stats as { enterprises: number };
      expect(s.enterprises).toBe(p.cumulativeNet);
    }
    const months = await growth('{ growth(from: "2021-02", to: "2021-04", interval: MONTH) { period landed departures net cumulative cumulativeDepartures cumulativeNet landedIds departedIds } }');
    expect(months.map((p) => [p.period, p.departures, p.net, p.cumulativeNet])).toEqual([
      ['2021-02', 0, 0, 4],
      ['2021-03', 1, -1, 3],
      ['2021-04', 0, 0, 3],
    ]);
    // An anchor's circle seen at the end of the range keeps the firms that left by then, so their departures count.
    const circle = await growth('{ growth(anchorId: "dep-anchor", to: "2022-12", interval: YEAR) { period landed departures net cumulative cumulativeDepartures cumulativeNet landedIds departedIds } }');
    expect(circle.map((p) => [p.period, p.landed, p.departures, p.cumulativeNet])).toEqual([
      ['2019', 3, 0, 3],
      ['2020', 1, 0, 4],
      ['2021', 0, 1, 3],
      ['2022', 0, 1, 2],
    ]);
  });

  it('leaves its segment a gap from the month it left, in the district and in its anchor’s circle', async () => {
    const gaps = async (asOf: string, anchorId: string | null) =>
      (dataOf(await h.gql('query($a: AsOf, $k: ID) { chainGaps(chainId: "chain-t", anchorId: $k, asOf: $a) { segments { segment { id } status localCount firms { id } } } }', { a: asOf, k: anchorId })).chainGaps as Array<{
        segments: Array<{ segment: { id: string }; status: string; localCount: number; firms: Array<{ id: string }> }>;
      }>)[0]!.segments.find((s) => s.segment.id === 'seg-t-b')!;
    for (const anchor of [null, 'dep-anchor']) {
      expect(await gaps('2021-02', anchor)).toEqual({ segment: { id: 'seg-t-b' }, status: 'WEAK', localCount: 1, firms: [{ id: 'dep-leaver' }] });
      expect(await gaps('2021-03', anchor)).toEqual({ segment: { id: 'seg-t-b' }, status: 'GAP', localCount: 0, firms: [] });
    }
    // What-if: the outside firm of that segment landing closes the reopened gap.
    const w = async (asOf: string) => dataOf(await h.gql('query($a: AsOf) { whatIf(enterpriseIds: ["dep-outside"], chainId: "chain-t", asOf: $a) { closedGaps } }', { a: asOf })).whatIf;
    expect(await w('2021-02')).toEqual({ closedGaps: 0 });
    expect(await w('2021-03')).toEqual({ closedGaps: 1 });
  });

  it('is in the recruitment scope before it left and neither in it nor a candidate after', async () => {
    type Target = { enterprise: { id: string }; ties: Array<{ via: string | null; edge: { source: string; target: string } }> };
    const targets = async (asOf: string) =>
      dataOf(await h.gql('query($a: AsOf) { recruitmentTargets(chainId: "chain-t", asOf: $a, limit: 20) { enterprise { id } ties { via edge { source target } } } }', { a: asOf }))
        .recruitmentTargets as Target[];
    // The candidate's direct ties to the scope's firms.
    const direct = (t: Target[], id: string) =>
      t.find((x) => x.enterprise.id === id)?.ties.filter((x) => x.via === null).map((x) => `${x.edge.source}->${x.edge.target}`).sort();
    const before = await targets('2021-02');
    expect(before.map((t) => t.enterprise.id)).toEqual(['dep-outside']);
    expect(direct(before, 'dep-outside')).toEqual(['dep-outside->dep-leaver', 'dep-outside->dep-stays']);
    const after = await targets('2021-04');
    expect(after.map((t) => t.enterprise.id)).toEqual(['dep-outside']);
    expect(direct(after, 'dep-outside')).toEqual(['dep-outside->dep-stays']);
    // Out of the scope, it can still connect a candidate to it in two steps, as any firm outside can.
    expect(after[0]?.ties.filter((x) => x.via !== null).map((x) => x.via)).toContain('dep-leaver');
    // Before it landed it was a candidate; after it left it is none.
    expect((await targets('2019-04')).map((t) => t.enterprise.id)).toContain('dep-leaver');
  });
});
