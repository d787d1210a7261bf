// The review queue and a planner's decision: a confirmed placement is kept across later imports,
// even one whose rules now point elsewhere.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import { loadArticleDataSet } from '../../article/loadArticleDataSet.ts';
import { understandRegistryExport } from '../understandRegistryExport.ts';
import { registryCsvBytes } from '../generator/writeRegistryExport.ts';
import { applyRegistryImport, confirmPlacement, planRegistryImport, PlacementTargetMissing } from '../write/index.ts';
import { CODES, FILES, HEADERS_M2, MONTH2 } from './fixtures/fixtureFirms.ts';
import { FIXTURE_DIR } from './fixtures/makeFixtures.ts';

const id = (letter: keyof typeof CODES): string => `uscc-${CODES[letter].toLowerCase()}`;
let db: Db;

const segmentsOf = async (fid: string) =>
  db.read('MATCH (:Enterprise {id: $id})-[r:IN_SEGMENT]->(s:Segment) RETURN s.id AS seg, r.placedBy AS placedBy, r.reviewedBy AS reviewedBy ORDER BY seg', { id: fid });
const props = async (fid: string) => ((await db.read('MATCH (e:Enterprise {id: $id}) RETURN properties(e) AS p', { id: fid }))[0]?.p ?? {}) as Record<string, unknown>;

/** The December export with 恒信商务咨询 (I) now plainly a supply-chain platform, so the rules would place it there. */
async function monthWithIMoved() {
  const rows = MONTH2.map((r) => (r.统一社会信用代码 === CODES.I ? { ...r, 所属行业: '商务服务业', 经营范围: '供应链管理服务；供应链平台运营；国际货运代理' } : r));
  const table = { headers: HEADERS_M2, rows: rows.map((r) => Object.fromEntries(HEADERS_M2.map((h) => [h, r[h] ?? null]))) };
  return understandRegistryExport({ buffer: registryCsvBytes(table, 'utf-8-bom'), fileName: '仓山区企业名录-2027-01.csv' });
}

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await loadArticleDataSet(db);
  const m1 = await understandRegistryExport(path.join(FIXTURE_DIR, FILES.month1));
  await applyRegistryImport(db, await planRegistryImport(db, m1, { today: '2026-11-30' }), { actor: 'test' });
});
afterAll(() => db.close());

describe('a planner confirms a placement', () => {
  it('replaces the firm\'s IN_SEGMENTs with the chosen one, marks it confirmed, and records who and when', async () => {
    expect(await props(id('I'))).toMatchObject({ placementReview: 'pending', suggestedSegmentId: 'seg-content-ads' });
    const r = await confirmPlacement(db, { enterpriseId: id('I'), segmentId: 'seg-content-ads', actor: 'editor:alice', at: '2026-12-02T09:00:00.000Z' });
    expect(r.removed).toEqual([]);
    expect(await segmentsOf(id('I'))).toEqual([{ seg: 'seg-content-ads', placedBy: 'planner', reviewedBy: 'editor:alice' }]);
    expect(await props(id('I'))).toMatchObject({ placementReview: 'confirmed', placementReviewedBy: 'editor:alice', placementReviewedAt: '2026-12-02T09:00:00.000Z' });
    const [change] = await db.read("MATCH (c:Change {action: 'confirmPlacement'}) RETURN c.actor AS actor, c.detail AS detail");
    expect(change).toEqual({ actor: 'editor:alice', detail: JSON.stringify({ enterpriseId: id('I'), segmentId: 'seg-content-ads', removed: [] }) });
  });

  it('may take a registry placement away (no chain)', async () => {
    const r = await confirmPlacement(db, { enterpriseId: id('A'), segmentId: null, actor: 'editor:alice' });
    expect(r.removed).toEqual(['seg-ai-speech']);
    expect(await segmentsOf(id('A'))).toEqual([]);
  });

  it('refuses an unknown firm or segment, writing nothing', async () => {
    await expect(confirmPlacement(db, { enterpriseId: 'no-such-firm', segmentId: null, actor: 'x' })).rejects.toBeInstanceOf(PlacementTargetMissing);
    await expect(confirmPlacement(db, { enterpriseId: id('Q'), segmentId: 'seg-nowhere', actor: 'x' })).rejects.toThrow('No chain segment has id "seg-nowhere"');
    expect(await props(id('Q'))).toMatchObject({ placementReview: 'pending' });
  });

  it('is kept by later imports, even when the rules now point elsewhere', async () => {
    const next = await monthWithIMoved();
    const plan = await planRegistryImport(db, next, { today: '2027-01-31' });
    const i = plan.changedFirms.find((f) => f.enterpriseId === id('I'));
    expect(i?.segmentId).toBe('seg-supply-platform');
    expect(i?.needsReview).toBe(false);
    expect(i?.changes.map((c) => c.field)).not.toContain('placement');
    const a = plan.changedFirms.find((f) => f.enterpriseId === id('A'));
    expect(a?.changes.map((c) => c.field) ?? []).not.toContain('placement');
    await applyRegistryImport(db, plan, { actor: 'test' });
    expect(await segmentsOf(id('I'))).toEqual([{ seg: 'seg-content-ads', placedBy: 'planner', reviewedBy: 'editor:alice' }]);
    expect(await props(id('I'))).toMatchObject({ placementReview: 'confirmed', businessScope: '供应链管理服务；供应链平台运营；国际货运代理' });
    expect(await segmentsOf(id('A'))).toEqual([]);
  });

  it('made between the preview and the import, it still wins', async () => {
    // Q waits for review; the rules of this export would keep it pending. Move Q's scope so they place it, preview, then confirm.
    const rows = MONTH2.map((r) => (r.统一社会信用代码 === CODES.Q ? { ...r, 所属行业: 'I65 软件和信息技术服务业', 经营范围: '语音识别技术服务；语音合成软件开发；声纹识别' } : r));
    const table = { headers: HEADERS_M2, rows: rows.map((r) => Object.fromEntries(HEADERS_M2.map((h) => [h, r[h] ?? null]))) };
    const u = await understandRegistryExport({ buffer: registryCsvBytes(table, 'utf-8-bom'), fileName: '仓山区企业名录-2027-02.csv' });
    const plan = await planRegistryImport(db, u, { today: '2027-02-28' });
    expect(plan.changedFirms.find((f) => f.enterpriseId === id('Q'))?.changes).toEqual(expect.arrayContaining([{ field: 'placement', from: 'review: seg-ai-software', to: 'seg-ai-speech' }]));
    await confirmPlacement(db, { enterpriseId: id('Q'), segmentId: 'seg-ai-software', actor: 'editor:bob' });
    await applyRegistryImport(db, plan, { actor: 'test' });
    expect(await segmentsOf(id('Q'))).toEqual([{ seg: 'seg-ai-software', placedBy: 'planner', reviewedBy: 'editor:bob' }]);
    expect(await props(id('Q'))).toMatchObject({ placementReview: 'confirmed', businessScope: '语音识别技术服务；语音合成软件开发；声纹识别' });
    // Its history says what the import did, not the placement it was kept from.
    const history = (await props(id('Q'))).registryHistory as string[];
    expect(history.at(-1)).toMatch(/^2027-02 仓山区企业名录-2027-02\.csv: .*businessScope/);
    expect(history.at(-1)).not.toContain('placement');
  });
});
