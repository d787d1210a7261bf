// The registry import page and the placement review queue in a real browser (Debian Chromium via
// playwright-core), against the real server over the article data set in the run's Neo4j: a
// planner opens #/import, is asked for a token (a reader's is refused: FORBIDDEN), drops an .xlsx
// registry export written with exceljs (Chinese headers, an unknown column, one invalid credit
// code), sees the column mapping and the problem, cannot import until "import valid rows, hold
// the rest" is ticked, imports, follows the progress to DONE, then confirms the one placement the
// rules were unsure of in the review queue, with a segment of their choosing. In English, after a
// second export sent through the API, the queue fits the window and "leave unplaced" is recorded.
// BROWSER_SHOTS=<folder> keeps a screenshot of each step there; EXPLORER_WEB_DIST serves another
// build of the web.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, type Db } from '@cangshan/neo4j';
import { loadArticleDataSet, makeCreditCode, placeFirm, registryCsvBytes, registryXlsxBuffer, validateCreditCode } from '@cangshan/seed';
import { startServer, type RunningServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { launchChromium } from './support/browser.ts';
import { visibleNodeIds, waitForExplorer } from './support/explorerPage.ts';

const WEB_DIST = process.env.EXPLORER_WEB_DIST ?? path.join(REPO_ROOT, 'web', 'dist');
const SHOTS = process.env.BROWSER_SHOTS;
const EDITOR = 'registry-editor-token';
const READER = 'registry-reader-token';
const FILE = '仓山区企业名录-2026-11.xlsx';

const HEADERS = ['序号', '企业名称', '统一社会信用代码', '登记状态', '成立日期', '注册资本', '所属行业', '经营范围', '注册地址', '所属区县', '备注'];
const ACTIVE = '存续（在营、开业、在册）';
const BAD_CODE = '91350104MA2XXXXX1X'; // its organisation-code check character is wrong
const FIRMS = {
  game: { name: '福州星游网络科技有限公司', code: makeCreditCode('91350104', 'MA2Y8K3N'), industry: '互联网和相关服务', scope: '网络游戏开发；动漫游戏开发；软件开发' },
  data: { name: '福州云图数据科技有限公司', code: makeCreditCode('91350104', 'MA31F0QX'), industry: '软件和信息技术服务业', scope: '软件开发；信息系统集成服务；数据处理服务' },
  food: { name: '福州仓山闽味小吃店', code: makeCreditCode('92350104', 'MA8T2L6P'), industry: '餐饮业', scope: '餐饮服务；食品销售（仅销售预包装食品）' },
};

/** The export as the market-regulation bureau's system writes it: the header row, then one row per firm (row 5 has the bad code). */
function exportRows() {
  const row = (n: number, f: { name: string; code: string; industry: string; scope: string }, founded: string, capital: string, note: string | null) => ({
    序号: n, 企业名称: f.name, 统一社会信用代码: f.code, 登记状态: ACTIVE, 成立日期: new Date(`${founded}T00:00:00Z`), 注册资本: capital,
    所属行业: f.industry, 经营范围: f.scope, 注册地址: `福建省福州市仓山区金山街道浦上大道${100 + n}号`, 所属区县: '仓山区', 备注: note,
  });
  return [
    row(1, FIRMS.game, '2021-03-15', '1000万元人民币', null),
    row(2, FIRMS.data, '2022-07-01', '500万元人民币', '园区推荐'),
    row(3, FIRMS.food, '2019-11-20', '10万元人民币', null),
    row(4, { name: '福州错码贸易有限公司', code: BAD_CODE, industry: '批发业', scope: '日用品批发' }, '2020-05-06', '200万元人民币', null),
  ];
}

let db: Db;
let server: RunningServer;
let context: BrowserContext;
const opened: Array<{ close(): Promise<unknown> }> = [];

beforeAll(async () => {
  db = testDb();
  opened.push(db);
  await resetDb(db);
  await loadArticleDataSet(db);
  const env = { ...process.env, API_TOKENS: `${EDITOR}:editor:区经信局 王规划,${READER}:reader`, RATE_LIMIT_PER_MINUTE: '0' };
  opened.push((server = await startServer({ db, port: 0, webDist: WEB_DIST, env, log: () => {} })));
  const browser = await launchChromium();
  opened.push(browser);
  opened.push((context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN' })));
});

afterAll(async () => {
  for (const o of opened.reverse()) await o.close();
});

const base = () => server.url.replace(/\/$/, '');
const shot = async (page: Page, name: string, fullPage = false) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage });
};

