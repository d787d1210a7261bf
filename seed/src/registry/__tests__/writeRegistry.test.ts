// A district's registry exports written into the real Neo4j: the first month, the next month's
// refresh, bad rows, the review queue, and the article's firms alongside (fixtures/: the files as
// users have them, fixtureFirms.ts: what they hold).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts, resetDb, testDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import { asOfCypher, endOfPeriod } from '@cangshan/model';
import { loadArticleDataSet } from '../../article/loadArticleDataSet.ts';
import { understandRegistryExport, type UnderstoodExport } from '../understandRegistryExport.ts';
import { applyRegistryImport, planRegistryImport, RegistryImportRefused, type RegistryPlan } from '../write/index.ts';
import { CODES, FILES, REG_K } from './fixtures/fixtureFirms.ts';
import { FIXTURE_DIR } from './fixtures/makeFixtures.ts';

const id = (letter: keyof typeof CODES): string => `uscc-${CODES[letter].toLowerCase()}`;
const fixture = (f: string): string => path.join(FIXTURE_DIR, f);

let db: Db;
let month1: UnderstoodExport;
let month2: UnderstoodExport;
let bad: UnderstoodExport;

async function firm(fid: string): Promise<Record<string, unknown>> {
  const [r] = await db.read('MATCH (e:Enterprise {id: $id}) RETURN properties(e) AS p', { id: fid });
  if (!r) throw new Error(`no enterprise ${fid}`);
  return r.p as Record<string, unknown>;
}
async function segmentsOf(fid: string): Promise<{ seg: string; placedBy: string | null; confidence: number | null; sourceKind: string; reason: string }[]> {
  return (await db.read(
    'MATCH (:Enterprise {id: $id})-[r:IN_SEGMENT]->(s:Segment) RETURN s.id AS seg, r.placedBy AS placedBy, r.confidence AS confidence, r.sourceKind AS sourceKind, r.reason AS reason ORDER BY seg',
    { id: fid },
  )) as never;
}
async function parentOf(fid: string): Promise<{ id: string; reason: string } | null> {
  const [r] = await db.read('MATCH (:Enterprise {id: $id})-[r:PART_OF]->(p:Enterprise) RETURN p.id AS id, r.reason AS reason', { id: fid });
  return (r as { id: string; reason: string } | undefined) ?? null;
}
const changeRecords = async (): Promise<{ actor: string; detail: string }[]> =>
  (await db.read("MATCH (c:Change {action: 'importRegistry'}) RETURN c.actor AS actor, c.detail AS detail ORDER BY c.at")) as never;

/** What the article says of its firms, which no registry import may change. */
async function articleFacts(): Promise<unknown> {
  return db.read(
    `MATCH (e:Enterprise) WHERE e.sourceKind <> 'REGISTRY'
     OPTIONAL MATCH (e)-[r:IN_SEGMENT]->(s:Segment)
     WITH e, collect(s.id + ':' + r.sourceKind + ':' + coalesce(r.reason, '')) AS segs
     RETURN e.id AS id, e.name AS name, e.nameEn AS nameEn, e.landedOn AS landedOn, e.sourceKind AS sourceKind, e.quotes AS quotes, e.reason AS reason, e.docId AS docId, e.aliases AS aliases, e.kind AS kind, e.searchZh AS searchZh, segs
     ORDER BY id`,
  );
}

let articleBefore: unknown;

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await loadArticleDataSet(db);
  articleBefore = await articleFacts();
  [month1, month2, bad] = await Promise.all([
    understandRegistryExport(fixture(FILES.month1)),
    understandRegistryExport(fixture(FILES.month2)),
    understandRegistryExport(fixture(FILES.bad)),
  ]);
});
afterAll(() => db.close());

