// The one-page briefing (招商简报) in a real browser (Debian Chromium via playwright-core), against
// the real server over the article data set in the run's Neo4j, with two firms on the pipeline: the
// leaders panel's button opens it; Toutiao's circle as of 2020-04 shows its name, a target's reason,
// the pipeline, and prints as exactly one A4 page (pdfinfo); the fullest case (the district, eight
// targets, English) still fits one page; an unknown anchor says so. Then `npm run brief` as a user
// runs it, a child process on the same database: the PDF has one page whose text (pdftotext) holds
// 今日头条 and a target's reason; an unknown anchor exits 2 listing the anchors there are.
// BROWSER_SHOTS=<folder> keeps the screen view there (briefing.png: docs/WEB.md's picture);
// EXPLORER_WEB_DIST serves another build of the web (and is handed to the command as BRIEF_WEB_DIST).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, type Db } from '@cangshan/neo4j';
import { loadArticleDataSet } from '@cangshan/seed';
import { startServer, type RunningServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { launchChromium } from './support/browser.ts';
import { waitForExplorer } from './support/explorerPage.ts';

const WEB_DIST = process.env.EXPLORER_WEB_DIST ?? path.join(REPO_ROOT, 'web', 'dist');
const SHOTS = process.env.BROWSER_SHOTS;
const EDITOR = 'briefing-editor-token';
const tmp = mkdtempSync(path.join(os.tmpdir(), 'briefing-'));

let db: Db;
let server: RunningServer;
let context: BrowserContext;
const opened: Array<{ close(): Promise<unknown> }> = [];
/** Toutiao's first target as of 2020-04 and its first reason, as the API ranks them. */
let firstTarget: { id: string; name: string; reasonZh: string; reasonEn: string };

const base = () => server.url.replace(/\/$/, '');

async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<T> {
  const res = await fetch(`${base()}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data as T;
}

beforeAll(async () => {
  db = testDb();
  opened.push(db);
  await resetDb(db);
  await loadArticleDataSet(db);
  // A longer query deadline: the first recruitment queries of a fresh database plan slowly on a busy machine.
  const env = { ...process.env, API_TOKENS: `${EDITOR}:editor:区商务局 陈招商`, RATE_LIMIT_PER_MINUTE: '0', QUERY_TIMEOUT_MS: '60000' };
  opened.push((server = await startServer({ db, port: 0, webDist: WEB_DIST, env, log: () => {} })));
  const { recruitmentTargets } = await gql<{ recruitmentTargets: { enterprise: { id: string; name: string }; reasons: { zh: string; en: string }[] }[] }>(
    '{ recruitmentTargets(anchorId: "toutiao", asOf: "2020-04", limit: 5) { enterprise { id name } reasons { zh en } } }',
  );
  const t = recruitmentTargets[0]!;
  firstTarget = { id: t.enterprise.id, name: t.enterprise.name, reasonZh: t.reasons[0]!.zh, reasonEn: t.reasons[0]!.en };
  // What a planner did in the meeting before: two of the targets are on the pipeline.
  const add = 'mutation($i: AddToPipelineInput!) { addToPipeline(input: $i) { id } }';
  await gql(add, { i: { enterpriseId: firstTarget.id, stage: 'VISITED', team: '招商一组', dueOn: '2020-05' } }, EDITOR);
  await gql(add, { i: { enterpriseId: 'baidu', stage: 'CONTACTED', team: '招商二组' } }, EDITOR);
  const browser = await launchChromium();
  opened.push(browser);
  opened.push((context = await browser.newContext({ viewport: { width: 1100, height: 1300 }, locale: 'zh-CN' })));
});

afterAll(async () => {
  for (const o of opened.reverse()) await o.close();
  rmSync(tmp, { recursive: true, force: true });
});

async function openBrief(page: Page, hash: string): Promise<void> {
  await page.goto(`${base()}/${hash}`);
  await page.waitForSelector('[data-testid="brief"][data-ready="true"], [data-testid="brief"][data-brief-state="error"]', { timeout: 90_000 });
}

/** Prints the page as the PDF command does, and returns the PDF's page count (pdfinfo) and its text (pdftotext). */
async function printed(page: Page, name: string): Promise<{ pages: number; text: string }> {
  await page.emulateMedia({ media: 'print' });
  const file = path.join(tmp, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', printBackground: true, preferCSSPageSize: true });
  await page.emulateMedia({ media: 'screen' });
  return readPdf(file);
}

function readPdf(file: string): { pages: number; text: string } {
  const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  expect(info.status, `pdfinfo (apt-get install poppler-utils): ${info.stderr}`).toBe(0);
  const text = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  expect(text.status, text.stderr).toBe(0);
  return { pages: Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1]), text: text.stdout };
}

/** Text without white space: a line break of the PDF or the page may fall anywhere in a sentence. */
const squeeze = (s: string): string => s.replace(/\s+/g, '');

describe('the briefing page', () => {
  it('opens from the leaders panel with its scope and date, in a new tab', async () => {
    const page = await context.newPage();
    await page.goto(`${base()}/?panel=leaders&anchor=toutiao&asOf=2020-04`);
    await waitForExplorer(page);
    const button = page.getByTestId('print-brief');
    await button.waitFor();
    expect(await button.textContent()).toBe('打印简报');
    expect(await button.getAttribute('href')).toBe('#/brief?anchor=toutiao&asOf=2020-04&lang=zh');
    const [tab] = await Promise.all([context.waitForEvent('page'), button.click()]);
    await tab.waitForSelector('[data-testid="brief"][data-ready="true"]', { timeout: 90_000 });
    expect(await tab.getByTestId('brief-title').textContent()).toBe('今日头条 朋友圈招商简报');
    await tab.close();
    await page.close();
  });

  it('shows the anchor, the targets with their reasons, the pipeline and the sources, and prints on one A4 page', async () => {
    const page = await context.newPage();
    await openBrief(page, '#/brief?anchor=toutiao&asOf=2020-04');
    expect(await page.getAttribute('[data-testid="brief"]', 'data-brief-state')).toBe('ready');
    expect(await page.getByTestId('brief-title').textContent()).toContain('今日头条');
    expect(await page.getByTestId('brief-as-of').textContent()).toBe('2020-04');
    expect(await page.getByTestId('brief-firms').textContent()).toBe('3');
    const first = page.locator(`[data-testid="brief-target"][data-id="${firstTarget.id}"]`);
    expect(await first.textContent()).toContain(firstTarget.name);
    expect(squeeze((await first.getByTestId('brief-reasons').textContent()) ?? '')).toContain(squeeze(firstTarget.reasonZh));
    expect(await first.getByTestId('brief-target-stage').textContent()).toBe('已考察 · 招商一组');
    expect(await page.getByTestId('brief-lane').count()).toBe(5);
    expect(squeeze((await page.getByTestId('brief-pipeline').textContent()) ?? '')).toContain('已接触1');
    // The anchor's landing is a STATED fact: its footnote is the article's title and quote.
    const sources = await page.getByTestId('brief-sources').textContent();
    expect(sources).toContain('“云签约”19个项目');
    expect(sources).toContain('“今日头条”落地仓山');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'briefing.png'), fullPage: true });

    const pdf = await printed(page, 'toutiao-zh');
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('今日头条');
    await page.close();
  });

  it('fits one page with the most it holds: the whole district, up to eight targets, in English', async () => {
    const page = await context.newPage();
    await openBrief(page, '#/brief?asOf=2020-04&lang=en&targets=8');
    expect(await page.getByTestId('brief-title').textContent()).toBe('Briefing: Cangshan District');
    const { recruitmentTargets } = await gql<{ recruitmentTargets: unknown[] }>('{ recruitmentTargets(asOf: "2020-04", limit: 8) { rank } }');
    expect(recruitmentTargets.length).toBeGreaterThan(5);
    expect(await page.getByTestId('brief-target').count()).toBe(recruitmentTargets.length);
    expect(await page.getByTestId('brief-print').textContent()).toBe('Print briefing');
    const fit = Number(await page.getByTestId('brief-fit').getAttribute('data-fit'));
    expect(fit).toBeGreaterThan(0.7);
    expect(fit).toBeLessThanOrEqual(1);
    const pdf = await printed(page, 'district-en');
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('Top recruitment targets');
    await page.close();
  });

  it('says which anchor id is unknown, and offers nothing to print', async () => {
    const page = await context.newPage();
    await openBrief(page, '#/brief?anchor=toutiao-beijing&asOf=2020-04');
    expect(await page.getAttribute('[data-testid="brief"]', 'data-brief-state')).toBe('error');
    expect(await page.getByTestId('brief-error').textContent()).toContain('没有 id 为“toutiao-beijing”的企业');
    expect(await page.getByTestId('brief-print').isDisabled()).toBe(true);
    await page.close();
  });
});

/** `npm run brief -- …` as a child process on the run's database (what the root script runs). */
function brief(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/src/cli/brief/briefCli.ts', ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, NEO4J_URI: inject('neo4jUri'), BRIEF_WEB_DIST: WEB_DIST, INIT_CWD: tmp },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('npm run brief', () => {
  it('writes a one-page PDF holding the anchor’s name and a target’s reason', async () => {
    const r = await brief('--anchor', 'toutiao', '--as-of', '2020-04', '--out', 'toutiao.pdf');
    expect(r.status, r.stderr).toBe(0);
    const file = path.join(tmp, 'toutiao.pdf');
    expect(r.stdout.trim()).toBe(file);
    expect(r.stderr).toContain("[brief] 今日头条 (toutiao)'s circle, as of 2020-04 (zh)");
    expect(r.stderr).toMatch(/\[brief\] wrote "今日头条 朋友圈招商简报" \(1 page, \d+ KB\)/);
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-');
    const pdf = readPdf(file);
    expect(pdf.pages).toBe(1);
    expect(pdf.text).toContain('今日头条');
    expect(squeeze(pdf.text)).toContain(squeeze(firstTarget.reasonZh));
  }, 180_000);

  it('refuses an unknown anchor with exit code 2, listing the anchors there are, and writes nothing', async () => {
    const r = await brief('--anchor', 'toutiao-beijing', '--as-of', '2020-04', '--out', 'nothing.pdf');
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown anchor id "toutiao-beijing". The anchors in this database:');
    expect(r.stderr).toMatch(/toutiao\s+今日头条/);
    expect(existsSync(path.join(tmp, 'nothing.pdf'))).toBe(false);
  }, 180_000);
});
