// A firm that left the district, in a real browser: the built web app (web/dist) served by the
// real API over a small registry-sourced district in the run's Neo4j. On the timeline the firm is
// drawn as usual the month before it left, faded (class `leaving`, not counted) the month it left,
// and gone after; the growth chart shows its departure; its profile shows its registry fields.
// BROWSER_SHOTS=<folder> keeps a screenshot of each step there (as tokensAndExports.test.ts does).
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DataSet, NodeRecord } from '@cangshan/model';
import { REPO_ROOT, type Db } from '@cangshan/neo4j';
import { importDataSet } from '@cangshan/seed';
import { startServer, type RunningServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { launchChromium } from './support/browser.ts';
import { dragTimelineTo, settle, visibleNodeIds, waitForExplorer } from './support/explorerPage.ts';

const WEB_DIST = process.env.EXPLORER_WEB_DIST ?? path.join(REPO_ROOT, 'web', 'dist');
const SHOTS = process.env.BROWSER_SHOTS;
const DOC = 'doc-registry-2026-11';

const firm = (id: string, name: string, row: number, p: Partial<NodeRecord>): NodeRecord => ({
  id,
  label: 'Enterprise',
  name,
  isAnchor: false,
  local: true,
  kind: 'firm',
  synthetic: false,
  sourceKind: 'REGISTRY',
  docId: DOC,
  reason: `仓山区企业名录-2026-11.xlsx, row ${row}`,
  ...p,
});
const tie = (type: 'ATTRACTED' | 'SUPPLIES', from: string, to: string, since: string) => ({ type, from, to, since, synthetic: false, sourceKind: 'CURATED', reason: 'test tie' }) as const;

/** 枫叶科技 drew in three firms; 北溪数据 closed on 2021-03-15. */
const DATA: DataSet = {
  nodes: [
    { id: DOC, label: 'Document', title: '仓山区企业名录-2026-11.xlsx', publisher: '仓山区市场监督管理局', publishedOn: '2026-11-30', synthetic: false, sourceKind: 'REGISTRY', docId: DOC, reason: 'the district export of 2026-11' },
    firm('dep-anchor', '福州枫叶科技有限公司', 2, { isAnchor: true, nameEn: 'Maple Tech', landedOn: '2019-01', status: 'active', statusText: '存续' }),
    firm('dep-stays', '福州青松软件有限公司', 3, { nameEn: 'Pine Software', landedOn: '2019-03', status: 'active' }),
    firm('dep-late', '福州白塔网络有限公司', 4, { nameEn: 'White Pagoda Network', landedOn: '2020-06', status: 'active' }),
    firm('dep-leaver', '福州北溪数据服务有限公司', 5, {
      nameEn: 'Beixi Data Services',
      landedOn: '2019-05',
      leftOn: '2021-03-15',
      leftHow: 'closed',
      status: 'closed',
      statusText: '注销',
      creditCode: '91350104MA2XY7KQ3B',
      formerNames: ['福州北溪网络科技有限公司'],
      foundedOn: '2019-04-22',
      registeredCapitalAmount: 1000000,
      registeredCapitalCurrency: 'CNY',
      registeredCapitalText: '100万元人民币',
    }),
  ],
  relations: [
    tie('ATTRACTED', 'dep-anchor', 'dep-stays', '2019-03'),
    tie('ATTRACTED', 'dep-anchor', 'dep-leaver', '2019-05'),
    tie('SUPPLIES', 'dep-leaver', 'dep-anchor', '2019-06'),
    tie('SUPPLIES', 'dep-late', 'dep-anchor', '2020-06'),
  ],
};

let db: Db;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await importDataSet(db, DATA);
  server = await startServer({ db, port: 0, webDist: WEB_DIST, env: { ...process.env, RATE_LIMIT_PER_MINUTE: '0' }, log: () => {} });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 850 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await db?.close();
});

const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
};

