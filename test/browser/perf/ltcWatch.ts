// Development tool: watches Cytoscape's layered texture cache after the graph is ready (are the
// layers ever complete? how long do frames take meanwhile?). `npx tsx test/browser/perf/ltcWatch.ts 5000`
import { chromium } from 'playwright-core';
import { CHROMIUM, openWith } from '../../bench/suites/browserSuite.ts';

const n = Number(process.argv[2] ?? 5000);
const secs = Number(process.argv[3] ?? 12);
const url = process.env.EXPLORER_URL ?? 'http://127.0.0.1:4102/';
const browser = await chromium.launch({ ...CHROMIUM, headless: true });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const ready = await openWith(page, url + (process.argv[4] ?? ''), n);
console.log(`ready at ${ready} ms`);
const log = (await page.evaluate(`new Promise((resolve) => {
  const cy = window.__cy; const r = cy._private.renderer; const ltc = r.data.lyrTxrCache;
  const out = []; const start = performance.now(); let last = start; let frames = [];
  let k = 0; function tick(t) { if (${process.env.PAN ? 1 : 0} || k++ === 0) cy.panBy({ x: 2, y: 1 }); frames.push(Math.round(t - last)); last = t;
    if (t - (out.lastT ?? start) > 500) { out.lastT = t;
      const lvl = Math.ceil(Math.log2(cy.zoom() * r.getPixelRatio()));
      const layers = ltc.layersByLevel[Math.max(-4, lvl)] ?? [];
      out.push(Math.round(t - start) + 'ms lvl ' + lvl + ' layers ' + layers.length + ' eles ' + layers.map(l => l.eles.length + '/' + l.reqs + (l.invalid ? 'I' : '')).join(',') + ' q ' + ltc.layersQueue.size() + ' skip ' + ltc.skipping + ' frames ' + frames.join(' '));
      frames = []; }
    if (t - start < ${secs * 1000}) requestAnimationFrame(tick); else resolve(out); }
  requestAnimationFrame(tick); })`)) as string[];
console.log(log.join('\n'));
await browser.close();
