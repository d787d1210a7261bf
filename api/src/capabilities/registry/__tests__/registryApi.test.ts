// The registry import through the real API server: preview, a job polled to its end, the review
// queue and a planner's decision, who may do what, and bad files. The fixtures are seed's (the
// files as users have them: seed/src/registry/__tests__/fixtures/).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '@cangshan/neo4j';
import { graphCounts } from '@cangshan/neo4j/testing';
import { generateRegistryExport, registryXlsxBuffer } from '@cangshan/seed';
import { dataOf, firstError, startHarness, TOKENS, type Harness } from '../../../__tests__/harness.ts';

const FIXTURES = path.join(REPO_ROOT, 'seed/src/registry/__tests__/fixtures');
const MONTH1 = '仓山区企业名录-2026-11.xlsx';
const BAD = '问题行-GBK.csv';

let h: Harness;
const as = (role: keyof typeof TOKENS) => ({ authorization: `Bearer ${TOKENS[role]}` });
const upload = (name: string, extra: Record<string, unknown> = {}) => ({ filename: name, contentBase64: readFileSync(path.join(FIXTURES, name)).toString('base64'), ...extra });

const PREVIEW = `mutation($file: RegistryFileInput!) { previewRegistryImport(file: $file) {
  file encoding sheetName districtId importable
  columns { header field how note }
  counts { rows firms held duplicateRows new changed unchanged departures notInExport toReview errors warnings }
  problems(first: 3) { kind level file row column value why }
  newFirms(first: 3) { key name enterpriseId rows segmentId segmentName confidence needsReview }
  matched { key name enterpriseId matchedBy rows changes { field from to } }
  departures { enterpriseId leftOn leftHow }
  held { key heldWhy }
} }`;
const START = 'mutation($file: RegistryFileInput!) { startRegistryImport(file: $file) { id state done total phase startedAt finishedAt } }';
const JOB = 'query($id: ID!) { registryImportJob(id: $id) { id state done total phase error startedAt finishedAt counts { new changed departures toReview } problems { row column value why } } }';
const REVIEW = '{ placementReview { totalCount items { enterprise { id name } suggestedSegment { id name } confidence reason industry businessScope } } }';

type Job = { id: string; state: string; done: number; total: number; error: string | null; finishedAt: string | null; counts: Record<string, number> | null; problems: { row: number }[] };

