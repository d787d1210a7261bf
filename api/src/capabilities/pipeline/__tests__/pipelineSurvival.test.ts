// The pipeline is the district's own working data beside the graph: it survives every way the
// graph is written again (a re-import of the data set, one large enough to be staged, a registry
// refresh), no export carries it, and when a firm on it lands — through a data-set import, a
// registry import, an enterprise edit, or a command-line import seen at the next start — its stage
// follows, with an automatic history entry naming what wrote the landing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleDataSet, exportGraph, importDataSet, makeCreditCode } from '@cangshan/seed';
import { dataOf, firstError, startHarness, TOKENS, type Harness } from '../../../__tests__/harness.ts';
import { followLandingNow, systemActor } from '../followLanding.ts';

let h: Harness;
const NAMED_TOKENS = { API_TOKENS: `${TOKENS.admin}:admin:lead,${TOKENS.editor}:editor:王芳,${TOKENS.reader}:reader:visitor` };
const as = (role: keyof typeof TOKENS) => ({ authorization: `Bearer ${TOKENS[role]}` });

const ENTRY = 'id stage team note dueOn stageSince createdAt createdBy updatedAt updatedBy enterprise { id landedOn } history { at by stage fromStage team note dueOn automatic }';
const ADD = `mutation($input: AddToPipelineInput!) { addToPipeline(input: $input) { ${ENTRY} } }`;
const UPDATE = `mutation($id: ID!, $input: UpdatePipelineInput!) { updatePipelineEntry(id: $id, input: $input) { ${ENTRY} } }`;
const LIST = `{ pipeline { ${ENTRY} } }`;
const IMPORT = 'mutation($ds: JSON!) { importDataSet(dataSet: $ds) { nodes } }';
const EDIT = 'mutation($id: ID!, $input: EnterprisePatch!) { updateEnterprise(id: $id, input: $input) { id landedOn } }';
const START = 'mutation($file: RegistryFileInput!) { startRegistryImport(file: $file) { id } }';
const JOB = 'query($id: ID!) { registryImportJob(id: $id) { state error } }';

interface Change { by: string; stage: string; fromStage: string | null; automatic: boolean }
interface Entry { id: string; stage: string; team: string | null; note: string | null; enterprise: { id: string; landedOn: string | null }; history: Change[] }

const add = async (input: Record<string, unknown>) => dataOf(await h.gql(ADD, { input }, as('editor'))).addToPipeline as Entry;
const list = async () => dataOf(await h.gql(LIST)).pipeline as Entry[];
const entryOf = async (enterpriseId: string) => (await list()).find((e) => e.enterprise.id === enterpriseId) as Entry;
/** Every property of every pipeline node: what must come through a re-import unchanged. */
const stored = () => h.db.read('MATCH (n) WHERE n:PipelineEntry OR n:PipelineChange RETURN labels(n) AS l, properties(n) AS p ORDER BY n.id, n.entryId, n.seq');

/** A registry export as a planner has it: a CSV with the registry's Chinese headers, one row per [name, credit code, 成立日期]. */
function registryCsv(...firms: [name: string, code: string, foundedOn: string][]): string {
  const header = '企业名称,统一社会信用代码,登记状态,成立日期,所属行业,所属省份,所属城市,所属区县,注册地址,经营范围';
  const rows = firms.map(([name, code, foundedOn]) => `${name},${code},存续,${foundedOn},I65 软件和信息技术服务业,福建省,福州市,仓山区,福建省福州市仓山区浦上大道 100 号,语音识别技术服务；软件开发`);
  return `\ufeff${[header, ...rows].join('\r\n')}\r\n`;
}

