// The overview of a district larger than the browser draws firm by firm (4,000 generated firms,
// docs/SYNTHETIC.md, over the 2,000 of AGGREGATE_THRESHOLD): it opens by group with counts that
// grow as the timeline plays while no group moves, a group opens on a click (and Esc leaves it),
// search opens a firm inside its group, and a shared link of that firm reopens it there.
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { REPO_ROOT, type Db } from '@cangshan/neo4j';
import { generateSynthetic, importDataSet } from '@cangshan/seed';
import { startServer, type RunningServer } from '@cangshan/api';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import { launchChromium } from './support/browser.ts';
import { dragTimelineTo, settle, visibleNodeIds, openExplorer, waitForExplorer } from './support/explorerPage.ts';

const SHOTS = process.env.BROWSER_SHOTS;
const FIRMS = 4000;

let db: Db;
let server: RunningServer;
let browser: Browser;
let context: BrowserContext;
/** A firm of the district with its segment, as the API reads it. */
let firm: { id: string; name: string; segmentId: string; segmentName: string };

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await importDataSet(db, generateSynthetic({ enterprises: FIRMS, seed: 42 }));
  server = await startServer({ db, port: 0, webDist: path.join(REPO_ROOT, 'web', 'dist'), env: { ...process.env, READ_CACHE_MIN_MS: '0' } });
  // A landed firm of a mid-sized segment, well connected (so it is among the firms its group draws).
  const rows = await db.read(
    `MATCH (e:Enterprise)-[:IN_SEGMENT]->(s:Segment) WHERE e.landedOn IS NOT NULL AND NOT coalesce(e.isAnchor, false)
     WITH e, s, COUNT { (e)-[:SUPPLIES|PARTNER_OF|ATTRACTED|PART_OF]-() } AS degree ORDER BY degree DESC, e.id LIMIT 1
     RETURN e.id AS id, e.name AS name, s.id AS segmentId, s.name AS segmentName`,
  );
  firm = rows[0] as typeof firm;
  browser = await launchChromium();
  context = await browser.newContext({ viewport: { width: 1400, height: 850 } });
}, 600_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await server?.close();
  await db?.close();
});

const open = (query = ''): Promise<Page> => openExplorer(context, server.url, query);

const mode = (page: Page) => page.getByTestId('app').getAttribute('data-mode');
const groupCount = (page: Page, id: string) => page.evaluate((g) => Number((window as unknown as { __cy: { getElementById(id: string): { data(k: string): unknown } } }).__cy.getElementById(g).data('count')), id);
const positions = (page: Page) =>
  page.evaluate(() => {
    const cy = (window as unknown as { __cy: { nodes(): { map<T>(f: (n: { id(): string; position(): { x: number; y: number } }) => T): T[] } } }).__cy;
    return Object.fromEntries(cy.nodes().map((n) => [n.id(), n.position()]));
  });

/** "Copy as GraphQL": the query and variables the dialog shows. */
async function copiedGraphql(page: Page): Promise<{ query: string; variables: Record<string, unknown> }> {
  await page.getByTestId('export-menu').click();
  await page.getByTestId('export-graphql').click();
  const query = await page.getByTestId('graphql-query').inputValue();
  const variables = JSON.parse(await page.getByTestId('graphql-variables').inputValue()) as Record<string, unknown>;
  await page.getByTestId('graphql-close').click();
  return { query, variables };
}

