// Development tool: where the browser's time goes at n firms. Opens the explorer (EXPLORER_URL,
// default http://127.0.0.1:4102/) with the Overview limit rewritten to N (argv[2], default 5000),
// records a CPU profile (CDP) from navigation to interactive, and while panning and playing the
// timeline, and prints the top self-time functions of each phase and the frame percentiles.
// `npx tsx test/browser/perf/profile.ts 5000 [--webgl]`
import { chromium, type CDPSession, type Page } from 'playwright-core';
import { CHROMIUM, frames, openWith } from '../../bench/suites/browserSuite.ts';
import { percentile } from '../../bench/harness/stats.ts';

const n = Number(process.argv[2] ?? 5000);
const webgl = process.argv.includes('--webgl');
const url = process.env.EXPLORER_URL ?? 'http://127.0.0.1:4102/';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

function top(p: Profile, k = 22): string {
  const self = new Map<number, number>();
  p.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (p.timeDeltas[i] ?? 0)));
  const byName = new Map<string, number>();
  let total = 0;
  for (const node of p.nodes) {
    const t = self.get(node.id) ?? 0;
    total += t;
    const f = node.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}:${f.columnNumber}`;
    byName.set(key, (byName.get(key) ?? 0) + t);
  }
  const parent = new Map<number, ProfileNode>();
  const byId = new Map(p.nodes.map((x) => [x.id, x]));
  for (const x of p.nodes) for (const c of x.children ?? []) parent.set(c, x);
  const name = (x: ProfileNode) => `${x.callFrame.functionName || '(anon)'}:${x.callFrame.lineNumber}:${x.callFrame.columnNumber}`;
  const stacks = new Map<string, number>();
  for (const x of p.nodes) {
    const t = self.get(x.id) ?? 0;
    if (t < 1000 || x.callFrame.url === '') continue;
    const chain: string[] = [];
    for (let y: ProfileNode | undefined = x; y && chain.length < 9; y = parent.get(y.id)) chain.push(name(y));
    const key = chain.join(' < ');
    stacks.set(key, (stacks.get(key) ?? 0) + t);
  }
  void byId;
  // Inclusive time by function name (each name counted once per stack).
  const incl = new Map<string, number>();
  for (const x of p.nodes) {
    const t = self.get(x.id) ?? 0;
    if (!t) continue;
    const seen = new Set<string>();
    for (let y: ProfileNode | undefined = x; y; y = parent.get(y.id)) {
      const nm = `${y.callFrame.functionName || '(anon)'}:${y.callFrame.lineNumber}`;
      if (seen.has(nm)) continue;
      seen.add(nm);
      incl.set(nm, (incl.get(nm) ?? 0) + t);
    }
  }
  const want = (process.env.INCL ?? '').split(',').filter(Boolean);
  const inclOut = [...incl].filter(([k2]) => want.some((w) => k2.startsWith(w + ':'))).sort((a, b) => b[1] - a[1]).map(([k2, t]) => `  incl ${(t / 1000).toFixed(0).padStart(6)} ms  ${k2}`).join('\n');
  const st = [...stacks].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k2, t]) => `  ${(t / 1000).toFixed(0).padStart(6)} ms  ${k2}`).join('\n');
  return inclOut + '\n' + st + '\n' + [...byName].sort((a, b) => b[1] - a[1]).slice(0, k).map(([name, t]) => `  ${(t / 1000).toFixed(0).padStart(6)} ms ${((t / total) * 100).toFixed(1).padStart(5)}%  ${name}`).join('\n') + `\n  total ${(total / 1000).toFixed(0)} ms`;
}

async function profiled<T>(cdp: CDPSession, label: string, f: () => Promise<T>): Promise<T> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const r = await f();
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  console.log(`--- ${label}\n${top(profile)}`);
  return r;
}


const browser = await chromium.launch({ ...CHROMIUM, args: webgl ? [...CHROMIUM.args.filter((a) => a !== '--disable-gpu'), '--enable-unsafe-swiftshader', '--use-angle=swiftshader'] : CHROMIUM.args, headless: true });
const page: Page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
page.on('console', (m) => { if (m.text().startsWith('[perf]')) console.log(m.text()); });
await page.addInitScript(() => {
  const f = window.fetch;
  window.fetch = async (...a: Parameters<typeof fetch>) => {
    const t0 = performance.now();
    const r = await f(...a);
    const body = typeof a[1]?.body === 'string' ? a[1].body : '';
    const op = /query (\w+)/.exec(body)?.[1] ?? '?';
    console.log(`[perf] ${op} headers at ${t0.toFixed(0)}+${(performance.now() - t0).toFixed(0)} ms`);
    const json = r.json.bind(r);
    r.json = async () => { const t1 = performance.now(); const j = await json(); console.log(`[perf] ${op} body+parse ${(performance.now() - t1).toFixed(0)} ms, done at ${performance.now().toFixed(0)}`); return j; };
    return r;
  };
});
const cdp = await page.context().newCDPSession(page);
const q = webgl ? '?webgl=1' : '';
const ms = await profiled(cdp, `navigation → interactive at ${n}`, async () => {
  return openWith(page, url + q, n);
});
console.log(`to interactive: ${ms} ms`);
const pan = await profiled(cdp, 'panning 2.5 s', async () => frames(page, 2500, 'pan'));
console.log(`pan frames n=${pan.length} p50 ${percentile(pan, 50).toFixed(1)} p95 ${percentile(pan, 95).toFixed(1)}`);
const play = page.getByTestId('timeline-play');
await play.click();
const tl = await profiled(cdp, 'timeline 3 s', async () => frames(page, 3000, 'none'));
await play.click();
console.log(`timeline frames n=${tl.length} p50 ${percentile(tl, 50).toFixed(1)} p95 ${percentile(tl, 95).toFixed(1)}`);
await cdp.send('HeapProfiler.collectGarbage');
const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
console.log(`heap ${(heap.usedSize / 2 ** 20).toFixed(1)} MB`);
if (process.env.SHOT) await page.screenshot({ path: process.env.SHOT });
await browser.close();
