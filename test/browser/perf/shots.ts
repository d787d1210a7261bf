// Development tool: screenshots of the explorer at N firms (overview, zoomed in, chain layout) to
// check what the fast paths look like. `npx tsx test/browser/perf/shots.ts 5000 /tmp/out`
import { chromium } from 'playwright-core';
import { CHROMIUM, openWith } from '../../bench/suites/browserSuite.ts';

const n = Number(process.argv[2] ?? 5000);
const out = process.argv[3] ?? '/tmp/shot';
const url = process.env.EXPLORER_URL ?? 'http://127.0.0.1:4102/';
const browser = await chromium.launch({ ...CHROMIUM, headless: true });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await openWith(page, url, n);
await page.waitForTimeout(1500);
await page.screenshot({ path: `${out}-overview.png` });
await page.evaluate(`(() => { const cy = window.__cy; const a = cy.nodes('.anchor').first(); cy.zoom({ level: 0.9, position: a.position() }); cy.center(a); })()`);
await page.waitForTimeout(2500);
await page.screenshot({ path: `${out}-zoomed.png` });
await page.getByTestId('layout-chain').click();
await page.waitForTimeout(4000);
await page.screenshot({ path: `${out}-chain.png` });
await browser.close();
