// Page helpers shared by the browser tests and the screenshot script: open the explorer, wait for
// it to be ready and for layout animations to settle, read what the graph shows via `window.__cy`,
// drag the timeline.
import type { BrowserContext, Page } from 'playwright-core';

/** The part of Cytoscape's API the helpers read, typed here (web code is not imported into tests). */
interface CyLike {
  nodes(sel?: string): CyCollection;
  edges(sel?: string): CyCollection;
  getElementById(id: string): CyCollection & { hasClass(c: string): boolean; data(k: string): unknown; position(): { x: number; y: number } };
  animated(): boolean;
}
interface CyCollection {
  not(sel: string): CyCollection;
  map<T>(f: (e: { id(): string }) => T): T[];
  length: number;
}
type WithCy = { __cy?: CyLike };

/** A new page of `context` on the explorer served at `baseUrl`, with `query` (a `?…` view), once it is ready. */
export async function openExplorer(context: BrowserContext, baseUrl: string, query = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl.replace(/\/$/, '')}/${query}`);
  await waitForExplorer(page);
  return page;
}

export async function waitForExplorer(page: Page): Promise<void> {
  await page.waitForSelector('[data-testid="app"][data-ready="true"]', { timeout: 30_000 });
  await page.waitForFunction(() => {
    const cy = (window as unknown as WithCy).__cy;
    return !!cy && cy.nodes().length > 0;
  });
  await settle(page);
}

/** Waits until no layout or viewport animation runs (polls; animations last < 1.1 s). */
export async function settle(page: Page): Promise<void> {
  await page.waitForTimeout(150);
  await page.waitForFunction(() => {
    const cy = (window as unknown as WithCy).__cy;
    return !!cy && !cy.animated() && cy.nodes().not('.lane').map((n) => (n as unknown as { animated(): boolean }).animated()).every((a) => !a);
  }, undefined, { timeout: 15_000 });
  await page.waitForTimeout(100);
}

export async function visibleNodeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (window as unknown as WithCy).__cy!;
    return cy.nodes().not('.hidden').not('.lane').map((n) => n.id()).sort();
  });
}

export async function visibleEdgeIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cy = (window as unknown as WithCy).__cy!;
    return cy.edges().not('.hidden').map((n) => n.id()).sort();
  });
}

export async function nodeLabel(page: Page, id: string): Promise<string> {
  return page.evaluate((nodeId) => String((window as unknown as WithCy).__cy!.getElementById(nodeId).data('dl')), id);
}

export async function nodePosition(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => (window as unknown as WithCy).__cy!.getElementById(nodeId).position(), id);
}

function monthIndex(m: string): number {
  return Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7)) - 1;
}

/**
 * Drags the timeline thumb with the mouse to about `month`, then steps with the arrow keys to
 * exactly it (a pixel-exact drag depends on the thumb's inset; the keys are what a keyboard user has).
 */
export async function dragTimelineTo(page: Page, month: string): Promise<void> {
  const slider = page.getByTestId('timeline-slider');
  const box = (await slider.boundingBox())!;
  const max = Number(await slider.getAttribute('max'));
  const value = Number(await slider.inputValue());
  const first = (await slider.getAttribute('data-first-month'))!;
  const target = monthIndex(month) - monthIndex(first);
  const inset = 8;
  const xOf = (i: number) => box.x + inset + ((box.width - 2 * inset) * i) / max;
  const y = box.y + box.height / 2;
  await page.mouse.move(xOf(value), y);
  await page.mouse.down();
  await page.mouse.move(xOf(target), y, { steps: 8 });
  await page.mouse.up();
  for (let i = 0; i < 24; i++) {
    const now = Number(await slider.inputValue());
    if (now === target) break;
    await slider.press(now < target ? 'ArrowRight' : 'ArrowLeft');
  }
  await page.waitForFunction((m) => document.querySelector('[data-testid="timeline-month"]')?.textContent === m, month);
}