/** Whether the node is drawn faded as leaving, and whether it is hidden. */
async function drawnAs(page: Page, id: string): Promise<{ hidden: boolean; leaving: boolean; opacity: number }> {
  return page.evaluate((nodeId) => {
    type El = { hasClass(c: string): boolean; style(p: string): string };
    const el = (window as unknown as { __cy: { getElementById(i: string): El } }).__cy.getElementById(nodeId);
    return { hidden: el.hasClass('hidden'), leaving: el.hasClass('leaving'), opacity: Number(el.style('opacity')) };
  }, id);
}

describe('a firm that left, on the timeline', () => {
  it('is drawn the month before, fades out the month it left, and is gone after', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url.replace(/\/$/, '')}/`);
    await waitForExplorer(page);
    // The timeline runs to the month after the departure, so "gone" can be seen.
    expect(await page.getByTestId('timeline-slider').getAttribute('max')).toBe(String(12 * 2 + 3));

    await dragTimelineTo(page, '2021-02');
    await settle(page);
    expect(await visibleNodeIds(page)).toEqual(['dep-anchor', 'dep-late', 'dep-leaver', 'dep-stays']);
    expect(await drawnAs(page, 'dep-leaver')).toMatchObject({ hidden: false, leaving: false, opacity: 1 });
    expect(await page.getByTestId('counter-firms').textContent()).toBe('4');
    await shot(page, 'departure-1-month-before');

    await dragTimelineTo(page, '2021-03');
    await settle(page);
    // Still drawn, faded and dashed, and no longer counted; its tie to the anchor faded with it.
    expect(await visibleNodeIds(page)).toEqual(['dep-anchor', 'dep-late', 'dep-leaver', 'dep-stays']);
    const leaving = await drawnAs(page, 'dep-leaver');
    expect(leaving).toMatchObject({ hidden: false, leaving: true });
    expect(leaving.opacity).toBeLessThan(0.5);
    expect(await drawnAs(page, 'dep-stays')).toMatchObject({ leaving: false, opacity: 1 });
    expect(await page.getByTestId('counter-firms').textContent()).toBe('3');
    await shot(page, 'departure-2-month-it-left');

    await dragTimelineTo(page, '2021-04');
    await settle(page);
    expect(await visibleNodeIds(page)).toEqual(['dep-anchor', 'dep-late', 'dep-stays']);
    expect(await drawnAs(page, 'dep-leaver')).toMatchObject({ hidden: true, leaving: false });
    expect(await page.getByTestId('counter-firms').textContent()).toBe('3');
    await shot(page, 'departure-3-month-after');

    // The growth chart has a departure bar in 2021-03, and its legend names the series.
    expect(await page.locator('[data-testid="growth-chart"] g[data-period="2021-03"] [data-testid="growth-departures"]').count()).toBe(1);
    expect(await page.locator('[data-testid="growth-departures"]').count()).toBe(1);
    expect(await page.getByTestId('growth-legend').textContent()).toContain('退出');
    await page.close();
  });

  it('shows the firm’s registry fields and its departure in its profile', async () => {
    const page = await context.newPage();
    await page.goto(`${server.url.replace(/\/$/, '')}/?sel=dep-leaver&panel=profile`);
    await waitForExplorer(page);
    await page.getByTestId('profile-registry').waitFor();
    expect(await page.getByTestId('profile-left').textContent()).toContain('2021-03-15');
    expect(await page.getByTestId('profile-left-on').textContent()).toBe('2021-03-15 · 注销');
    expect(await page.getByTestId('profile-credit-code').textContent()).toBe('91350104MA2XY7KQ3B');
    expect(await page.getByTestId('profile-status').textContent()).toBe('注销');
    expect(await page.getByTestId('profile-registered-capital').textContent()).toBe('100万元人民币');
    expect(await page.getByTestId('profile-former-names').textContent()).toBe('福州北溪网络科技有限公司');
    await shot(page, 'departure-4-profile');
    await page.close();
  });
});