/** Drops `bytes` as file `name` on the drop zone, as a file dragged from the desktop arrives (a DataTransfer). */
async function dropFile(page: Page, name: string, bytes: Uint8Array): Promise<void> {
  const dataTransfer = await page.evaluateHandle(({ name, data }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], name, { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }));
    return dt;
  }, { name, data: [...bytes] });
  await page.dispatchEvent('[data-testid="drop-zone"]', 'dragover', { dataTransfer });
  await page.dispatchEvent('[data-testid="drop-zone"]', 'drop', { dataTransfer });
}

/** One GraphQL call with the editor's token, as a script would make it; its errors fail the test. */
async function api(query: string, variables: Record<string, unknown>): Promise<unknown> {
  const r = await fetch(`${base()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR}` }, body: JSON.stringify({ query, variables }) });
  const body = (await r.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.getByTestId('sign-in-token').fill(token);
  await page.getByTestId('sign-in-submit').click();
}

describe('the registry import page', () => {
  it('the fixture is what it claims: one invalid code, and exactly one placement the rules are unsure of', () => {
    expect(validateCreditCode(BAD_CODE).ok).toBe(false);
    for (const f of Object.values(FIRMS)) expect(validateCreditCode(f.code).ok, f.name).toBe(true);
    const place = (f: (typeof FIRMS)[keyof typeof FIRMS]) => placeFirm({ name: f.name, industry: f.industry, businessScope: f.scope });
    expect(place(FIRMS.data).needsReview).toBe(true);
    expect(place(FIRMS.game).needsReview).toBe(false);
    expect(place(FIRMS.food).needsReview).toBe(false);
  });

  it('shows the columns and the problem, imports the valid rows with holdInvalid, and the review queue takes a decision', async () => {
    const page = await context.newPage();
    const xlsx = await registryXlsxBuffer({ headers: HEADERS, rows: exportRows() }, '企业列表');
    // From the explorer's header to the import page.
    await page.goto(`${base()}/`);
    await page.getByTestId('app').waitFor({ timeout: 30_000 });
    await shot(page, 'registry-explorer-header');
    await page.getByTestId('nav-registry').click();
    await page.getByTestId('import-page').waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).hash).toBe('#/import');

    // No token yet: the page asks for one. A reader's token is refused when the file is checked.
    await page.getByTestId('sign-in').waitFor({ timeout: 30_000 });
    await expect.poll(() => page.getByTestId('sign-in-message').textContent()).toContain('编辑或管理员令牌');
    await shot(page, 'registry-sign-in');
    await signIn(page, READER);
    await dropFile(page, FILE, xlsx);
    await expect.poll(() => page.getByTestId('picked-file').textContent()).toContain(FILE);
    await page.getByTestId('sign-in').waitFor();
    await expect.poll(() => page.getByTestId('sign-in-message').textContent()).toMatch(/令牌未被接受.*editor/);
    await signIn(page, EDITOR); // signing in checks the file again

    // How each column was understood; the unknown 备注 is kept and flagged, never hidden.
    const preview = page.getByTestId('preview');
    await preview.waitFor({ timeout: 30_000 });
    const column = (header: string) => page.locator(`[data-testid="column-row"][data-header="${header}"]`);
    await expect.poll(() => column('企业名称').getAttribute('data-field')).toBe('name');
    expect(await column('统一社会信用代码').getAttribute('data-field')).toBe('creditCode');
    expect(await column('经营范围').getAttribute('data-field')).toBe('businessScope');
    expect(await column('备注').getAttribute('data-unknown')).toBe('true');
    expect(await column('备注').textContent()).toContain('未识别');
    expect(await page.getByTestId('preview-encoding').textContent()).toBe('xlsx');
    expect(await page.getByTestId('preview-sheet').textContent()).toBe('企业列表');

    // The problem: file, row (1 = the header row), column, value, why — errors first.
    const error = page.locator('[data-testid="problem-row"][data-level="error"]').first();
    expect(await error.getAttribute('data-row')).toBe('5');
    expect(await error.getAttribute('data-column')).toBe('统一社会信用代码');
    const errorText = await error.textContent();
    expect(errorText).toContain(BAD_CODE);
    expect(errorText).toContain(FILE);
    expect(errorText).toMatch(/check character|校验/);
    expect(await page.getByTestId('problems').locator('tbody tr').first().getAttribute('data-level')).toBe('error');

    // Any error refuses the whole import unless the invalid rows are held: the button says so.
    expect(await page.getByTestId('counts-errors').textContent()).toContain('1');
    const importButton = page.getByTestId('import-button');
    expect(await importButton.isDisabled()).toBe(true);
    expect(await page.getByTestId('import-why').textContent()).toContain('导入有效行');
    expect(await page.locator('[data-testid="new-firm"]').count()).toBe(3);
    await shot(page, 'registry-preview-errors');
    await page.evaluate(() => window.scrollTo(0, (document.querySelector('[data-testid="counts"]') as HTMLElement).getBoundingClientRect().top + window.scrollY - 76));
    await shot(page, 'registry-preview-columns');
    if (SHOTS) {
      // The whole page at once: the bar that sticks to the window's bottom is put back in the flow.
      const style = await page.addStyleTag({ content: '.import-action { position: static !important; }' });
      await shot(page, 'registry-preview-full', true);
      await style.evaluate((e) => (e as Element).remove());
    }

    // Hold the invalid row: checked again at once, and now it can be imported.
    await page.getByTestId('opt-hold').check();
    await expect.poll(() => importButton.isEnabled(), { timeout: 30_000 }).toBe(true);
    expect(await page.getByTestId('counts-held').textContent()).toContain('1');
    expect(await page.locator('[data-testid="held-firm"]').count()).toBe(1);
    expect(await page.getByTestId('counts-toReview').textContent()).toContain('1');
    await shot(page, 'registry-preview-hold');

    // Import: the job is polled to DONE, with what was written; every state it showed is kept.
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __jobStates: string[] }).__jobStates = seen;
      const note = () => {
        const s = document.querySelector('[data-testid="import-job"]')?.getAttribute('data-state');
        if (s && seen[seen.length - 1] !== s) seen.push(s);
      };
      new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    });
    await importButton.click();
    const job = page.getByTestId('import-job');
    await job.waitFor();
    await expect.poll(() => job.getAttribute('data-state'), { timeout: 60_000 }).toMatch(/DONE|FAILED/);
    const states = await page.evaluate(() => (window as unknown as { __jobStates: string[] }).__jobStates);
    expect(states[0]).toBe('READING');
    expect(states.at(-1)).toBe('DONE');
    expect(states.filter((s) => !['READING', 'WRITING', 'DONE'].includes(s))).toEqual([]);
    expect(await page.getByTestId('job-error').count()).toBe(0);
    expect(await job.getAttribute('data-state')).toBe('DONE');
    expect(await page.getByTestId('job-state').textContent()).toContain('已完成');
    expect(await page.getByTestId('done-counts-new').textContent()).toContain('3');
    expect(await page.getByTestId('done-counts-held').textContent()).toContain('1');
    const bar = page.getByTestId('job-bar');
    expect(await bar.getAttribute('value')).toBe(await bar.getAttribute('max'));
    await shot(page, 'registry-import-done');

    const written = await db.read(
      'MATCH (e:Enterprise) WHERE e.name IN $names RETURN e.name AS name ORDER BY name',
      { names: [FIRMS.game.name, FIRMS.data.name, FIRMS.food.name, '福州错码贸易有限公司'] },
    );
    expect(written.map((r) => r.name)).toEqual([FIRMS.food.name, FIRMS.data.name, FIRMS.game.name].sort());

    // The review queue: the placement the rules were unsure of waits there.
    await page.getByTestId('to-review').click();
    await page.getByTestId('review-page').waitFor();
    const item = page.locator('[data-testid="review-item"]', { hasText: FIRMS.data.name });
    await item.waitFor({ timeout: 30_000 });
    const totalBefore = Number((await page.getByTestId('review-total').textContent())!.replace(/\D/g, ''));
    expect(totalBefore).toBeGreaterThanOrEqual(1);
    expect(await item.textContent()).toContain('数据处理服务');
    const firmId = (await item.getAttribute('data-id'))!;
    await shot(page, 'registry-review');

    // The planner chooses another segment than the suggestion, and confirms.
    const picker = item.getByTestId('segment-picker');
    const suggested = await picker.inputValue();
    const chosen = suggested === 'seg-ai-data' ? 'seg-ai-software' : 'seg-ai-data';
    await picker.selectOption(chosen);
    await item.getByTestId('review-confirm').click();
    const note = page.locator(`[data-testid="decision"][data-id="${firmId}"]`);
    await note.waitFor({ timeout: 30_000 });
    await expect.poll(() => page.locator(`[data-testid="review-item"][data-id="${firmId}"]`).count()).toBe(0);
    await expect.poll(async () => Number((await page.getByTestId('review-total').textContent())!.replace(/\D/g, ''))).toBe(totalBefore - 1);
    expect(await note.textContent()).toContain(FIRMS.data.name);
    await shot(page, 'registry-review-decided');

    const seg = await db.read('MATCH (:Enterprise {id: $id})-[:IN_SEGMENT]->(s:Segment) RETURN s.id AS id', { id: firmId });
    expect(seg).toEqual([{ id: chosen }]);

    // Read again from the server: it stays out of the queue.
    await page.reload();
    await page.getByTestId('review-total').waitFor({ timeout: 30_000 });
    expect(await page.locator(`[data-testid="review-item"][data-id="${firmId}"]`).count()).toBe(0);

    // Back to the explorer: it starts again, with the imported firms in the graph.
    await page.getByTestId('nav-explorer').click();
    await waitForExplorer(page);
    expect(await visibleNodeIds(page)).toEqual(expect.arrayContaining([firmId, 'toutiao']));
    await page.close();
  });

  it('a CSV that Excel saved on Chinese Windows (GBK/GB18030): decoded, its Chinese intact', async () => {
    const page = await context.newPage();
    await page.goto(`${base()}/#/import`);
    await page.evaluate((token) => sessionStorage.setItem('cangshan.apiToken', token), EDITOR);
    await page.reload();
    await page.getByTestId('import-page').waitFor({ timeout: 30_000 });
    const table = { headers: HEADERS.filter((h) => h !== '备注'), rows: exportRows().slice(0, 3) };
    await dropFile(page, '仓山区企业名录.csv', registryCsvBytes(table, 'gb18030'));
    await page.getByTestId('preview').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('preview-encoding').textContent()).toMatch(/gb18030|gbk/i);
    expect(await page.getByTestId('preview-sheet').textContent()).toBe('—');
    expect(await page.locator('[data-testid="column-row"][data-header="统一社会信用代码"]').getAttribute('data-field')).toBe('creditCode');
    expect(await page.locator('[data-testid="column-row"][data-unknown="true"]').count()).toBe(0);
    // Imported by the first test: matched by credit code now, not new.
    expect(await page.getByTestId('list-matched').textContent()).toContain(FIRMS.game.name);
    expect(await page.getByTestId('problems-none').count()).toBe(1);
    expect(await page.getByTestId('import-button').isEnabled()).toBe(true);
    await shot(page, 'registry-preview-gbk-csv');
    await page.close();
  });

  it('in English: the queue fits the window, and "leave unplaced" takes the firm out with no segment', async () => {
    // A second export, sent through the API as a script would: two firms the rules are unsure of.
    const unsure = [
      { name: '福州智远科技有限公司', code: makeCreditCode('91350104', 'MA35C7RW'), industry: '软件和信息技术服务业', scope: '人工智能应用软件开发' },
      { name: '福州榕城智慧科技有限公司', code: makeCreditCode('91350104', 'MA2W4D9E'), industry: '科技推广和应用服务业', scope: '技术服务、技术开发、技术咨询、技术交流、技术转让、技术推广；软件开发' },
    ];
    for (const f of unsure) expect(placeFirm({ name: f.name, industry: f.industry, businessScope: f.scope }).needsReview, f.name).toBe(true);
    const rows = unsure.map((f, i) => ({ 序号: i + 1, 企业名称: f.name, 统一社会信用代码: f.code, 登记状态: ACTIVE, 所属行业: f.industry, 经营范围: f.scope, 所属区县: '仓山区' }));
    const bytes = await registryXlsxBuffer({ headers: ['序号', '企业名称', '统一社会信用代码', '登记状态', '所属行业', '经营范围', '所属区县'], rows });
    const file = { filename: '仓山区企业名录-补充.xlsx', contentBase64: Buffer.from(bytes).toString('base64') };
    const started = await api('mutation($f: RegistryFileInput!) { startRegistryImport(file: $f) { id } }', { f: file });
    const id = (started as { startRegistryImport: { id: string } }).startRegistryImport.id;
    await expect.poll(async () => ((await api('query($id: ID!) { registryImportJob(id: $id) { state } }', { id })) as { registryImportJob: { state: string } }).registryImportJob.state, { timeout: 60_000 }).toBe('DONE');

    const page = await context.newPage();
    await page.goto(`${base()}/?lang=en`);
    await page.getByTestId('nav-registry').waitFor({ timeout: 30_000 });
    // The header's labels, the registry link among them, fit the window in English too.
    expect(await page.evaluate(() => document.querySelector('.app-header')!.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, 'registry-explorer-header-en');
    await page.goto(`${base()}/?lang=en#/review`);
    await page.evaluate((token) => sessionStorage.setItem('cangshan.apiToken', token), EDITOR);
    await page.reload();
    await page.getByTestId('review-page').waitFor();
    const items = page.getByTestId('review-item');
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(2);
    expect(await page.locator('h2').first().textContent()).toContain('Chain placement review');
    expect(await page.getByTestId('review-total').textContent()).toContain('2 waiting');
    // Lowest confidence first.
    const shown = await page.getByTestId('review-confidence').allTextContents();
    expect(shown.map(Number)).toEqual([...shown.map(Number)].sort((a, b) => a - b));
    // Nothing wider than the window: no horizontal scroll on the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await shot(page, 'registry-review-en');

    const first = items.first();
    const firmId = (await first.getAttribute('data-id'))!;
    await first.getByTestId('review-unplaced').click();
    await page.locator(`[data-testid="decision"][data-id="${firmId}"]`).waitFor({ timeout: 30_000 });
    await expect.poll(() => items.count()).toBe(1);
    expect(await page.locator(`[data-testid="decision"][data-id="${firmId}"]`).textContent()).toMatch(/No segment[\s\S]*Decided by 区经信局 王规划/);
    const rows2 = await db.read('MATCH (e:Enterprise {id: $id}) RETURN e.placementReview AS review, COUNT { (e)-[:IN_SEGMENT]->() } AS segments', { id: firmId });
    expect(rows2).toEqual([{ review: 'confirmed', segments: 0 }]);
    await shot(page, 'registry-review-en-decided');
    await page.close();
  });
});
