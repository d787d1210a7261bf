// The recruitment pipeline through the real server and Neo4j: who may write, stages and their
// history (who and when), filters, the ranking's marks, the errors by code, and the exported files.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRegistryFile } from '@cangshan/seed';
import { dataOf, firstError, startHarness, TOKENS, type Harness } from '../../../__tests__/harness.ts';

let h: Harness;
// Named tokens: the history shows who. The ranking is the slowest read; a loaded machine gets time.
const NAMED_TOKENS = { API_TOKENS: `${TOKENS.admin}:admin:lead,${TOKENS.editor}:editor:王芳,${TOKENS.reader}:reader:visitor`, QUERY_TIMEOUT_MS: '90000' };
const as = (role: keyof typeof TOKENS) => ({ authorization: `Bearer ${TOKENS[role]}` });

const ENTRY = 'id stage team note dueOn stageSince createdAt createdBy updatedAt updatedBy enterprise { id name } stageDates { stage at } history { at by stage fromStage team note dueOn automatic }';
const ADD = `mutation($input: AddToPipelineInput!) { addToPipeline(input: $input) { ${ENTRY} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdatePipelineInput!) { updatePipelineEntry(id: $id, input: $input) { ${ENTRY} } }`;
const LIST = `query($stage: PipelineStage, $team: String) { pipeline(stage: $stage, team: $team) { ${ENTRY} } }`;

interface Change { at: string; by: string; stage: string; fromStage: string | null; team: string | null; note: string | null; dueOn: string | null; automatic: boolean }
interface Entry { id: string; stage: string; team: string | null; note: string | null; dueOn: string | null; stageSince: string; createdAt: string; createdBy: string; updatedAt: string; updatedBy: string; enterprise: { id: string }; stageDates: { stage: string; at: string }[]; history: Change[] }

const add = async (input: Record<string, unknown>) => dataOf(await h.gql(ADD, { input }, as('editor'))).addToPipeline as Entry;
const update = async (id: string, input: Record<string, unknown>, role: keyof typeof TOKENS = 'editor') => dataOf(await h.gql(UPDATE, { id, input }, as(role))).updatePipelineEntry as Entry;
const list = async (vars: Record<string, unknown> = {}) => dataOf(await h.gql(LIST, vars)).pipeline as Entry[];

beforeAll(async () => {
  h = await startHarness(NAMED_TOKENS);
});
afterAll(() => h.close());

describe('who may write', () => {
  it('refuses an anonymous write (UNAUTHENTICATED) and a reader (FORBIDDEN), writing nothing; an editor may', async () => {
    const input = { enterpriseId: 'huawei', team: '招商一组' };
    const anon = await h.gql(ADD, { input });
    expect(anon.status).toBe(401);
    expect(firstError(anon).extensions?.code).toBe('UNAUTHENTICATED');
    const reader = await h.gql(ADD, { input }, as('reader'));
    expect(firstError(reader).extensions?.code).toBe('FORBIDDEN');
    expect(await list()).toEqual([]);
    expect(await h.db.read('MATCH (n) WHERE n:PipelineEntry OR n:PipelineChange RETURN count(n) AS c')).toEqual([{ c: 0 }]);

    const e = await add(input);
    expect(e).toMatchObject({ stage: 'TO_CONTACT', team: '招商一组', createdBy: '王芳', updatedBy: '王芳', enterprise: { id: 'huawei' } });
    const r = await h.gql(UPDATE, { id: e.id, input: { stage: 'CONTACTED' } }, as('reader'));
    expect(firstError(r).extensions?.code).toBe('FORBIDDEN');
    expect((await list())[0]?.stage).toBe('TO_CONTACT');
  });
});

