// The leaders' panel says why each chain segment has its status and what kind each target is, in
// Chinese and English, on the article data set in the run's Neo4j (docs/RECRUITMENT.md, "Gap
// status" and "Kinds of target"): 字节跳动 is labelled an expansion through 今日头条, not a new firm.
import os from 'node:os';
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
  server = await startServer({ db, port: 0, webDist, env: { ...process.env, QUERY_TIMEOUT_MS: '90000' } });
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await db?.close();
});

async function open(query: string): Promise<Page> {
  const page = await openExplorer(context, server.url, query);
  await page.getByTestId('target').first().waitFor({ timeout: 60_000 });
  return page;
}

describe('the leaders’ panel explains gaps and kinds of target', () => {
  for (const lang of ['zh', 'en'] as const) {
    it(`${lang}: each GAP / WEAK segment has its reason, and 字节跳动 is an expansion through 今日头条`, async () => {
      const page = await open(`?panel=leaders&anchor=toutiao&asOf=2020-04&lang=${lang}`);
      const reasons = page.getByTestId('gap-reason');
      await reasons.first().waitFor();
      const rows = await reasons.evaluateAll((els) => els.map((e) => [e.getAttribute('data-status'), e.getAttribute('data-basis'), e.textContent ?? '']));
      const segs = await page.locator('[data-testid="gap-lane"] .seg').evaluateAll((els) => els.map((e) => [e.getAttribute('data-status'), e.getAttribute('title') ?? '']));
      // One reason line per segment that is not STRONG, and every segment's tooltip says why.
      expect(rows.length).toBe(segs.filter(([s]) => s !== 'STRONG').length);
      expect(rows.length).toBeGreaterThan(10);
      const noFirm = lang === 'zh' ? '区内没有该环节企业' : 'no local firm in this segment';
      expect(rows.find(([s, b]) => s === 'GAP' && b === 'NO_LOCAL_FIRM')?.[2]).toContain(noFirm);
      expect(segs.filter(([s]) => s === 'GAP').every(([, title]) => (title ?? '').includes(noFirm))).toBe(true);

      const bytedance = page.locator('[data-testid="target"][data-id="bytedance"] [data-testid="target-kind"]');
      expect(await bytedance.getAttribute('data-kind')).toBe('EXPANSION');
      expect(await bytedance.textContent()).toBe(
        lang === 'zh' ? '以商招商 同一集团已在区内设有 今日头条：争取增资扩产' : 'Expansion its group is already here through Toutiao: expand an existing investor',
      );
      await page.locator('[data-testid="target"][data-id="bytedance"]').scrollIntoViewIfNeeded();
      // For a look by eye: the panel as a leader sees it.
      await page.screenshot({ path: path.join(os.tmpdir(), `cangshan-leaders-kinds-${lang}.png`) });
      await page.close();
    });
  }
});
