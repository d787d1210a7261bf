// The everyday conventions of the explorer in a browser, on the article data set in the run's
// Neo4j: the header's search finds projects, parks and chains as well as firms, labels each with
// its kind and does something with it; a server error reads in the chosen language by its code;
// the dashboard's planned investment is "—" when unknown; chain gaps carry a mark, not colour alone.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, type Db } from '@cangshan/neo4j';
import { loadArticleDataSet } from '@cangshan/seed';
import { startServer, type RunningServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { launchChromium } from './support/browser.ts';
import { openExplorer } from './support/explorerPage.ts';

let db: Db;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
const webDist = path.join(REPO_ROOT, 'web', 'dist');

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await loadArticleDataSet(db);
  server = await startServer({ db, port: 0, webDist, env: { ...process.env } });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await db?.close();
});

const open = (query = '', at: RunningServer = server): Promise<Page> => openExplorer(context, at.url, query);

/** Types into the header's search and waits for the suggestion of this id; returns it. */
async function suggest(page: Page, text: string, id: string) {
  await page.getByTestId('search').fill(text);
  const hit = page.locator(`[data-testid="search-suggestion"][data-id="${id}"]`);
  await hit.waitFor();
  return hit;
}

const param = (page: Page, name: string) => new URL(page.url()).searchParams.get(name);

describe('search across kinds in the explorer', () => {
  it('lists the project 海峡健康产业综合体 first, labelled 项目, and says why picking it shows nothing', async () => {
    const page = await open();
    const hit = await suggest(page, '海峡健康', 'proj-strait-health-complex');
    const first = page.getByTestId('search-suggestion').first();
    expect(await first.getAttribute('data-id')).toBe('proj-strait-health-complex');
    expect(await hit.getAttribute('data-kind')).toBe('PROJECT');
    expect(await hit.getByTestId('search-kind').textContent()).toBe('项目');
    await hit.click();
    await expect.poll(() => page.getByTestId('search-note').textContent()).toContain('海峡健康产业综合体');
    await page.close();
  });

  it('opens the firm of a project, filters by a park or a chain, and labels them in English', async () => {
    const page = await open('?lang=en');
    await (await suggest(page, '工业富联福州项目', 'proj-fii-fuzhou')).click();
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toBe('Foxconn Industrial Internet');

    const park = await suggest(page, 'Beidou', 'park-beidou');
    expect(await park.getByTestId('search-kind').textContent()).toBe('Park');
    await park.click();
    await expect.poll(() => param(page, 'park')).toBe('park-beidou');
    await expect.poll(() => page.getByTestId('filter-park').inputValue()).toBe('park-beidou');

    const chain = await suggest(page, '大健康产业链', 'chain-health');
    expect(await chain.getByTestId('search-kind').textContent()).toBe('Chain');
    await chain.click();
    await expect.poll(() => param(page, 'chain')).toBe('chain-health');
    expect(param(page, 'park')).toBeNull();
    await page.close();
  });

  it('keeps the path panel’s boxes to firms', async () => {
    const page = await open('?panel=path');
    // `find` would list the project 工业富联福州项目 first; the path's ends are firms.
    await page.getByTestId('path-from').fill('工业富联福州项目');
    const hits = page.locator('[data-testid="path-from-suggestions"] [data-testid="search-suggestion"]');
    await hits.first().waitFor();
    expect(new Set(await hits.evaluateAll((els) => els.map((e) => e.getAttribute('data-kind'))))).toEqual(new Set(['ENTERPRISE']));
    expect(await hits.first().getAttribute('data-id')).toBe('fii');
    expect(await page.locator('[data-testid="path-from-suggestions"] [data-testid="search-kind"]').count()).toBe(0);
    await page.close();
  });
});

describe('what the explorer says and marks', () => {
  it('words a server error by its code in the chosen language, with the server’s message as detail', async () => {
    // A real server whose graph limit is below what the overview asks (5,000): LIMIT_EXCEEDED.
    const small = await startServer({ db, port: 0, webDist, env: { ...process.env, GRAPHQL_MAX_GRAPH_NODES: '100' } });
    try {
      const page = await context.newPage();
      await page.goto(small.url);
      const banner = page.getByTestId('status-error');
      await expect.poll(() => banner.textContent(), { timeout: 30_000 }).toContain('请求超出了服务器的限制');
      expect(await banner.textContent()).toContain('GRAPHQL_MAX_GRAPH_NODES');
      await page.getByTestId('lang-toggle').click();
      await expect.poll(() => banner.textContent()).toContain('The request is over a server limit');
      await page.close();
    } finally {
      await small.close();
    }
  });

  it('shows the planned investment as "—" on the dashboard when no project has an amount, as the timeline does', async () => {
    const page = await open('?panel=dashboard');
    await expect.poll(() => page.getByTestId('dashboard-investment').textContent()).toBe('—');
    expect(await page.getByTestId('counter-investment').textContent()).toBe('—');
    await page.close();
  });

  it('marks each chain segment’s gap status with a named sign and explains the signs', async () => {
    const page = await open('?panel=leaders');
    await page.getByTestId('gap-legend').waitFor();
    expect(await page.getByTestId('gap-legend').textContent()).toContain('缺口：区内没有企业');
    const lanes = page.locator('[data-testid="gap-lane"] .seg');
    await lanes.first().waitFor();
    const marks = await lanes.evaluateAll((segs) => segs.map((s) => [s.getAttribute('data-status'), s.querySelector('[data-testid="gap-mark"]')?.getAttribute('aria-label'), s.querySelector('[data-testid="gap-mark"]')?.textContent]));
    expect(marks.length).toBeGreaterThan(10);
    const expected: Record<string, [string, string]> = { GAP: ['缺口', '✕'], WEAK: ['薄弱', '◐'], STRONG: ['较强', '✓'] };
    for (const [status, label, sign] of marks) expect([label, sign]).toEqual(expected[status ?? '']);
    expect(new Set(marks.map((m) => m[0]))).toContain('GAP');
    await page.close();
  });
});
