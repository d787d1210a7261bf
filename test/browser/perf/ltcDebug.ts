// Development tool: logs the layered texture cache's getLayers calls and layer invalidations from page start.
import { chromium } from 'playwright-core';
import { CHROMIUM, openWith } from '../../bench/suites/browserSuite.ts';
const n = Number(process.argv[2] ?? 5000);
const browser = await chromium.launch({ ...CHROMIUM, headless: true });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.on('console', (m) => console.log(m.text().slice(0, 400)));
await page.addInitScript(`(() => { Error.stackTraceLimit = 60; const iv = setInterval(() => { const cy = window.__cy; if (!cy) return; clearInterval(iv);
  const ltc = cy._private.renderer.data.lyrTxrCache; const g = ltc.getLayers.bind(ltc); const inv = ltc.invalidateLayer.bind(ltc); const ie = ltc.invalidateElements.bind(ltc); ltc.invalidateElements = (eles) => { if (eles.length) console.log('invalidateElements t=' + performance.now().toFixed(0) + ' n=' + eles.length + ' ' + eles.slice(0, 5).map(e => e.id() + ':' + e.classes().join('.')).join(' ')); return ie(eles); };
  const seen = {}; const r0 = cy._private.renderer; const nt = r0.notify.bind(r0); r0.notify = (type, eles) => { if (window.__afterFirst && eles && eles.length > 100 && !seen[type]) { seen[type] = 1; console.log('notify ' + type + ' n=' + eles.length + ' ' + new Error().stack.split('\\n').slice(2, 12).map(s => s.trim().split(' ')[1]).join('<')); } return nt(type, eles); };
  cy.on('bounds style dirty background', (e) => { const k = e.type + (e.target.isEdge() ? 'E' : 'N'); if (window.__afterFirst && !seen[k]) { seen[k] = 1; console.log('event ' + k + ' ' + e.target.id() + ' ' + new Error().stack.split('\\n').slice(-14).map(s => s.trim().split(' ')[1]).join('<')); } });
  ltc.getLayers = (eles, px, lvl) => { if (eles.length > 1000) window.__afterFirst = true; const fg = ltc.firstGet; const r = g(eles, px, lvl); console.log('getLayers t=' + performance.now().toFixed(0) + ' n=' + eles.length + ' zoom=' + cy.zoom().toFixed(3) + ' firstGet=' + fg + ' -> ' + (r ? r.length + ' reqs ' + r.map(l => l.reqs) : r)); return r; };
  ltc.invalidateLayer = (l) => { if (!l.invalid) console.log('invalidate t=' + performance.now().toFixed(0) + ' ' + new Error().stack.split('\\n').slice(2, 9).map(s => s.trim().split(' ')[1]).join('<')); return inv(l); };
}, 1); })()`);
await openWith(page, process.env.EXPLORER_URL ?? 'http://127.0.0.1:4102/', n);
await page.waitForTimeout(3000);
await page.evaluate('window.__cy.panBy({x: 3, y: 0})');
await page.waitForTimeout(1500);
await browser.close();