describe('stages and history', () => {
  it('moves a firm through the stages, keeping who and when for every change, newest first', async () => {
    const t0 = new Date().toISOString();
    const e = await add({ enterpriseId: 'baidu', team: '招商二组', note: '百度智能云：先约区域总', dueOn: '2026-06-15' });
    expect(e.history).toEqual([{ at: e.createdAt, by: '王芳', stage: 'TO_CONTACT', fromStage: null, team: '招商二组', note: '百度智能云：先约区域总', dueOn: '2026-06-15', automatic: false }]);
    expect(e.createdAt >= t0).toBe(true);
    expect(e.stageSince).toBe(e.createdAt);

    const c = await update(e.id, { stage: 'CONTACTED', note: '已电话沟通，约 6 月考察' });
    expect(c).toMatchObject({ stage: 'CONTACTED', team: '招商二组', note: '已电话沟通，约 6 月考察', dueOn: '2026-06-15' });
    expect(c.stageSince > e.stageSince).toBe(true);
    const v = await update(e.id, { stage: 'VISITED', dueOn: '2026-07' });
    const teamOnly = await update(e.id, { team: '招商一组' });
    expect(teamOnly.stageSince).toBe(v.stageSince); // a change of team is no change of stage
    const s = await h.gql(UPDATE, { id: e.id, input: { stage: 'SIGNED', dueOn: null, note: null } }, as('admin'));
    const signed = dataOf(s).updatePipelineEntry as Entry;
    expect(signed).toMatchObject({ stage: 'SIGNED', team: '招商一组', note: null, dueOn: null, updatedBy: 'lead' });
    expect(signed.history.map((x) => [x.fromStage, x.stage, x.by, x.automatic])).toEqual([
      ['VISITED', 'SIGNED', 'lead', false],
      ['VISITED', 'VISITED', '王芳', false],
      ['CONTACTED', 'VISITED', '王芳', false],
      ['TO_CONTACT', 'CONTACTED', '王芳', false],
      [null, 'TO_CONTACT', '王芳', false],
    ]);
    const ats = signed.history.map((x) => x.at);
    expect([...ats].sort().reverse()).toEqual(ats);
    expect(signed.stageDates.map((d) => d.stage)).toEqual(['TO_CONTACT', 'CONTACTED', 'VISITED', 'SIGNED']);
    expect(signed.stageDates.find((d) => d.stage === 'SIGNED')?.at).toBe(signed.stageSince);
    // Each write has its audit record too.
    const audit = await h.db.read("MATCH (c:Change) WHERE c.action IN ['addToPipeline', 'updatePipelineEntry'] RETURN c.actor AS actor, c.action AS action ORDER BY c.at");
    expect(audit.filter((a) => a.actor === 'lead')).toEqual([{ actor: 'lead', action: 'updatePipelineEntry' }]);
    const last = dataOf(await h.gql(`query($id: ID!) { pipelineEntry(id: $id) { history(last: 2) { stage } } }`, { id: e.id })).pipelineEntry;
    expect(last).toEqual({ history: [{ stage: 'SIGNED' }, { stage: 'VISITED' }] });
  });

  it('lists by stage in order, then the soonest due date; filters by stage and team', async () => {
    await add({ enterpriseId: 'didi', team: '招商一组', dueOn: '2026-05-01' });
    await add({ enterpriseId: 'yonghui', stage: 'CONTACTED', team: '招商三组' });
    const all = await list();
    expect(all.map((e) => [e.enterprise.id, e.stage])).toEqual([
      ['didi', 'TO_CONTACT'],
      ['huawei', 'TO_CONTACT'],
      ['yonghui', 'CONTACTED'],
      ['baidu', 'SIGNED'],
    ]);
    expect((await list({ stage: 'CONTACTED' })).map((e) => e.enterprise.id)).toEqual(['yonghui']);
    expect((await list({ team: '招商一组' })).map((e) => e.enterprise.id)).toEqual(['didi', 'huawei', 'baidu']);
    expect(await list({ team: '招商九组' })).toEqual([]);
  });
});

