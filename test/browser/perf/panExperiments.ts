// Development tool: frame times while panning at N firms under runtime style variants (which part
// of drawing costs what). `npx tsx test/browser/perf/panExperiments.ts 5000`
import { chromium } from 'playwright-core';
import { CHROMIUM, frames, openWith } from '../../bench/suites/browserSuite.ts';
import { percentile } from '../../bench/harness/stats.ts';

const n = Number(process.argv[2] ?? 5000);
const url = process.env.EXPLORER_URL ?? 'http://127.0.0.1:4102/';

const variants: Record<string, string> = {
  base: '',
  noEdges: `cy.style().selector('edge').style({ display: 'none' }).update()`,
  haystack: `cy.style().selector('edge').style({ 'curve-style': 'haystack', 'haystack-radius': 0 }).update()`,
  haystackSolid: `cy.style().selector('edge').style({ 'curve-style': 'haystack', 'haystack-radius': 0, 'line-style': 'solid' }).update()`,
  haystackSolidOpaque: `cy.style().selector('edge').style({ 'curve-style': 'haystack', 'haystack-radius': 0, 'line-style': 'solid', opacity: 1, width: 1 }).update()`,
  straight: `cy.style().selector('edge').style({ 'curve-style': 'straight' }).update()`,
  straightNoArrow: `cy.style().selector('edge').style({ 'curve-style': 'straight', 'target-arrow-shape': 'none' }).update()`,
  solidNoArrowStraight: `cy.style().selector('edge').style({ 'curve-style': 'straight', 'target-arrow-shape': 'none', 'line-style': 'solid', opacity: 1 }).update()`,
  hideEdgesOnViewport: `cy._private.renderer.hideEdgesOnViewport = true`,
  nodePlain: `cy.style().selector('node').style({ 'border-width': 0, 'background-opacity': 1, label: '' }).update()`,
};
const which = process.argv.slice(3);
const browser = await chromium.launch({ ...CHROMIUM, headless: true });
for (const [name, js] of Object.entries(variants)) {
  if (which.length && !which.includes(name)) continue;
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await openWith(page, url, n);
  await page.waitForTimeout(1500);
  if (js) await page.evaluate(`(() => { const cy = window.__cy; ${js}; })()`);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(300);
  const f = await frames(page, 5000, 'pan');
  console.log(`${name.padEnd(22)} n=${String(f.length).padStart(4)} p50 ${percentile(f, 50).toFixed(1).padStart(7)} p95 ${percentile(f, 95).toFixed(1).padStart(7)}  zoom ${(await page.evaluate('window.__cy.zoom()') as number).toFixed(3)}`);
  if (process.env.SHOT) await page.screenshot({ path: `${process.env.SHOT}-${name}.png` });
  await page.close();
}
await browser.close();