async function registryImport(filename: string, csv: string): Promise<void> {
  const file = { filename, contentBase64: Buffer.from(csv, 'utf8').toString('base64') };
  const { id } = dataOf(await h.gql(START, { file }, as('editor'))).startRegistryImport as { id: string };
  for (let i = 0; i < 600; i++) {
    const job = dataOf(await h.gql(JOB, { id }, as('editor'))).registryImportJob as { state: string; error: string | null };
    if (job.state === 'DONE') return;
    if (job.state === 'FAILED') throw new Error(`registry import failed: ${job.error}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('registry import did not finish');
}

beforeAll(async () => {
  h = await startHarness(NAMED_TOKENS);
});
afterAll(() => h.close());

describe('the pipeline survives the graph being written again', () => {
  it('keeps every entry and change through a re-import, a staged import and a registry refresh; no export carries it', async () => {
    const huawei = await add({ enterpriseId: 'huawei', team: '招商一组', note: '华为云：对接鲲鹏生态', dueOn: '2026-06' });
    await h.gql(UPDATE, { id: huawei.id, input: { stage: 'CONTACTED' } }, as('editor'));
    await add({ enterpriseId: 'baidu', stage: 'VISITED', team: '招商二组' });
    const before = await stored();
    expect(before).toHaveLength(5); // two entries, three changes

    // The whole data set again, through the API (one transaction).
    expect(dataOf(await h.gql(IMPORT, { ds: articleDataSet() }, as('admin'))).importDataSet).toMatchObject({ nodes: expect.any(Number) });
    // The same, staged (the path of a large import: staged nodes, then a swap).
    const staged = await importDataSet(h.db, articleDataSet(), { maxSingleTxRows: 1 });
    expect(staged.mode).toBe('staged');
    // A registry export: a new firm, and a firm on the pipeline matched by name and rewritten with the registry's fields.
    const huaweiCode = makeCreditCode('91350104', 'MAQ24680');
    await registryImport('仓山区企业名录-2026-11.csv', registryCsv(['福州星辰语音科技有限公司', makeCreditCode('91350104', 'MA2XY7K1'), '2019/7/5'], ['华为', huaweiCode, '']));
    expect(await h.db.read("MATCH (e:Enterprise {id: 'huawei'}) RETURN e.creditCode AS code")).toEqual([{ code: huaweiCode }]);

    expect(await stored()).toEqual(before);
    const ds = await exportGraph(h.db);
    expect(ds.nodes.some((n) => 'stage' in n || 'enterpriseId' in n)).toBe(false);
    expect(ds.nodes.map((n) => n.id)).not.toContain(huawei.id);
  }, 240_000);
});

describe('a firm that lands moves its entry to LANDED', () => {
  it('through an enterprise edit: by the as-of rule (a landing in the future is not one yet), with an automatic change', async () => {
    const before = await entryOf('huawei');
    await h.gql(EDIT, { id: 'huawei', input: { landedOn: '2099-01' } }, as('editor'));
    expect((await entryOf('huawei')).stage).toBe('CONTACTED');
    expect(dataOf(await h.gql(EDIT, { id: 'huawei', input: { landedOn: '2026-01' } }, as('editor'))).updateEnterprise).toEqual({ id: 'huawei', landedOn: '2026-01' });
    const after = await entryOf('huawei');
    expect(after).toMatchObject({ stage: 'LANDED', team: '招商一组', note: '华为云：对接鲲鹏生态', enterprise: { landedOn: '2026-01' } });
    expect(after.history[0]).toEqual(expect.objectContaining({ by: 'system: updateEnterprise (王芳)', stage: 'LANDED', fromStage: 'CONTACTED', automatic: true }));
    expect(after.history.slice(1)).toEqual(before.history);
    // Its firm is in the district: moving it back is refused, saying why.
    const back = firstError(await h.gql(UPDATE, { id: after.id, input: { stage: 'SIGNED' } }, as('editor')));
    expect(back.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.stage' });
    expect(back.message).toMatch(/in the district already \(landed 2026-01\)/);
    // Its team and note may still change; it stays LANDED and no second automatic change is made.
    const noted = dataOf(await h.gql(UPDATE, { id: after.id, input: { note: '已投产' } }, as('editor'))).updatePipelineEntry as Entry;
    expect(noted.stage).toBe('LANDED');
    expect(noted.history.filter((c) => c.automatic)).toHaveLength(1);
  });

  it('through a data-set import, committed with it', async () => {
    const node = articleDataSet().nodes.find((n) => n.id === 'baidu');
    expect(node).toBeDefined();
    await h.gql(IMPORT, { ds: { nodes: [{ ...node, landedOn: '2025-11-20', local: true }], relations: [] } }, as('admin'));
    const e = await entryOf('baidu');
    expect(e.stage).toBe('LANDED');
    expect(e.history[0]).toEqual(expect.objectContaining({ by: 'system: importDataSet (lead)', fromStage: 'VISITED', automatic: true }));
  });

  it('through a registry import: a firm first listed without a founding date lands when a later export gives it one', async () => {
    const code = makeCreditCode('91350104', 'MAP12345');
    await registryImport('仓山区企业名录-2026-12.csv', registryCsv(['福州听涛智能科技有限公司', code, '']));
    const [firm] = await h.db.read('MATCH (e:Enterprise {creditCode: $code}) RETURN e.id AS id, e.landedOn AS landedOn', { code });
    expect(firm).toMatchObject({ landedOn: null });
    const entry = await add({ enterpriseId: firm?.id, team: '招商三组' });
    await registryImport('仓山区企业名录-2026-12-b.csv', registryCsv(['福州听涛智能科技有限公司', code, '2025/10/18']));
    const e = await entryOf(String(firm?.id));
    expect(e).toMatchObject({ id: entry.id, stage: 'LANDED', team: '招商三组', enterprise: { landedOn: '2025-10-18' } });
    expect(e.history[0]).toEqual(expect.objectContaining({ by: 'system: registry import (王芳)', fromStage: 'TO_CONTACT', automatic: true }));
  });

  it('through a command-line import while the server was stopped: the next start finds the landing', async () => {
    await add({ enterpriseId: 'didi', stage: 'SIGNED' });
    // What `npm run seed` writes, without the API: the firm's landing.
    await importDataSet(h.db, { nodes: [{ ...articleDataSet().nodes.find((n) => n.id === 'didi'), landedOn: '2026-02' } as never], relations: [] });
    expect((await entryOf('didi')).stage).toBe('SIGNED');
    expect(await followLandingNow(h.db, systemActor('landing found at start'))).toBe(1);
    expect((await entryOf('didi')).history[0]).toEqual(expect.objectContaining({ by: 'system: landing found at start', fromStage: 'SIGNED', stage: 'LANDED', automatic: true }));
    expect(await followLandingNow(h.db, systemActor('landing found at start'))).toBe(0);
  });
});
