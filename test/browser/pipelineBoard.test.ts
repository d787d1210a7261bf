// The recruitment pipeline in a real browser (Debian Chromium via playwright-core), against the real
// server over the article data set in the run's Neo4j: a leader presses "加入招商进度" on a ranked
// target, is asked for a token (a reader's is refused), signs in with an editor's, and the ranking
// marks the firm. On the board the card moves TO_CONTACT → CONTACTED (arrow button) → VISITED
// (stage menu) → SIGNED (keyboard: Tab to the arrow, Enter); its team, due date and note are
// edited; its history lists every change with who made it; the ranking marks it 已签约. Also:
// the empty state, English, and the screenshot docs/pipeline-board.png (PIPELINE_SHOT=0 skips it).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, type Db } from '@cangshan/neo4j';
import { loadArticleDataSet } from '@cangshan/seed';
import { startServer, type RunningServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { launchChromium } from './support/browser.ts';
import { waitForExplorer } from './support/explorerPage.ts';

const EDITOR = 'pipeline-editor-token';
const READER = 'pipeline-reader-token';
const TARGET = 'baidu';

let db: Db;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await loadArticleDataSet(db);
  const env = { ...process.env, API_TOKENS: `${EDITOR}:editor:招商一组 王芳,${READER}:reader`, RATE_LIMIT_PER_MINUTE: '0', QUERY_TIMEOUT_MS: '90000' };
  server = await startServer({ db, port: 0, webDist: path.join(REPO_ROOT, 'web', 'dist'), env, log: () => {} });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await db?.close();
});

const base = () => server.url.replace(/\/$/, '');
/** expect.poll with room for a loaded machine: a write waits behind the ranking read a sign-in starts again. */
const poll = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: 30_000 });

/** A write through the API with the editor's token, as a second leader's browser would make it. */
async function api(query: string, variables: Record<string, unknown>): Promise<Record<string, unknown>> {
  const r = await fetch(`${base()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR}` }, body: JSON.stringify({ query, variables }) });
  const body = (await r.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data ?? {};
}