describe('the aggregated overview', () => {
  it('opens by segment, each labelled with its name and count, and the timeline grows the counts in place', async () => {
    const page = await open();
    expect(await mode(page)).toBe('groups');
    const ids = await visibleNodeIds(page);
    // One node per segment (and the firms with none), not 4,000 firms.
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.length).toBeLessThan(40);
    expect(ids).toContain(firm.segmentId);
    await expect.poll(() => page.getByTestId('breadcrumb').textContent()).toContain('全部 / 整体');
    const label = await page.evaluate((g) => String((window as unknown as { __cy: { getElementById(id: string): { data(k: string): unknown } } }).__cy.getElementById(g).data('dl')), firm.segmentId);
    expect(label).toContain(firm.segmentName);
    const total = await groupCount(page, firm.segmentId);
    expect(label).toContain(total.toLocaleString('zh-CN'));
    expect(Number(await page.getByTestId('visible-count').textContent())).toBe(FIRMS);
    const edges = await page.evaluate(() => (window as unknown as { __cy: { edges(): { length: number } } }).__cy.edges().length);
    expect(edges).toBeGreaterThan(0);
    if (SHOTS) await page.screenshot({ path: path.join(SHOTS, 'overview-aggregated.png') });

    const before = await positions(page);
    await dragTimelineTo(page, '2017-01');
    const early = await groupCount(page, firm.segmentId);
    await dragTimelineTo(page, '2022-01');
    const later = await groupCount(page, firm.segmentId);
    expect(early).toBeLessThan(later);
    expect(later).toBeLessThanOrEqual(total);
    expect(Number(await page.getByTestId('counter-firms').textContent())).toBeLessThan(FIRMS);
    // Nothing moved while the counts changed.
    expect(await positions(page)).toEqual(before);
    await page.close();
  });

  it("draws each group's strongest ties, all of a hovered or focused group's, and every tie when asked", async () => {
    const page = await open();
    type Cy = { nodes(): { length: number }; edges(): { length: number }; getElementById(id: string): { connectedEdges(): { length: number }; renderedPosition(): { x: number; y: number } } };
    const edges = () => page.evaluate(() => (window as unknown as { __cy: Cy }).__cy.edges().length);
    const own = () => page.evaluate((g) => (window as unknown as { __cy: Cy }).__cy.getElementById(g).connectedEdges().length, firm.segmentId);
    const groups = await page.evaluate(() => (window as unknown as { __cy: Cy }).__cy.nodes().length);
    const total = Number(await page.getByTestId('all-ties').getAttribute('data-total'));
    const drawn = await edges();
    // The segments of a generated district are tied nearly pair by pair: only the strongest are drawn.
    expect(total).toBeGreaterThan(groups * 3);
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(groups * 3);
    const ownDrawn = await own();
    await page.getByTestId('all-ties').check();
    await expect.poll(edges).toBe(total);
    const ownAll = await own();
    expect(ownAll).toBeGreaterThan(ownDrawn);
    await page.getByTestId('all-ties').uncheck();
    await expect.poll(edges).toBe(drawn);
    // Hovering the group draws all of its own ties; leaving it takes the extra ones away.
    const at = await page.evaluate((g) => (window as unknown as { __cy: Cy }).__cy.getElementById(g).renderedPosition(), firm.segmentId);
    const box = (await page.getByTestId('aggregate-canvas').boundingBox())!;
    await page.mouse.move(box.x + at.x, box.y + at.y);
    await expect.poll(own).toBe(ownAll);
    await page.mouse.move(box.x + 5, box.y + box.height - 5);
    await expect.poll(edges).toBe(drawn);
    // So does focusing it in the list of groups (the keyboard's way).
    await page.getByTestId(`group-${firm.segmentId}`).focus();
    await expect.poll(own).toBe(ownAll);
    await page.getByTestId('all-ties').focus();
    await expect.poll(edges).toBe(drawn);
    await page.close();
  });

  it('drills into a segment on a click, shows its firms, and Esc goes back', async () => {
    const page = await open();
    // A click on the group's node in the canvas.
    const at = await page.evaluate((g) => (window as unknown as { __cy: { getElementById(id: string): { renderedPosition(): { x: number; y: number } } } }).__cy.getElementById(g).renderedPosition(), firm.segmentId);
    const box = (await page.getByTestId('aggregate-canvas').boundingBox())!;
    await page.mouse.click(box.x + at.x, box.y + at.y);
    await page.waitForFunction(() => document.querySelector('[data-testid="app"]')?.getAttribute('data-mode') === 'group');
    await waitForExplorer(page);
    await expect.poll(() => page.getByTestId('breadcrumb-group').textContent()).toBe(firm.segmentName);
    expect(new URL(page.url()).searchParams.get('grp')).toBe(firm.segmentId);
    const ids = await visibleNodeIds(page);
    expect(ids).toContain(firm.id);
    // Only that segment's firms.
    const segments = await page.evaluate(() => [...new Set((window as unknown as { __cy: { nodes(): { map<T>(f: (n: { data(k: string): unknown }) => T): T[] } } }).__cy.nodes().map((n) => n.data('segmentId')))]);
    expect(segments.filter((s) => s !== undefined)).toEqual([firm.segmentId]);
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => document.querySelector('[data-testid="app"]')?.getAttribute('data-mode') === 'groups');
    expect(new URL(page.url()).searchParams.get('grp')).toBeNull();
    await page.close();
  });

  it('drills in from the keyboard (Enter on a group in the list) and by zooming in on a group', async () => {
    const page = await open();
    await page.getByTestId(`group-${firm.segmentId}`).focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.querySelector('[data-testid="app"]')?.getAttribute('data-mode') === 'group');
    expect(new URL(page.url()).searchParams.get('grp')).toBe(firm.segmentId);
    await page.getByTestId('breadcrumb-all').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="app"]')?.getAttribute('data-mode') === 'groups');
    await waitForExplorer(page);
    // Zoomed in past the drill zoom, centred on the group.
    await page.evaluate((g) => {
      const cy = (window as unknown as { __cy: { getElementById(id: string): unknown; zoom(o: unknown): void; center(e: unknown): void } }).__cy;
      cy.zoom({ level: 3 });
      cy.center(cy.getElementById(g));
    }, firm.segmentId);
    await page.waitForFunction(() => document.querySelector('[data-testid="app"]')?.getAttribute('data-mode') === 'group');
    expect(new URL(page.url()).searchParams.get('grp')).toBe(firm.segmentId);
    await page.close();
  });

  it('opens a firm found by search inside its group, and its shared link reopens it there, selected', async () => {
    const page = await open();
    await page.getByTestId('search').fill(firm.name);
    const hit = page.locator(`[data-testid="search-suggestion"][data-id="${firm.id}"]`);
    await hit.waitFor();
    await hit.click();
    await page.waitForFunction(() => document.querySelector('[data-testid="app"]')?.getAttribute('data-mode') === 'group');
    await waitForExplorer(page);
    await expect.poll(() => page.getByTestId('profile-name').textContent()).toBe(firm.name);
    const url = new URL(page.url());
    expect(url.searchParams.get('grp')).toBe(firm.segmentId);
    expect(url.searchParams.get('sel')).toBe(firm.id);
    await page.close();

    const shared = await open(url.search);
    expect(await mode(shared)).toBe('group');
    await expect.poll(() => shared.getByTestId('profile-name').textContent()).toBe(firm.name);
    await expect.poll(() => shared.evaluate((id) => (window as unknown as { __cy: { getElementById(id: string): { hasClass(c: string): boolean } } }).__cy.getElementById(id).hasClass('selected-node'), firm.id)).toBe(true);
    await settle(shared);
    if (SHOTS) await shared.screenshot({ path: path.join(SHOTS, 'overview-aggregated-drilled.png') });
    // Copy as GraphQL reproduces the drilled view: the group as graph's filter.
    const copied = await copiedGraphql(shared);
    expect(copied.query).toContain('graph(filter: $filter, asOf: $asOf, limit: $limit)');
    expect(copied.variables).toMatchObject({ filter: { segmentId: firm.segmentId }, selected: firm.id });
    await shared.close();
  });

  it('groups by park from the link, and copies the aggregated view as its overviewGroups query', async () => {
    const page = await open('?agg=park');
    await expect.poll(() => page.getByTestId('group-by').inputValue()).toBe('park');
    const ids = await visibleNodeIds(page);
    expect(ids.some((id) => id.startsWith('syn-park-'))).toBe(true);
    const copied = await copiedGraphql(page);
    expect(copied.query).toContain('overviewGroups(groupBy: $groupBy, filter: $filter, asOf: $asOf)');
    expect(copied.variables).toMatchObject({ groupBy: 'PARK' });
    await page.close();
  });
});
