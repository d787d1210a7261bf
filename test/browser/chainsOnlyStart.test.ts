// A district that starts from the curated chains alone (SEED_DATA=chains): the explorer says the
// database holds no firm yet and points to the registry import, instead of blaming a filter no one
// set. Real Chromium, the server on the test Neo4j holding what `--chains-only` loads.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { REPO_ROOT, type Db } from '@cangshan/neo4j';
import { chainsOnlyDataSet, importDataSet } from '@cangshan/seed';
import { startServer, type RunningServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { launchChromium } from './support/browser.ts';

const WEB_DIST = process.env.EXPLORER_WEB_DIST ?? path.join(REPO_ROOT, 'web', 'dist');
const SHOTS = process.env.BROWSER_SHOTS;

let db: Db;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await importDataSet(db, chainsOnlyDataSet());
  server = await startServer({ db, port: 0, webDist: WEB_DIST, env: { ...process.env, RATE_LIMIT_PER_MINUTE: '0' }, log: () => {} });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await db?.close();
});

describe('the explorer on a database with the chains only', () => {
  it('says there is no firm yet and links to the import, in Chinese and in English', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 850 }, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url.replace(/\/$/, '')}/`);
    const banner = page.getByTestId('status-no-firms');
    await banner.waitFor({ timeout: 30_000 });
    expect(await banner.textContent()).toContain('数据库里还没有企业');
    expect(await page.getByTestId('status-empty').count()).toBe(0);
    expect(await banner.locator('a').getAttribute('href')).toBe('#/import');
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'chains-only-start.png') });
    await page.getByTestId('lang-toggle').click();
    await expect.poll(() => banner.textContent()).toContain('holds no firm yet');
    await banner.locator('a').click();
    await page.waitForURL(/#\/import$/);
    await context.close();
  });
});