describe('the first month (仓山区企业名录-2026-11.xlsx)', () => {
  let plan: RegistryPlan;

  it('previews without writing: counts, the firm matched by name, departures and the review queue', async () => {
    const before = await graphCounts(db);
    plan = await planRegistryImport(db, month1, { today: '2026-11-30' });
    expect(await graphCounts(db)).toEqual(before);
    expect(plan.districtId).toBe('district-cangshan');
    expect(plan.districtCreated).toBeNull();
    expect(plan.counts).toEqual({
      rows: 17, firms: 16, held: 0, duplicateRows: 1,
      new: 15, changed: 1, unchanged: 0,
      departures: 3, notInExport: 0, toReview: 4,
      errors: 0, warnings: plan.problems.length,
    });
    expect(plan.importable).toBe(true);
    // 大吕网络科技有限公司 is the article's 大吕网络科技 (by its alias): shown before anything is written.
    expect(plan.matched).toEqual([expect.objectContaining({ enterpriseId: 'dalv', matchedBy: 'alias', name: '大吕网络科技有限公司', rows: [10] })]);
    expect(plan.matched[0]?.changes.map((c) => c.field)).toEqual(expect.arrayContaining(['creditCode', 'foundedOn', 'registeredCapitalText']));
    expect(plan.matched[0]?.changes.map((c) => c.field)).not.toContain('name');
    expect(plan.problems.map((p) => p.kind)).toEqual(expect.arrayContaining(['matched by name', 'parent outside', 'duplicate row']));
    expect(plan.departures.map((d) => [d.enterpriseId, d.leftOn, d.leftHow]).sort()).toEqual(
      [
        [id('C'), '2023-03-15', 'closed'],
        [id('D'), '2024-05-20', 'movedOut'],
        [`regno-${REG_K}`, '2005-08-09', 'revoked'],
      ].sort(),
    );
    expect(plan.newFirms.filter((f) => f.needsReview).map((f) => f.enterpriseId).sort()).toEqual([id('F2'), id('G'), id('I'), id('Q')].sort());
  });

  it('writes every firm with its registry fields, sources, location and landing', async () => {
    const result = await applyRegistryImport(db, plan, { actor: 'test:planner' });
    expect(result.report.mode).toBe('single-tx');
    const a = await firm(id('A'));
    expect(a).toMatchObject({
      name: '福州星辰语音科技有限公司',
      creditCode: CODES.A,
      foundedOn: '2019-07-05',
      landedOn: '2019-07-05',
      approvedOn: '2021-03-04',
      status: 'active',
      registeredCapitalAmount: 50_000_000,
      registeredCapitalCurrency: 'CNY',
      registeredCapitalText: '5000万元人民币',
      paidInCapitalAmount: 10_000_000,
      industry: 'I65 软件和信息技术服务业',
      industryCodes: ['I65'],
      county: '仓山区',
      address: '福建省福州市仓山区浦上大道1号',
      formerNames: ['福州星辰信息技术有限公司'],
      insuredStaff: 60,
      local: true,
      kind: 'firm',
      sourceKind: 'REGISTRY',
      docId: plan.document.id,
      reason: `registry: ${FILES.month1} rows 2, 16`,
      registryDistrictId: 'district-cangshan',
    });
    expect(a.registryExtras).toContain('登记机关: 福州市仓山区市场监督管理局');
    expect(a.leftOn).toBeUndefined();
    // Every date form the export uses: a date cell, 2019/7/5, 20190705, 2019年7月5日.
    for (const f of ['B', 'C', 'D'] as const) expect((await firm(id(f))).foundedOn).toBe('2019-07-05');
    // Every capital form: 5000万元, 5,000,000元, 1000万美元 (never converted).
    expect(await firm(id('B'))).toMatchObject({ registeredCapitalAmount: 50_000_000, registeredCapitalCurrency: 'CNY' });
    expect(await firm(id('C'))).toMatchObject({ registeredCapitalAmount: 5_000_000, registeredCapitalCurrency: 'CNY', registeredCapitalText: '5,000,000元' });
    expect(await firm(id('D'))).toMatchObject({ registeredCapitalAmount: 10_000_000, registeredCapitalCurrency: 'USD', leftOn: '2024-05-20', leftHow: 'movedOut' });
    expect(await firm(id('C'))).toMatchObject({ status: 'closed', leftOn: '2023-03-15', leftHow: 'closed' });
    expect(await firm(`regno-${REG_K}`)).toMatchObject({ registrationNumber: REG_K, leftOn: '2005-08-09', leftHow: 'revoked' });
    expect(await db.read('MATCH (:Enterprise {id: $id})-[r:LOCATED_IN]->(p:Place) RETURN p.id AS p, r.since AS since, r.sourceKind AS k', { id: id('A') })).toEqual([
      { p: 'district-cangshan', since: '2019-07-05', k: 'REGISTRY' },
    ]);
    const [doc] = await db.read('MATCH (d:Document {id: $id}) RETURN d.title AS title, d.publishedOn AS publishedOn', { id: plan.document.id });
    expect(doc).toEqual({ title: FILES.month1, publishedOn: '2026-11-30' });
  });

  it('ties each branch to its parent: in the export, in the database, or made outside the district', async () => {
    expect(await parentOf(id('F2'))).toEqual({ id: id('F'), reason: 'registry: branch of 福州榕城游戏有限公司' });
    expect(await parentOf(id('G'))).toEqual({ id: 'huawei', reason: 'registry: branch of 华为技术有限公司' });
    const e = await parentOf(id('E'));
    expect(e?.id).toMatch(/^org-[0-9a-f]{10}$/);
    const parent = await firm(e?.id as string);
    expect(parent).toMatchObject({ name: '北京字节跳动科技有限公司', local: false, sourceKind: 'REGISTRY' });
    expect(parent.landedOn).toBeUndefined();
    expect(await firm(id('E'))).toMatchObject({ kind: 'unit', unitType: 'branch' });
  });

  it('places confident firms on their segment and queues the doubtful ones for review', async () => {
    expect(await segmentsOf(id('A'))).toEqual([{ seg: 'seg-ai-speech', placedBy: 'registry', confidence: 0.69, sourceKind: 'CURATED', reason: expect.stringMatching(/^CURATED: .*语音识别/) }]);
    expect(await segmentsOf(id('I'))).toEqual([]);
    expect(await firm(id('I'))).toMatchObject({ placementReview: 'pending', suggestedSegmentId: 'seg-content-ads', placementConfidence: 0.34 });
    expect(await firm(id('R'))).toMatchObject({ placementConfidence: 0.9 });
    expect((await firm(id('R'))).placementReview).toBeUndefined();
    expect(await segmentsOf(id('R'))).toEqual([]);
  });

  it('adds registry fields to the article firm it matched by name, and leaves the article its own', async () => {
    const dalv = await firm('dalv');
    expect(dalv).toMatchObject({ name: '大吕网络科技', landedOn: '2019-07', sourceKind: 'STATED', creditCode: CODES.H, foundedOn: '2019-06-20', legalRepresentative: '游小军' });
    expect((await segmentsOf('dalv')).map((s) => [s.seg, s.placedBy])).toEqual([
      ['seg-content-ip', null],
      ['seg-content-publish', null],
    ]);
    expect(await articleFacts()).toEqual(articleBefore);
  });

  it('records one Change with the file, the counts and the changes', async () => {
    const changes = await changeRecords();
    expect(changes).toHaveLength(1);
    const detail = JSON.parse(changes[0]?.detail as string) as { file: string; counts: { new: number }; changes: { id: string; changes: { field: string }[] }[] };
    expect(changes[0]?.actor).toBe('test:planner');
    expect(detail.file).toBe(FILES.month1);
    expect(detail.counts.new).toBe(15);
    expect(detail.changes.map((c) => c.id)).toEqual(['dalv']);
  });

  it('answers as of a date by landing and leaving: the closed cold-chain firm counts until the month it closed', async () => {
    const counts = async (asOf: string) =>
      (await db.read(`MATCH (e:Enterprise {id: $id}) RETURN ${asOfCypher.node('e')} AS counts`, { id: id('C'), asOf: endOfPeriod(asOf) }))[0]?.counts;
    expect(await counts('2019-06')).toBe(false);
    expect(await counts('2023-02')).toBe(true);
    expect(await counts('2023-03')).toBe(false);
  });

  it('a second import of the same file changes nothing', async () => {
    const again = await planRegistryImport(db, month1, { today: '2026-11-30' });
    expect(again.counts).toMatchObject({ new: 0, changed: 0, unchanged: 16, departures: 0, toReview: 0 });
    expect(again.writes.nodes).toEqual([]);
    expect(again.writes.relations).toEqual([]);
    const before = await graphCounts(db);
    const r = await applyRegistryImport(db, again, { actor: 'test:planner' });
    expect(r.report.created).toEqual({ nodes: {}, rels: {} });
    expect(r.report.updated).toEqual({ nodes: {}, rels: {} });
    expect(await graphCounts(db)).toEqual({ ...before, nodes: { ...before.nodes, Change: (before.nodes.Change ?? 0) + 1 } });
  });
});

