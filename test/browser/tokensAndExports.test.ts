// Tokens where users need them, and exports people open, in a real browser: GraphiQL sends what
// is typed in its Headers pane (a mutation with an editor token succeeds); the explorer on a
// server whose reads need a token asks for one, keeps it for the session, shares it with the
// GraphiQL it opens, and signs out; the explorer's CSV starts with a BOM and marks a firm name
// that would start a spreadsheet formula; its GEXF and GraphML hold the visible subgraph.
// EXPLORER_WEB_DIST serves another build of the web (e.g. one made without a fix, to see these
// fail); BROWSER_SHOTS=<folder> keeps a screenshot of each step there.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { REPO_ROOT, type Db } from '@cangshan/neo4j';
import { loadArticleDataSet } from '@cangshan/seed';
import { startServer, type RunningServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { launchChromium } from './support/browser.ts';
import { visibleEdgeIds, visibleNodeIds, waitForExplorer } from './support/explorerPage.ts';

const WEB_DIST = process.env.EXPLORER_WEB_DIST ?? path.join(REPO_ROOT, 'web', 'dist');
const SHOTS = process.env.BROWSER_SHOTS;
const EDITOR = 'browser-editor-token';
const READER = 'browser-reader-token';
const TOKENS = `${EDITOR}:editor:Browser Tester,${READER}:reader`;
const FORMULA_NAME = '=HYPERLINK("http://evil.example","点我")';

let db: Db;
let open: RunningServer; // reads open, writes need a token
let locked: RunningServer; // API_READ_TOKEN_REQUIRED=true
let context: BrowserContext;
/** What beforeAll opened, closed in reverse by afterAll. */
const opened: Array<{ close(): Promise<unknown> }> = [];

beforeAll(async () => {
  db = testDb();
  opened.push(db);
  await resetDb(db);
  await loadArticleDataSet(db);
  const env = { ...process.env, API_TOKENS: TOKENS, RATE_LIMIT_PER_MINUTE: '0' };
  opened.push((open = await startServer({ db, port: 0, webDist: WEB_DIST, env, log: () => {} })));
  opened.push((locked = await startServer({ db, port: 0, webDist: WEB_DIST, env: { ...env, API_READ_TOKEN_REQUIRED: 'true' }, log: () => {} })));
  const browser: Browser = await launchChromium();
  opened.push(browser);
  opened.push((context = await browser.newContext({ viewport: { width: 1400, height: 850 }, acceptDownloads: true })));
});

afterAll(async () => {
  for (const o of opened.reverse()) await o.close();
});

const base = (s: RunningServer) => s.url.replace(/\/$/, '');
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
};

async function graphiql(page: Page, server: RunningServer): Promise<void> {
  await page.goto(`${base(server)}/graphql`);
  await page.waitForSelector('.graphiql-container .graphiql-tab');
}

/** The text of the visible editor (Monaco) in a GraphiQL section: `.graphiql-response`, `.graphiql-editor-tool`. */
const editorText = async (page: Page, section: string) => (await page.locator(section).innerText()).replace(/\u00a0/g, ' ');

async function downloadText(d: Download): Promise<{ name: string; bytes: Buffer }> {
  return { name: d.suggestedFilename(), bytes: await readFile((await d.path())!) };
}

describe('GraphiQL', () => {
  it('sends the Headers pane: a mutation with an editor token succeeds, and the audit trail names the token', async () => {
    const page = await context.newPage();
    await graphiql(page, open);
    // Each example opens with its variables: the first tab's at once, the write example's on its tab.
    await expect.poll(() => editorText(page, '.graphiql-editor-tool'), { timeout: 10_000 }).toContain('"id": "toutiao"');
    await page.locator('.graphiql-tab', { hasText: 'CreateFirm' }).click();
    await expect.poll(() => editorText(page, '.graphiql-editor-tool'), { timeout: 10_000 }).toContain('graphiql-test-firm');
    await page.locator('.graphiql-editor-tools button[data-name="headers"]').click();
    await page.locator('.graphiql-editor-tool .monaco-editor[data-uri$="headers.json"]').click();
    await page.keyboard.insertText(`{"Authorization": "Bearer ${EDITOR}"}`);
    await expect.poll(() => editorText(page, '.graphiql-editor-tool')).toContain(`Bearer ${EDITOR}`);
    await page.locator('.graphiql-execute-button').click();
    await expect.poll(() => editorText(page, '.graphiql-response'), { timeout: 15_000 }).toMatch(/"id": "graphiql-test-firm"|UNAUTHENTICATED|errors/);
    await shot(page, 'graphiql-mutation');
    expect(await editorText(page, '.graphiql-response')).toContain('"id": "graphiql-test-firm"');
    const rows = await db.read("MATCH (e:Enterprise {id: 'graphiql-test-firm'}) RETURN e.name AS name");
    expect(rows).toEqual([{ name: '图谱测试科技' }]);
    const audit = await db.read("MATCH (c:Change {action: 'createEnterprise'}) WHERE c.detail CONTAINS 'graphiql-test-firm' RETURN c.actor AS actor");
    expect(audit).toEqual([{ actor: 'Browser Tester' }]);
    await page.close();
  });
});

