// Accessibility of the web app in a real browser (Debian Chromium via playwright-core): axe-core
// checks each screen a planner or a leader uses — the explorer's overview, a firm's profile, the
// leaders' panel with a target open, the dashboard, the registry import page (sign-in, then a
// file's preview) and the review queue — in 中文 and English, against WCAG 2.0 / 2.1 A and AA.
// A violation of impact "serious" or "critical" fails the test, listed with its rule, help and
// the first elements it found; so does any violation of axe's rules for the page's structure
// (headings in order, landmarks, table headers, allowed roles). Beside axe: the html element's
// lang follows the language switch, and every control reached with Tab shows a focus ring of at
// least 3:1 against what surrounds it (axe does not look at focus).
// The Cytoscape canvas is a bitmap: axe sees only its container.
// BROWSER_SHOTS=<folder> keeps a screenshot of each state there, and every violation of any
// impact as <state>.axe.json.
import { writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AxeResults } from 'axe-core';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, type Db } from '@cangshan/neo4j';
import { loadArticleDataSet, makeCreditCode, placeFirm, registryXlsxBuffer } from '@cangshan/seed';
import { startServer, type RunningServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { launchChromium } from './support/browser.ts';
import { settle, waitForExplorer } from './support/explorerPage.ts';

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
/** axe's best-practice rules for the page's structure (not WCAG criteria): any impact fails. */
const STRUCTURE = ['heading-order', 'page-has-heading-one', 'landmark-one-main', 'landmark-unique', 'region', 'empty-table-header', 'aria-allowed-role'];
const FAILING = new Set(['serious', 'critical']);
const SHOTS = process.env.BROWSER_SHOTS;
const WEB_DIST = process.env.EXPLORER_WEB_DIST ?? path.join(REPO_ROOT, 'web', 'dist');
const EDITOR = 'a11y-editor-token';
const LANGS = ['zh', 'en'] as const;
type Lang = (typeof LANGS)[number];

/** A district export with one invalid credit code and two firms the placement rules are unsure of. */
const HEADERS = ['序号', '企业名称', '统一社会信用代码', '登记状态', '成立日期', '所属行业', '经营范围', '所属区县', '备注'];
const rows = () => [
  { 序号: 1, 企业名称: '福州云图数据科技有限公司', 统一社会信用代码: makeCreditCode('91350104', 'MA31F0QX'), 登记状态: '存续（在营、开业、在册）', 成立日期: new Date('2022-07-01T00:00:00Z'), 所属行业: '软件和信息技术服务业', 经营范围: '软件开发；信息系统集成服务；数据处理服务', 所属区县: '仓山区', 备注: '园区推荐' },
  { 序号: 2, 企业名称: '福州榕城智慧科技有限公司', 统一社会信用代码: makeCreditCode('91350104', 'MA2W4D9E'), 登记状态: '存续', 成立日期: new Date('2021-03-15T00:00:00Z'), 所属行业: '科技推广和应用服务业', 经营范围: '技术服务、技术开发、技术咨询；软件开发', 所属区县: '仓山区', 备注: null },
  { 序号: 3, 企业名称: '福州错码贸易有限公司', 统一社会信用代码: '91350104MA2XXXXX1X', 登记状态: '存续', 成立日期: new Date('2020-05-06T00:00:00Z'), 所属行业: '批发业', 经营范围: '日用品批发', 所属区县: '仓山区', 备注: null },
];

let db: Db;
let server: RunningServer;
let context: BrowserContext;
let xlsx: Uint8Array;
const opened: Array<{ close(): Promise<unknown> }> = [];

beforeAll(async () => {
  db = testDb();
  opened.push(db);
  await resetDb(db);
  await loadArticleDataSet(db);
  const env = { ...process.env, API_TOKENS: `${EDITOR}:editor:区经信局 无障碍检查`, RATE_LIMIT_PER_MINUTE: '0' };
  opened.push((server = await startServer({ db, port: 0, webDist: WEB_DIST, env, log: () => {} })));
  xlsx = await registryXlsxBuffer({ headers: HEADERS, rows: rows() }, '企业列表');
  // The review queue needs firms in it: the export's valid rows imported as a script would.
  for (const r of rows().slice(0, 2)) {
    if (!placeFirm({ name: r.企业名称, industry: r.所属行业, businessScope: r.经营范围 }).needsReview) throw new Error(`fixture: the placement rules are now sure of ${r.企业名称}; pick a firm they are unsure of, or the review queue is empty`);
  }
  const valid = await registryXlsxBuffer({ headers: HEADERS, rows: rows().slice(0, 2) });
  const started = (await api('mutation($f: RegistryFileInput!) { startRegistryImport(file: $f) { id } }', { f: { filename: '仓山区企业名录.xlsx', contentBase64: Buffer.from(valid).toString('base64') } })) as { startRegistryImport: { id: string } };
  await waitForJob(started.startRegistryImport.id);
  const browser = await launchChromium();
  opened.push(browser);
  // The server's Content-Security-Policy (script-src 'self') would refuse axe's injected script.
  opened.push((context = await browser.newContext({ viewport: { width: 1400, height: 900 }, locale: 'zh-CN', bypassCSP: true })));
});

afterAll(async () => {
  for (const o of opened.reverse()) await o.close();
});

const base = () => server.url.replace(/\/$/, '');

async function api(query: string, variables: Record<string, unknown>): Promise<unknown> {
  const r = await fetch(`${base()}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR}` }, body: JSON.stringify({ query, variables }) });
  const body = (await r.json()) as { data?: unknown; errors?: unknown };
  expect(body.errors).toBeUndefined();
  return body.data;
}