describe('errors say what is wrong, by code', () => {
  it('an unknown firm is NOT_FOUND, a second entry CONFLICT, a firm in the district or a bad date BAD_USER_INPUT', async () => {
    const cases: [Record<string, unknown>, string, string][] = [
      [{ enterpriseId: 'no-such-firm' }, 'NOT_FOUND', 'input.enterpriseId'],
      [{ enterpriseId: 'huawei' }, 'CONFLICT', 'input.enterpriseId'],
      [{ enterpriseId: 'toutiao' }, 'BAD_USER_INPUT', 'input.enterpriseId'],
      [{ enterpriseId: 'bytedance', dueOn: 'next Friday' }, 'BAD_USER_INPUT', 'input.dueOn'],
      [{ enterpriseId: 'bytedance', team: '组'.repeat(81) }, 'BAD_USER_INPUT', 'input.team'],
    ];
    for (const [input, code, argument] of cases) {
      const err = firstError(await h.gql(ADD, { input }, as('editor')));
      expect(err.extensions, JSON.stringify(input)).toMatchObject({ code, argument });
    }
    expect(firstError(await h.gql(ADD, { input: { enterpriseId: 'huawei' } }, as('editor'))).message).toMatch(/updatePipelineEntry/);
    expect(firstError(await h.gql(ADD, { input: { enterpriseId: 'toutiao' } }, as('editor'))).message).toMatch(/in the district already/);
    const huawei = (await list()).find((e) => e.enterprise.id === 'huawei') as Entry;
    expect(firstError(await h.gql(UPDATE, { id: 'pl-nope', input: { stage: 'SIGNED' } }, as('editor'))).extensions).toMatchObject({ code: 'NOT_FOUND', argument: 'id' });
    expect(firstError(await h.gql(UPDATE, { id: huawei.id, input: {} }, as('editor'))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input' });
    expect(firstError(await h.gql(UPDATE, { id: huawei.id, input: { stage: null } }, as('editor'))).extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.stage' });
    const bad = await h.gql(UPDATE, { id: huawei.id, input: { stage: 'ARRIVED' } }, as('editor'));
    expect(bad.status).toBe(400);
    expect((await list()).find((e) => e.enterprise.id === 'huawei')?.history).toHaveLength(1);
  });
});

describe('the ranking knows the pipeline', () => {
  it('RecruitmentTarget.pipeline gives the entry of a ranked firm on the pipeline, null for the others', async () => {
    const r = dataOf(await h.gql('{ recruitmentTargets(limit: 20) { enterprise { id } pipeline { stage team } } }'));
    const targets = r.recruitmentTargets as { enterprise: { id: string }; pipeline: { stage: string; team: string | null } | null }[];
    const marked = Object.fromEntries(targets.filter((t) => t.pipeline).map((t) => [t.enterprise.id, t.pipeline]));
    expect(marked.baidu).toEqual({ stage: 'SIGNED', team: '招商一组' });
    expect(targets.some((t) => t.pipeline === null)).toBe(true);
  });
});

describe('export', () => {
  const EXPORT = 'query($f: PipelineExportFormat, $l: PipelineExportLanguage, $s: PipelineStage) { pipelineExport(format: $f, language: $l, stage: $s) { fileName mediaType base64 rows } }';
  type File = { fileName: string; mediaType: string; base64: string; rows: number };

  it('writes CSV as UTF-8 with a BOM and the Chinese headers and stage names', async () => {
    const f = dataOf(await h.gql(EXPORT, { f: 'CSV' })).pipelineExport as File;
    expect(f.fileName).toMatch(/^招商进度-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(f.mediaType).toBe('text/csv; charset=utf-8');
    const bytes = Buffer.from(f.base64, 'base64');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('企业,企业 ID,阶段,负责小组,下一步截止,进入本阶段,备注,最近变更,加入时间,加入人,最近更新,更新人');
    expect(f.rows).toBe(4);
    expect(lines.find((l) => l.startsWith('百度,baidu,已签约,招商一组,'))).toMatch(/lead: 已考察 → 已签约/);
  });

  it('writes an Excel workbook that opens with the same rows, in English when asked', async () => {
    const f = dataOf(await h.gql(EXPORT, { f: 'XLSX', l: 'EN', s: 'TO_CONTACT' })).pipelineExport as File;
    expect(f.fileName).toMatch(/^recruitment-pipeline-.*\.xlsx$/);
    // Read back with seed's workbook reader (the registry import's): headers, then cells as text.
    const table = await readRegistryFile({ buffer: Buffer.from(f.base64, 'base64'), fileName: f.fileName });
    expect(table).toMatchObject({ encoding: 'xlsx', sheetName: 'Pipeline' });
    expect(table.headers.slice(0, 4)).toEqual(['Firm', 'Firm id', 'Stage', 'Team']);
    expect(table.rows.map((r) => [r.cells.Firm, r.cells.Stage])).toEqual([
      ['DiDi Global', 'To contact'],
      ['Huawei', 'To contact'],
    ]);
    expect(f.rows).toBe(2);
  });
});