describe('the next month (仓山区企业名录-2026-12.csv)', () => {
  let plan: RegistryPlan;

  it('previews what changed, who left and who is missing', async () => {
    plan = await planRegistryImport(db, month2, { today: '2026-12-31' });
    expect(plan.counts).toMatchObject({ rows: 16, firms: 16, new: 1, changed: 5, unchanged: 10, departures: 2, notInExport: 1, errors: 0 });
    expect(plan.newFirms.map((f) => f.enterpriseId)).toEqual([id('S')]);
    const changes = Object.fromEntries(plan.changedFirms.map((f) => [f.enterpriseId, f.changes]));
    expect(changes[id('B')]).toEqual([
      { field: 'legalRepresentative', from: '林云', to: '林云峰' },
      { field: 'registeredCapitalText', from: '5000万元', to: '8000万元' },
    ]);
    expect(changes[id('M')]).toEqual(
      expect.arrayContaining([
        { field: 'status', from: '存续', to: '注销' },
        { field: 'leftOn', from: null, to: '2026-12-10' },
      ]),
    );
    expect(changes[`regno-${REG_K}`]).toEqual(expect.arrayContaining([{ field: 'leftHow', from: 'revoked', to: 'closed' }]));
    expect(changes[id('N')]).toEqual(
      expect.arrayContaining([
        { field: 'name', from: '福州榕树智能制造有限公司', to: '福州榕树工业互联网科技有限公司' },
        { field: 'placement', from: 'seg-ai-manufacturing', to: 'seg-iiot-platform' },
      ]),
    );
    expect(plan.departures.map((d) => [d.enterpriseId, d.leftOn, d.leftHow]).sort()).toEqual(
      [
        [id('M'), '2026-12-10', 'closed'],
        [id('P'), '2026-12-01', 'movedOut'],
      ].sort(),
    );
    expect(plan.notInExport).toEqual([expect.objectContaining({ enterpriseId: id('F2'), name: '福州榕城游戏有限公司仓山分公司', leftOn: null })]);
  });

  it('writes the changes with their history; unchanged firms are not touched, the missing firm is not deleted', async () => {
    const unchangedBefore = await firm(id('A'));
    await applyRegistryImport(db, plan, { actor: 'test:planner' });
    expect(await firm(id('A'))).toEqual(unchangedBefore);
    const b = await firm(id('B'));
    expect(b).toMatchObject({ registeredCapitalAmount: 80_000_000, registeredCapitalText: '8000万元', legalRepresentative: '林云峰', docId: plan.document.id, reason: `registry: ${FILES.month2} row 3` });
    expect(b.registryHistory).toEqual([`2026-12 ${FILES.month2}: legalRepresentative 林云 → 林云峰; registeredCapitalText 5000万元 → 8000万元`]);
    expect(await firm(id('M'))).toMatchObject({ status: 'closed', leftOn: '2026-12-10', leftHow: 'closed' });
    expect(await firm(`regno-${REG_K}`)).toMatchObject({ status: 'closed', leftOn: '2005-08-09', leftHow: 'closed' });
    const n = await firm(id('N'));
    expect(n).toMatchObject({ name: '福州榕树工业互联网科技有限公司', formerNames: ['福州榕树智能制造有限公司'] });
    expect((await segmentsOf(id('N'))).map((s) => s.seg)).toEqual(['seg-iiot-platform']);
    // The renamed firm is found by its new name.
    expect(String(n.searchZh)).toContain('工业互联网');
    const f2 = await firm(id('F2'));
    expect(f2.leftOn).toBeUndefined();
    expect(await firm(id('S'))).toMatchObject({ landedOn: '2026-11-20', docId: plan.document.id });
  });

  it('with --full, the missing firm leaves in the month of the import, and is no longer reported', async () => {
    const full = await planRegistryImport(db, month2, { today: '2026-12-31', full: true });
    expect(full.counts).toMatchObject({ new: 0, changed: 0, departures: 1, notInExport: 1 });
    expect(full.departures).toEqual([expect.objectContaining({ enterpriseId: id('F2'), leftOn: '2026-12', leftHow: 'notInFullExport' })]);
    await applyRegistryImport(db, full, { actor: 'test:planner' });
    expect(await firm(id('F2'))).toMatchObject({ leftOn: '2026-12', leftHow: 'notInFullExport', registryHistory: [`2026-12 ${FILES.month2}: leftOn — → 2026-12; leftHow — → notInFullExport`] });
    const after = await planRegistryImport(db, month2, { today: '2026-12-31', full: true });
    expect(after.counts).toMatchObject({ changed: 0, departures: 0, notInExport: 0 });
  });

  it('a firm missing from a full export that comes back is in the district again', async () => {
    const back = await planRegistryImport(db, month1, { today: '2027-01-31' });
    const f2 = back.changedFirms.find((f) => f.enterpriseId === id('F2'));
    expect(f2?.changes).toEqual(expect.arrayContaining([{ field: 'leftOn', from: '2026-12', to: null }]));
    expect(back.problems.map((p) => p.kind)).toContain('returned');
  });
});