/** Polls the import job until it ends (expect.poll is for tests, not hooks); fails unless DONE. */
async function waitForJob(id: string): Promise<void> {
  for (let i = 0; i < 240; i++) {
    const { registryImportJob: job } = (await api('query($id: ID!) { registryImportJob(id: $id) { state } }', { id })) as { registryImportJob: { state: string } };
    if (job.state === 'DONE') return;
    if (job.state === 'FAILED') throw new Error(`the review queue's import job ${id} FAILED`);
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the review queue's import job ${id} did not end within 60 s`);
}

type Violation = AxeResults['violations'][number];

/** Runs axe on the page as it is now: the WCAG rules, then the structure rules; every violation (any impact). */
async function axeViolations(page: Page): Promise<{ wcag: Violation[]; structure: Violation[] }> {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async ({ tags, rules }) => {
    const axe = (window as unknown as { axe: { run(ctx: Document, o: object): Promise<AxeResults> } }).axe;
    const wcag = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    const structure = await axe.run(document, { runOnly: { type: 'rule', values: rules }, resultTypes: ['violations'] });
    return { wcag: wcag.violations, structure: structure.violations };
  }, { tags: TAGS, rules: STRUCTURE });
}

const describeViolation = (v: Violation) =>
  `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} element(s): ${v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(' | ')}`;

/** Screenshot and axe on the state `name`: fails on a serious or critical WCAG violation, or any structure one. */
async function check(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `a11y-${name}.png`) });
  const { wcag, structure } = await axeViolations(page);
  if (SHOTS) {
    const summary = (v: Violation) => ({ id: v.id, impact: v.impact, help: v.help, count: v.nodes.length, elements: v.nodes.map((n) => ({ target: n.target.join(' '), why: n.failureSummary })) });
    await writeFile(path.join(SHOTS, `a11y-${name}.axe.json`), JSON.stringify({ wcag: wcag.map(summary), structure: structure.map(summary) }, null, 2));
  }
  // Soft: one state's findings do not hide the next state's in the same test.
  expect.soft(wcag.filter((v) => FAILING.has(v.impact ?? '')).map(describeViolation), `axe (WCAG 2.1 A/AA) on ${name}`).toEqual([]);
  expect.soft(structure.map(describeViolation), `axe (structure) on ${name}`).toEqual([]);
}

async function openExplorer(lang: Lang, query = ''): Promise<Page> {
  const page = await context.newPage();
  const params = new URLSearchParams(query);
  if (lang === 'en') params.set('lang', 'en');
  const qs = params.toString();
  await page.goto(`${base()}/${qs ? `?${qs}` : ''}`);
  await waitForExplorer(page);
  return page;
}

/** A registry page (`#/import`, `#/review`) with the editor's token in this tab's session. */
async function openRegistry(lang: Lang, route: 'import' | 'review', token: string | null): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${base()}/${lang === 'en' ? '?lang=en' : ''}#/${route}`);
  await page.evaluate((t) => (t ? sessionStorage.setItem('cangshan.apiToken', t) : sessionStorage.removeItem('cangshan.apiToken')), token);
  await page.reload();
  await page.getByTestId(`${route}-page`).waitFor({ timeout: 30_000 });
  return page;
}