/** Polls a job until it is over, as the web app's progress bar does. */
async function finished(id: string): Promise<Job> {
  for (let i = 0; i < 600; i++) {
    const job = dataOf(await h.gql(JOB, { id }, as('editor'))).registryImportJob as Job;
    if (job.state === 'DONE' || job.state === 'FAILED') return job;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('who may import', () => {
  it('needs a token (UNAUTHENTICATED) of role editor or admin (FORBIDDEN for a reader), for every operation', async () => {
    const anon = await h.gql(PREVIEW, { file: upload(MONTH1) });
    expect(anon.status).toBe(401);
    expect(firstError(anon).extensions?.code).toBe('UNAUTHENTICATED');
    for (const [q, v] of [
      [PREVIEW, { file: upload(MONTH1) }],
      [START, { file: upload(MONTH1) }],
      [REVIEW, {}],
      [JOB, { id: 'x' }],
      ['mutation { confirmPlacement(enterpriseId: "dalv", segmentId: null) { confidence } }', {}],
    ] as const) {
      const r = await h.gql(q, v, as('reader'));
      expect(firstError(r).extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('previewRegistryImport', () => {
  it('says what an import would do, and writes nothing', async () => {
    const before = await graphCounts(h.db);
    const p = dataOf(await h.gql(PREVIEW, { file: upload(MONTH1) }, as('editor'))).previewRegistryImport as Record<string, unknown>;
    expect(p).toMatchObject({ file: MONTH1, encoding: 'xlsx', sheetName: '企业列表', districtId: 'district-cangshan', importable: true });
    expect(p.counts).toEqual({ rows: 17, firms: 16, held: 0, duplicateRows: 1, new: 15, changed: 1, unchanged: 0, departures: 3, notInExport: 0, toReview: 4, errors: 0, warnings: 5 });
    const columns = p.columns as { header: string; field: string | null; how: string }[];
    expect(columns.find((c) => c.header === '统一社会信用代码')).toMatchObject({ field: 'creditCode', how: 'header' });
    expect(columns.find((c) => c.header === '登记机关')).toMatchObject({ field: null, how: 'extra' });
    expect(p.problems).toHaveLength(3);
    expect(p.newFirms).toHaveLength(3);
    expect((p.newFirms as { segmentName: string | null }[])[0]?.segmentName).toBeTruthy();
    expect(p.matched).toEqual([expect.objectContaining({ name: '大吕网络科技有限公司', enterpriseId: 'dalv', matchedBy: 'alias', rows: [10] })]);
    expect(p.departures).toHaveLength(3);
    expect(await graphCounts(h.db)).toEqual(before);
  });

  it('a file that cannot be read, bad base64, a bad mapping or page size: BAD_USER_INPUT naming the problem', async () => {
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ filename: '名录.xlsx', contentBase64: Buffer.from('not a workbook').toString('base64') }, 'file.contentBase64', /名录\.xlsx: has an Excel name but is not an \.xlsx workbook/],
      [{ filename: '名录.xls', contentBase64: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 1, 2, 3, 4]).toString('base64') }, 'file.contentBase64', /Excel 97-2003 workbook \(\.xls\)/],
      [{ filename: '名录.csv', contentBase64: '%%%not base64%%%' }, 'file.contentBase64', /is not base64/],
      [{ filename: '名录.csv', contentBase64: '' }, 'file.contentBase64', /名录\.csv is empty/],
      [upload(MONTH1, { sheet: '第二页' }), 'file.sheet', /has no worksheet named "第二页" \(it has: 企业列表\)/],
      [upload(MONTH1, { columns: { 企业名称: 'companyName' } }), 'file.columns', /is not a field/],
      [upload(MONTH1, { districtId: 'nowhere' }), 'file.districtId', /No Place has id "nowhere"/],
    ];
    for (const [file, argument, message] of cases) {
      const e = firstError(await h.gql(PREVIEW, { file }, as('editor')));
      expect(e.extensions, JSON.stringify(e)).toMatchObject({ code: 'BAD_USER_INPUT', argument });
      expect(e.message).toMatch(message);
    }
    const page = firstError(await h.gql('mutation($file: RegistryFileInput!) { previewRegistryImport(file: $file) { newFirms(first: 0) { key } } }', { file: upload(MONTH1) }, as('editor')));
    expect(page.extensions?.code).toBe('BAD_USER_INPUT');
    expect(firstError(await h.gql(START, { file: { filename: '名录.xlsx', contentBase64: 'AAAA' } }, as('editor'))).extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('takes an editor\'s large upload (IMPORT_BODY_LIMIT), which a reader\'s body limit refuses', async () => {
    const gen = generateRegistryExport({ seed: 7, rows: 1500 });
    const bytes = await registryXlsxBuffer(gen);
    const file = { filename: '仓山区企业名录-大.xlsx', contentBase64: Buffer.from(bytes).toString('base64') };
    expect(JSON.stringify(file).length).toBeGreaterThan(100 * 1024); // above BODY_LIMIT
    const editor = await h.gql('mutation($file: RegistryFileInput!) { previewRegistryImport(file: $file) { counts { rows } } }', { file }, as('editor'));
    expect(editor.status).toBe(200);
    expect((dataOf(editor).previewRegistryImport as { counts: { rows: number } }).counts.rows).toBe(1500);
    const reader = await h.gql('mutation($file: RegistryFileInput!) { previewRegistryImport(file: $file) { counts { rows } } }', { file }, as('reader'));
    expect(reader.status).toBe(413);
  });
});

describe('startRegistryImport', () => {
  it('refuses an export with errors as a FAILED job with its problems, writing nothing', async () => {
    const before = await graphCounts(h.db);
    const job = dataOf(await h.gql(START, { file: upload(BAD) }, as('editor'))).startRegistryImport as Job;
    const end = await finished(job.id);
    expect(end.state).toBe('FAILED');
    expect(end.error).toContain('has 3 error(s); nothing was written');
    expect(end.problems.map((p) => p.row)).toEqual([3, 4, 7]);
    expect(end.finishedAt).not.toBeNull();
    expect(await graphCounts(h.db)).toEqual(before);
  });

  it('runs after the mutation returns, reports progress, and ends DONE with the counts', async () => {
    const job = dataOf(await h.gql(START, { file: upload(MONTH1) }, as('editor'))).startRegistryImport as Job;
    expect(job.state).toBe('READING');
    expect(job.finishedAt).toBeNull();
    const end = await finished(job.id);
    expect(end).toMatchObject({ state: 'DONE', error: null, counts: { new: 15, changed: 1, departures: 3, toReview: 4 } });
    expect(end.done).toBe(end.total);
    expect(end.total).toBeGreaterThan(0);
    const changes = dataOf(await h.gql('{ changes(last: 1) { actor action detail } }', {}, as('editor'))).changes as { actor: string; action: string; detail: string }[];
    expect(changes[0]).toMatchObject({ action: 'importRegistry' });
    expect(changes[0]?.actor).toMatch(/^editor:/);
    expect(JSON.parse(changes[0]?.detail as string)).toMatchObject({ file: MONTH1, counts: { new: 15 } });
    // The article's firm keeps its name, landing and quotes; the registry added its code.
    const dalv = dataOf(await h.gql('{ enterprise(id: "dalv") { name landedOn sourceKind sources { kind quote } segment { id } } }')).enterprise as Record<string, unknown>;
    expect(dalv).toMatchObject({ name: '大吕网络科技', landedOn: '2019-07', sourceKind: 'STATED' });
    expect((dalv.sources as { quote: string | null }[]).some((s) => s.quote === '我们2019年4月签约,7月就把总部从北京搬到福州')).toBe(true);
  });

  it('answers null for a job it does not know', async () => {
    expect(dataOf(await h.gql(JOB, { id: 'no-such-job' }, as('editor'))).registryImportJob).toBeNull();
  });
});

describe('the review queue', () => {
  it('lists the doubtful placements, lowest confidence first, with what the planner needs to judge', async () => {
    const page = dataOf(await h.gql(REVIEW, {}, as('editor'))).placementReview as { totalCount: number; items: { enterprise: { id: string; name: string }; suggestedSegment: { id: string } | null; confidence: number; industry: string; businessScope: string }[] };
    expect(page.totalCount).toBe(4);
    expect(page.items.map((i) => [i.enterprise.name, i.suggestedSegment?.id, i.confidence])).toEqual([
      ['福州智汇科技有限公司', 'seg-ai-software', 0.23],
      ['华为技术有限公司福州分公司', 'seg-iiot-network', 0.28],
      ['福州恒信商务咨询有限公司', 'seg-content-ads', 0.34],
      ['福州榕城游戏有限公司仓山分公司', 'seg-content-dev', 0.36],
    ]);
    expect(page.items[0]).toMatchObject({ industry: '科技推广和应用服务业', businessScope: expect.stringContaining('人工智能') });
    const second = dataOf(await h.gql('{ placementReview(first: 2, offset: 2) { totalCount items { confidence } } }', {}, as('editor'))).placementReview;
    expect(second).toEqual({ totalCount: 4, items: [{ confidence: 0.34 }, { confidence: 0.36 }] });
    expect(firstError(await h.gql('{ placementReview(first: 501) { totalCount } }', {}, as('editor'))).extensions?.code).toBe('LIMIT_EXCEEDED');
  });

  it('confirmPlacement places the firm, takes it off the queue and records who decided', async () => {
    const page = dataOf(await h.gql(REVIEW, {}, as('editor'))).placementReview as { items: { enterprise: { id: string } }[] };
    const firm = page.items[0]?.enterprise.id as string;
    const r = dataOf(
      await h.gql('mutation($id: ID!) { confirmPlacement(enterpriseId: $id, segmentId: "seg-ai-platform") { enterprise { id segment { id } } suggestedSegment { id } confidence } }', { id: firm }, as('editor')),
    ).confirmPlacement;
    expect(r).toEqual({ enterprise: { id: firm, segment: { id: 'seg-ai-platform' } }, suggestedSegment: { id: 'seg-ai-software' }, confidence: 0.23 });
    expect((dataOf(await h.gql(REVIEW, {}, as('editor'))).placementReview as { totalCount: number }).totalCount).toBe(3);
    const [rel] = await h.db.read('MATCH (:Enterprise {id: $id})-[r:IN_SEGMENT]->(s:Segment) RETURN s.id AS seg, r.reviewedBy AS by, r.reviewedAt AS at', { id: firm });
    expect(rel?.seg).toBe('seg-ai-platform');
    expect(String(rel?.by)).toMatch(/^editor:/);
    const changes = dataOf(await h.gql('{ changes(last: 1) { action detail } }', {}, as('editor'))).changes as { action: string; detail: string }[];
    expect(changes[0]).toMatchObject({ action: 'confirmPlacement' });
    const missing = firstError(await h.gql('mutation { confirmPlacement(enterpriseId: "dalv", segmentId: "seg-nowhere") { confidence } }', {}, as('editor')));
    expect(missing.extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'segmentId' });
  });
});