describe('the explorer on a server whose reads need a token', () => {
  it('asks for a token, keeps it for the session, shares it with GraphiQL, and signs out', async () => {
    const page = await context.newPage();
    await page.goto(`${base(locked)}/`);
    const form = page.getByTestId('sign-in');
    await form.waitFor({ timeout: 30_000 });
    await shot(page, 'sign-in');
    await page.getByTestId('sign-in-token').fill('not-a-token-of-this-server');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('sign-in-message').textContent()).toContain('Unknown token');
    await page.getByTestId('sign-in-token').fill(READER);
    await page.getByTestId('sign-in-submit').click();
    await waitForExplorer(page);
    expect(await visibleNodeIds(page)).toEqual(expect.arrayContaining(['toutiao', 'fii', 'dalv']));
    expect(await page.evaluate(() => sessionStorage.getItem('cangshan.apiToken'))).toBe(READER);
    expect(await page.evaluate(() => localStorage.length === 0 || !Object.values(localStorage).some((v) => String(v).includes('browser-reader')))).toBe(true);
    await shot(page, 'signed-in');

    // "Copy as GraphQL" → open in GraphiQL: the new tab has the token and its query runs.
    await page.getByTestId('export-menu').click();
    await page.getByTestId('export-graphql').click();
    const [gq] = await Promise.all([context.waitForEvent('page'), page.getByTestId('graphql-open').click()]);
    // GraphiQL's first request, the schema, already goes with the token (reads need one here).
    const schema = await gq.waitForResponse((r) => r.url().endsWith('/graphql') && (r.request().postData() ?? '').includes('IntrospectionQuery'));
    expect(schema.status()).toBe(200);
    await gq.waitForSelector('.graphiql-container .graphiql-tab');
    expect(await gq.evaluate(() => sessionStorage.getItem('cangshan.apiToken'))).toBe(READER);
    await expect.poll(() => editorText(gq, '.graphiql-query-editor'), { timeout: 10_000 }).toContain('CangshanView');
    await gq.locator('.graphiql-execute-button').click();
    await expect.poll(() => editorText(gq, '.graphiql-response'), { timeout: 15_000 }).toContain('"nodes"');
    expect(await editorText(gq, '.graphiql-response')).not.toContain('UNAUTHENTICATED');
    await gq.locator('.graphiql-editor-tools button[data-name="headers"]').click();
    await expect.poll(() => editorText(gq, '.graphiql-editor-tool')).toContain(`Bearer ${READER}`);
    await shot(gq, 'graphiql-from-app');
    await gq.close();

    await page.getByTestId('graphql-close').click();
    await page.getByTestId('sign-out').click();
    await form.waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('cangshan.apiToken'))).toBeNull();
    await page.close();
  });
});

describe('exports of the visible subgraph', () => {
  beforeAll(async () => {
    const r = await fetch(`${base(open)}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${EDITOR}` },
      body: JSON.stringify({
        query: 'mutation($i: EnterpriseInput!) { createEnterprise(input: $i) { id } }',
        variables: { i: { id: 'formula-firm', name: FORMULA_NAME, nameEn: '-5 Minus Tech', landedOn: '2020-01', source: { kind: 'CURATED', reason: 'browser test' } } },
      }),
    });
    expect(await r.json()).toEqual({ data: { createEnterprise: { id: 'formula-firm' } } });
  });

  it('CSV: a BOM, and a firm name that would start a formula marked with a quote', async () => {
    const page = await context.newPage();
    await page.goto(`${base(open)}/`);
    await waitForExplorer(page);
    expect(await visibleNodeIds(page)).toContain('formula-firm');
    await page.getByTestId('export-menu').click();
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    await page.getByTestId('export-csv').click();
    await expect.poll(() => downloads.length).toBe(2);
    const files = await Promise.all(downloads.map(downloadText));
    const nodes = files.find((f) => f.name.endsWith('-nodes.csv'))!;
    const edges = files.find((f) => f.name.endsWith('-edges.csv'))!;
    for (const f of [nodes, edges]) expect([...f.bytes.subarray(0, 3)], f.name).toEqual([0xef, 0xbb, 0xbf]);
    const text = nodes.bytes.toString('utf8');
    const row = text.split('\r\n').find((l) => l.startsWith('formula-firm,'))!;
    expect(row).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(row).toContain(",'-5 Minus Tech,");
    expect(text).toContain('今日头条'); // UTF-8, readable once Excel sees the BOM
    await shot(page, 'csv-export');
    await page.close();
  });

  it('GEXF and GraphML: the visible nodes and edges, read back by graphology', async () => {
    const page = await context.newPage();
    await page.goto(`${base(open)}/`);
    await waitForExplorer(page);
    const [nodeIds, edgeIds] = [await visibleNodeIds(page), await visibleEdgeIds(page)];
    const grab = async (testid: string) => {
      await page.getByTestId('export-menu').click();
      const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      return downloadText(d);
    };
    const gexf = parseGexf(MultiDirectedGraph, (await grab('export-gexf')).bytes.toString('utf8'));
    const graphml = parseGraphml(MultiDirectedGraph, (await grab('export-graphml')).bytes.toString('utf8'));
    for (const g of [gexf, graphml]) {
      expect(g.nodes().sort()).toEqual(nodeIds);
      expect(g.edges().sort()).toEqual(edgeIds);
      expect(g.getNodeAttributes('toutiao')).toMatchObject({ label: '今日头条', nodeLabel: 'Enterprise' });
      expect(g.getNodeAttribute('formula-firm', 'label')).toBe(FORMULA_NAME);
    }
    await page.close();
  });
});