describe('bad rows (问题行-GBK.csv)', () => {
  it('refuse the whole import: every error named with its row, column, value and why, and nothing written', async () => {
    const plan = await planRegistryImport(db, bad, { today: '2026-12-31' });
    expect(plan.importable).toBe(false);
    expect(plan.counts).toMatchObject({ rows: 6, firms: 2, held: 3, errors: 3 });
    expect(plan.problems.slice(0, 3).map((p) => [p.level, p.row, p.column])).toEqual([
      ['error', 3, '统一社会信用代码'],
      ['error', 4, '统一社会信用代码'],
      ['error', 7, '企业名称'],
    ]);
    const before = await graphCounts(db);
    const refused = await applyRegistryImport(db, plan, { actor: 'test:planner' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RegistryImportRefused);
    expect((refused as Error).message).toContain(`${FILES.bad}:4 [统一社会信用代码] "9.13501E+17"`);
    expect((refused as RegistryImportRefused).problems).toHaveLength(3);
    expect(await graphCounts(db)).toEqual(before);
  });

  it('with holdInvalid, the valid rows are imported and the invalid ones held', async () => {
    const plan = await planRegistryImport(db, bad, { today: '2026-12-31', holdInvalid: true });
    expect(plan.importable).toBe(true);
    expect(plan.held.map((h) => [h.key, h.heldWhy?.slice(0, 20)])).toEqual([
      ['row:3', 'invalid credit code:'],
      ['row:4', 'invalid credit code:'],
      ['row:7', 'no firm name (企业名称)'],
    ]);
    await applyRegistryImport(db, plan, { actor: 'test:planner' });
    // Listed twice: the later row's capital wins.
    expect(await firm(id('T'))).toMatchObject({ name: '福州闽侯光电科技有限公司', registeredCapitalText: '500万元', foundedOn: '2019-07-05' });
    expect(await firm(id('U'))).toMatchObject({ name: '福州乌山文化传媒有限公司' });
    expect(await db.read("MATCH (e:Enterprise) WHERE e.name IN ['福州错码科技有限公司', '福州科学计数法科技有限公司'] RETURN e.id")).toEqual([]);
  });
});

describe('the article alongside', () => {
  it('its firms still load and answer as before', async () => {
    expect(await articleFacts()).toEqual(articleBefore);
    const report = await loadArticleDataSet(db);
    expect(report.created).toEqual({ nodes: {}, rels: {} });
    expect(await articleFacts()).toEqual(articleBefore);
    // Loading the article again does not take the registry's fields away.
    expect(await firm('dalv')).toMatchObject({ creditCode: CODES.H });
  });
});