async function openLeaders(query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base()}/?panel=leaders${query}`);
  await waitForExplorer(page);
  await page.getByTestId('target').first().waitFor({ timeout: 60_000 });
  return page;
}

async function signIn(page: Page, token: string): Promise<void> {
  await page.getByTestId('sign-in-token').fill(token);
  await page.getByTestId('sign-in-submit').click();
}

const card = (page: Page) => page.locator(`[data-testid="pipeline-card"][data-id="${TARGET}"]`);
const mark = (page: Page) => page.locator(`[data-testid="target"][data-id="${TARGET}"] [data-testid="target-pipeline-stage"]`);

describe('the recruitment pipeline board', () => {
  it('is empty at first, and says so', async () => {
    const page = await openLeaders();
    await poll(() => page.getByTestId('pipeline-section-empty').textContent()).toContain('还没有企业在招商进度中');
    await page.getByTestId('pipeline-open').click();
    await page.getByTestId('pipeline-empty').waitFor();
    expect(await page.getByTestId('pipeline-column').count()).toBe(6);
    await page.keyboard.press('Escape');
    await page.getByTestId('pipeline-board').waitFor({ state: 'detached' });
    await page.close();
  });

  it('adds a ranked target (an editor’s token), moves it to SIGNED on the board, keeps its history, and the ranking marks it', async () => {
    const page = await openLeaders();
    const add = page.locator(`[data-testid="target"][data-id="${TARGET}"] [data-testid="target-pipeline-add"]`);
    await add.click();
    // No token: the sign-in asks for an editor's; a reader's is refused (FORBIDDEN).
    await poll(() => page.getByTestId('sign-in-message').textContent()).toContain('编辑（editor）或管理员令牌');
    await signIn(page, READER);
    await add.click();
    await poll(() => page.getByTestId('sign-in-message').textContent()).toMatch(/FORBIDDEN|editor/);
    await signIn(page, EDITOR);
    await add.click();
    await poll(() => mark(page).textContent()).toContain('招商进度：待接触');

    await page.getByTestId('pipeline-open').click();
    await card(page).waitFor();
    expect(await card(page).getAttribute('data-stage')).toBe('TO_CONTACT');
    // An arrow button: to CONTACTED.
    await card(page).getByTestId('pipeline-next').click();
    await poll(() => card(page).getAttribute('data-stage')).toBe('CONTACTED');
    expect(await page.locator('[data-testid="pipeline-column"][data-stage="CONTACTED"] [data-testid="pipeline-card"]').count()).toBe(1);
    // The stage menu: to VISITED.
    await card(page).getByTestId('pipeline-stage-select').selectOption('VISITED');
    await poll(() => card(page).getAttribute('data-stage')).toBe('VISITED');
    // The keyboard alone: focus the menu, Tab to the next-stage arrow, Enter.
    await card(page).getByTestId('pipeline-stage-select').focus();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('pipeline-next');
    await page.keyboard.press('Enter');
    await poll(() => card(page).getAttribute('data-stage')).toBe('SIGNED');

    // Team, due date and note.
    await card(page).getByTestId('pipeline-edit').click();
    await card(page).getByTestId('pipeline-edit-team').fill('招商一组');
    await card(page).getByTestId('pipeline-edit-due').fill('2026-12-15');
    await card(page).getByTestId('pipeline-edit-note').fill('百度智能云：签约后推进区域总部落地');
    await card(page).getByTestId('pipeline-edit-save').click();
    await poll(() => card(page).getByTestId('pipeline-team').textContent()).toBe('招商一组');
    expect(await card(page).getByTestId('pipeline-due').textContent()).toBe('2026-12-15');

    // The history: five changes, newest first, each with who made it.
    await card(page).getByTestId('pipeline-history').locator('summary').click();
    const lines = await card(page).locator('[data-testid="pipeline-history"] li').allTextContents();
    expect(lines).toHaveLength(5);
    expect(lines.every((l) => l.includes('招商一组 王芳'))).toBe(true);
    expect(lines[1]).toContain('已考察 → 已签约');
    expect(lines[4]).toContain('加入 待接触');

    // The ranking behind the board marks it with its stage and team.
    await page.getByTestId('pipeline-close').click();
    await poll(() => mark(page).textContent()).toBe('招商进度：已签约 · 招商一组');
    expect(await page.locator('[data-testid="pipeline-summary"] [data-stage="SIGNED"] strong').textContent()).toBe('1');
    await page.close();
  }, 180_000);

  it('reads in English, shows a landing that followed an edit, and is drawn for the docs', async () => {
    // A fuller board, as a district would have it: other firms at other stages, one landed by an edit.
    const ADD = 'mutation($i: AddToPipelineInput!) { addToPipeline(input: $i) { id } }';
    await api(ADD, { i: { enterpriseId: 'huawei', stage: 'CONTACTED', team: '招商二组', dueOn: '2026-12', note: '华为云：约鲲鹏生态负责人来区考察' } });
    await api(ADD, { i: { enterpriseId: 'didi', stage: 'VISITED', team: '招商一组', dueOn: '2026-12-20' } });
    await api(ADD, { i: { enterpriseId: 'yonghui', team: '招商三组', note: '供应链结算中心，先摸需求' } });
    await api(ADD, { i: { enterpriseId: 'foxconn', stage: 'DROPPED', team: '招商二组', note: '已在区内设点，暂不另行引进' } });
    await api(ADD, { i: { enterpriseId: 'bytedance', stage: 'SIGNED', team: '招商一组' } });
    await api('mutation { updateEnterprise(id: "bytedance", input: { landedOn: "2026-10" }) { id } }', {});

    const page = await openLeaders('&lang=en');
    await poll(() => page.getByTestId('pipeline-section').locator('h3').textContent()).toBe('Recruitment pipeline');
    await page.getByTestId('pipeline-open').click();
    const landed = page.locator('[data-testid="pipeline-column"][data-stage="LANDED"] [data-testid="pipeline-card"][data-id="bytedance"]');
    await landed.waitFor();
    await landed.getByTestId('pipeline-history').locator('summary').click();
    expect(await landed.locator('[data-testid="pipeline-history"] li').first().textContent()).toMatch(/system: updateEnterprise.*Signed → Landed · automatic/);
    await page.close();

    if (process.env.PIPELINE_SHOT === '0') return;
    const zh = await openLeaders();
    await zh.getByTestId('pipeline-open').click();
    await card(zh).waitFor();
    await card(zh).getByTestId('pipeline-history').locator('summary').click();
    await zh.locator('[data-testid="pipeline-card"][data-id="bytedance"] [data-testid="pipeline-history"] summary').click();
    await zh.waitForTimeout(300);
    await zh.screenshot({ path: path.join(REPO_ROOT, 'docs', 'pipeline-board.png') });
    await zh.close();
  }, 180_000);
});
