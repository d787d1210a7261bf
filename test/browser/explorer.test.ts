// The explorer end to end (what it must show): the built web app (web/dist) served by the real
// API server over the article data set in the run's Neo4j, driven in headless Chromium.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, type Db } from '@cangshan/neo4j';
import { loadArticleDataSet } from '@cangshan/seed';
import { startServer, type RunningServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { launchChromium } from './support/browser.ts';
import { dragTimelineTo, nodeLabel, nodePosition, settle, visibleEdgeIds, visibleNodeIds, openExplorer } from './support/explorerPage.ts';

let db: Db;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await loadArticleDataSet(db);
  // Every cacheable read kept (READ_CACHE_MIN_MS=0): the page's repeated overview runs the cached path.
  server = await startServer({ db, port: 0, webDist: path.join(REPO_ROOT, 'web', 'dist'), env: { ...process.env, READ_CACHE_MIN_MS: '0' } });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 850 }, acceptDownloads: true });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await db?.close();
});

const open = (query = ''): Promise<Page> => openExplorer(context, server.url, query);

describe('the explorer in a browser', () => {
  it('opens on the district overview with anchors labelled and a legend', async () => {
    const page = await open();
    await expect.poll(() => page.locator('h1').textContent()).toBe('仓山产业链图谱');
    const ids = await visibleNodeIds(page);
    expect(ids).toEqual(expect.arrayContaining(['toutiao', 'fii', 'dalv', 'baidu-ai-lab']));
    expect(await nodeLabel(page, 'toutiao')).toBe('今日头条');
    await expect.poll(() => page.getByTestId('legend').textContent()).toContain('带动引进');
    await page.close();
  });

  it('searches 头条, opens 今日头条 with its quote, and shows 大吕网络科技 in its circle', async () => {
    const page = await open();
    await page.getByTestId('search').fill('头条');
    const hit = page.locator('[data-testid="search-suggestion"][data-id="toutiao"]');
    await hit.waitFor();
    await hit.click();
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toBe('今日头条');
    await expect.poll(() => page.getByTestId('source-quote').first().textContent()).toContain('今日头条');
    await expect.poll(() => page.getByTestId('source-badge').first().textContent()).toBe('原文');
    await expect.poll(() => page.getByTestId('rel-attracted').textContent()).toContain('大吕网络科技');
    await page.getByTestId('show-circle').click();
    await page.waitForFunction(() => new URL(location.href).searchParams.get('layout') === 'circle');
    await page.waitForFunction(() => {
      const cy = (window as unknown as { __cy: { getElementById(id: string): { hasClass(c: string): boolean } } }).__cy;
      return !cy.getElementById('dalv').hasClass('hidden') && cy.getElementById('fii').hasClass('hidden');
    });
    const ids = await visibleNodeIds(page);
    expect(ids).toContain('toutiao');
    expect(ids).toContain('dalv');
    expect(ids).not.toContain('fii');
    await page.close();
  });

  it('replays time: at 2019-01 大吕 is not there yet and the Baidu AI lab is; at 2020-04 大吕 is', async () => {
    const page = await open();
    await dragTimelineTo(page, '2019-01');
    let ids = await visibleNodeIds(page);
    expect(ids).toContain('toutiao');
    expect(ids).toContain('baidu-ai-lab');
    expect(ids).not.toContain('dalv');
    expect(ids).not.toContain('fii');
    const before = await nodePosition(page, 'toutiao');
    await dragTimelineTo(page, '2020-04');
    ids = await visibleNodeIds(page);
    expect(ids).toEqual(expect.arrayContaining(['toutiao', 'baidu-ai-lab', 'dalv', 'fii', 'beike-ruisheng-regional-hq']));
    expect(await visibleEdgeIds(page)).toContain('ATTRACTED:toutiao->dalv');
    // The timeline toggles visibility; it never moves a firm.
    expect(await nodePosition(page, 'toutiao')).toEqual(before);
    expect(page.url()).toContain('asOf=2020-04');
    await page.close();
  });

  it('switches to the chain layout: segment lanes, upstream left of downstream', async () => {
    const page = await open();
    await page.getByTestId('layout-chain').click();
    await settle(page);
    // One lane box per segment with visible firms, each firm inside its segment's box.
    const lanes = await page.evaluate(() => {
      type Bb = { x1: number; x2: number; y1: number; y2: number };
      type El = { id(): string; data(k: string): unknown; boundingBox(o?: object): Bb; position(): { x: number; y: number } };
      type Eles = { not(s: string): Eles; toArray(): El[] };
      const cy = (window as unknown as { __cy: { nodes(s: string): Eles } }).__cy;
      const shown = cy.nodes('.lane').not('.hidden').toArray();
      const box = new Map(shown.map((l) => [String(l.id()).slice('lane:'.length), l.boundingBox({ includeLabels: false })]));
      const firms = cy.nodes('[segmentId]').not('.hidden').not('.lane').toArray();
      const outside = firms.filter((f) => {
        const b = box.get(String(f.data('segmentId')));
        const p = f.position();
        return !b || p.x < b.x1 || p.x > b.x2 || p.y < b.y1 || p.y > b.y2;
      });
      return { lanes: shown.length, firms: firms.length, outside: outside.map((f) => f.id()) };
    });
    expect(lanes.lanes).toBeGreaterThan(3);
    expect(lanes.firms).toBeGreaterThan(10);
    expect(lanes.outside).toEqual([]);
    // AI chain: 芯片与硬件 (order 1, 华为) feeds rightwards to 智慧出行 (滴滴).
    expect((await nodePosition(page, 'huawei')).x).toBeLessThan((await nodePosition(page, 'didi-fuzhou-hq')).x);
    expect(page.url()).toContain('layout=chain');
    // Back to the clusters: no lane boxes.
    await page.getByTestId('layout-cluster').click();
    await settle(page);
    expect(await page.evaluate(() => (window as unknown as { __cy: { nodes(s: string): { not(s: string): { length: number } } } }).__cy.nodes('.lane').not('.hidden').length)).toBe(0);
    await page.close();
  });

  it('exports a high-resolution PNG', async () => {
    const page = await open();
    await page.getByTestId('export-menu').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
    const bytes = await readFile((await download.path())!);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
    const width = bytes.readUInt32BE(16);
    const height = bytes.readUInt32BE(20);
    expect(width).toBeGreaterThan(600);
    expect(height).toBeGreaterThan(300);
    expect(bytes.length).toBeGreaterThan(20_000);
    await page.close();
  });

  it('copies the view as GraphQL that the API answers with the same firms', async () => {
    const page = await open('?layout=circle&anchor=toutiao&asOf=2019-07&sel=toutiao');
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-graphql').click();
    const query = await page.getByTestId('graphql-query').inputValue();
    const variables = JSON.parse(await page.getByTestId('graphql-variables').inputValue()) as Record<string, unknown>;
    expect(variables).toMatchObject({ anchorId: 'toutiao', asOf: '2019-07' });
    const res = await fetch(new URL('/graphql', server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: { circle: { nodes: { id: string }[] }; selected: { name: string } }; errors?: unknown };
    expect(body.errors).toBeUndefined();
    const fromApi = body.data!.circle.nodes.map((n) => n.id).sort();
    await expect.poll(() => visibleNodeIds(page)).toEqual(fromApi);
    expect(fromApi).toContain('dalv');
    expect(body.data!.selected.name).toBe('今日头条');
    await page.close();
  });

  it('reopens a shared URL on the same view', async () => {
    const page = await open();
    await page.getByTestId('layout-chain').click();
    await dragTimelineTo(page, '2019-11');
    await page.getByTestId('search').fill('dalv');
    await page.locator('[data-testid="search-suggestion"][data-id="dalv"]').click();
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toBe('大吕网络科技');
    const url = page.url();
    const ids = await visibleNodeIds(page);
    const again = await open(url.slice(url.indexOf('?')));
    expect(await visibleNodeIds(again)).toEqual(ids);
    await expect.poll(() => again.getByTestId('layout-chain').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => again.getByTestId('timeline-month').textContent()).toBe('2019-11');
    await expect.poll(() => again.getByTestId('profile-name').textContent()).toBe('大吕网络科技');
    await page.close();
    await again.close();
  });

  it('toggles the whole UI between 中文 and English', async () => {
    const page = await open();
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Cangshan Industry-Chain Graph');
    expect(await nodeLabel(page, 'toutiao')).toBe('Toutiao');
    await expect.poll(() => page.getByTestId('layout-chain').textContent()).toBe('Chain');
    expect(page.url()).toContain('lang=en');
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('仓山产业链图谱');
    expect(await nodeLabel(page, 'toutiao')).toBe('今日头条');
    await page.close();
  });
});