describe.each(LANGS)('accessibility (axe, WCAG 2.1 AA) in %s', (lang) => {
  it('the explorer’s overview', async () => {
    const page = await openExplorer(lang);
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe(lang === 'zh' ? 'zh-CN' : 'en');
    await check(page, `${lang}-overview`);
    await page.close();
  });

  it('a firm’s profile (今日头条)', async () => {
    const page = await openExplorer(lang, 'sel=toutiao&panel=profile');
    await page.getByTestId('source-quote').first().waitFor({ timeout: 30_000 });
    await settle(page);
    await check(page, `${lang}-profile`);
    await page.close();
  });

  it('the leaders’ panel: chain gap lanes and recruitment targets, one target open', async () => {
    const page = await openExplorer(lang, 'panel=leaders');
    await page.getByTestId('gap-lane').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('target').first().locator('.target-head').click();
    await page.getByTestId('what-if').waitFor({ timeout: 30_000 });
    await settle(page);
    await check(page, `${lang}-leaders`);
    await page.close();
  });

  it('the dashboard', async () => {
    const page = await openExplorer(lang, 'panel=dashboard');
    await page.getByTestId('dashboard').waitFor({ timeout: 30_000 });
    await check(page, `${lang}-dashboard`);
    await page.close();
  });

  it('the import page: the sign-in form, then a file’s preview with its problem', async () => {
    const page = await openRegistry(lang, 'import', null);
    await page.getByTestId('sign-in').waitFor({ timeout: 30_000 });
    await check(page, `${lang}-import-sign-in`);
    await page.getByTestId('sign-in-token').fill(EDITOR);
    await page.getByTestId('sign-in-submit').click();
    await page.setInputFiles('[data-testid="file-input"]', { name: '仓山区企业名录-2026-11.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(xlsx) });
    await page.getByTestId('preview').waitFor({ timeout: 30_000 });
    await page.locator('[data-testid="problem-row"][data-level="error"]').first().waitFor();
    await check(page, `${lang}-import-preview`);
    await page.close();
  });

  it('the review queue', async () => {
    const page = await openRegistry(lang, 'review', EDITOR);
    await page.getByTestId('review-item').first().waitFor({ timeout: 30_000 });
    await check(page, `${lang}-review`);
    await page.close();
  });
});

describe('language and focus', () => {
  it('switching the language sets the html element’s lang, on the explorer and on the registry pages', async () => {
    const page = await openExplorer('zh');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('nav-registry').click();
    await page.getByTestId('import-page').waitFor({ timeout: 30_000 });
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await page.close();
  });

  it('every control reached with Tab in the header, the side panel and the timeline shows a focus ring that stands out (≥ 3:1)', async () => {
    const page = await openExplorer('zh', 'panel=leaders');
    await page.getByTestId('gap-lane').first().waitFor({ timeout: 30_000 });
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const unmarked: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('Tab');
      const f = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
        const lum = ([r = 0, g = 0, b = 0]: number[]) => {
          const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
        };
        // The ground the ring is drawn on: the nearest opaque background around the control.
        let ground = 'rgb(255, 255, 255)';
        for (let p = el.parentElement; p; p = p.parentElement) {
          const bg = rgb(getComputedStyle(p).backgroundColor);
          if (bg.length === 3 || bg[3] === 1) { ground = `rgb(${bg.slice(0, 3).join(', ')})`; break; }
        }
        const s = getComputedStyle(el);
        const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0;
        const [a, b] = [lum(rgb(s.outlineColor)), lum(rgb(ground))];
        const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const name = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[data-testid=${el.dataset.testid}]` : ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 24)}"`;
        return { name, ok: outline ? contrast >= 3 : s.boxShadow !== 'none', how: outline ? `${s.outlineColor} on ${ground}: ${contrast.toFixed(2)}:1` : 'no outline' };
      });
      if (!f || seen.has(f.name)) continue;
      seen.add(f.name);
      if (!f.ok) unmarked.push(`${f.name} (${f.how})`);
    }
    expect(seen.size).toBeGreaterThan(15);
    expect(unmarked).toEqual([]);
    await page.close();
  });
});
