import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import neo4j from 'neo4j-driver';
import { chromium, type Browser, type Page } from 'playwright-core';
import { Db } from '@cangshan/neo4j';
import { startServer } from '@cangshan/api';
import { interleave, medianOf } from '../harness/compare.ts';
import { graphqlClient } from '../harness/httpClient.ts';
import { percentile } from '../harness/stats.ts';
import type { Suite } from '../harness/suite.ts';
import { BENCH_SERVER_ENV } from './apiSuite.ts';
import { AGGREGATE_THRESHOLD, CATALOGUE_QUERY, OVERVIEW_GROUPS_QUERY, OVERVIEW_QUERY } from '@cangshan/web/bench';
import type { Graph } from '@cangshan/web/bench';
import { chainLayout, clusterLayout } from '@cangshan/web/bench';
import { FIRST_PAINT_PHASES, MEASURE_PREFIX } from '@cangshan/web/bench';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The latest modification time (ms) of any file under `dir`. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) newest = Math.max(newest, statSync(path.join(e.parentPath, e.name)).mtimeMs);
  }
  return newest;
}
export const CHROMIUM = {
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
};

/**
 * How long a visit may wait for its page. A visit just after a write waits for the overview computed
 * again, which at a million firms is a read of the whole province (about a minute, more on a busy
 * machine): measured and reported, not a failure.
 */
const PAGE_WAIT_MS = 300_000;

/**
 * Opens the app with its overview limited to `n` firms drawn one by one (the Overview query's
 * `limit`, rewritten in flight). The district's size is answered as at most AGGREGATE_THRESHOLD, so
 * the page draws firms, not groups, whatever the district's size: this measures the firm renderer.
 */
export async function openWith(page: Page, url: string, n: number): Promise<number> {
  await page.route('**/graphql', async (route) => {
    const req = route.request();
    const body = req.postDataJSON() as { operationName?: string; query?: string; variables?: Record<string, unknown> } | null;
    if (req.method() === 'POST' && body && /query OverviewSize\b/.test(body.query ?? '')) {
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ data: { enterpriseAggregate: { count: Math.min(n, AGGREGATE_THRESHOLD) } } }) });
    } else if (req.method() === 'POST' && body && /query OverviewGroups\b/.test(body.query ?? '')) {
      // The page asks a large district's groups beside its size (web/src/data/startExplorerEarly.ts);
      // a district of n firms has small ones, not the bench district's (a whole-province read just
      // after a write at a million firms), and draws none of them.
      const groups = { groupBy: 'SEGMENT', enterprises: n, tieCount: 0, months: [], groups: [], ties: [] };
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify({ data: { overviewGroups: groups } }) });
    } else if (req.method() === 'POST' && body && (body.operationName === 'Overview' || /query Overview\b/.test(body.query ?? ''))) {
      await route.continue({ postData: JSON.stringify({ ...body, variables: { ...body.variables, limit: n } }) });
    } else await route.continue();
  });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  // Interactive: the app says it is ready, the Cytoscape instance holds the firms, and a frame
  // has been painted after that (two animation frames).
  await page.waitForFunction(
    (min) => {
      const app = document.querySelector('[data-testid="app"]');
      const cy = (window as unknown as { __cy?: { nodes(): { length: number } } }).__cy;
      return app?.getAttribute('data-ready') === 'true' && cy !== undefined && cy.nodes().length >= min;
    },
    Math.floor(n * 0.9),
    { timeout: PAGE_WAIT_MS, polling: 50 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return Date.now() - t0;
}

/**
 * Opens the app on the whole district, which it draws aggregated (one node per chain segment,
 * web/src/graph/AggregateView.tsx) above AGGREGATE_THRESHOLD firms: time to the groups drawn and a
 * frame painted after them.
 */
export async function openAggregated(page: Page, url: string): Promise<number> {
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(
    () => {
      const app = document.querySelector('[data-testid="app"]');
      const cy = (window as unknown as { __cy?: { nodes(): { length: number } } }).__cy;
      return app?.getAttribute('data-ready') === 'true' && app.getAttribute('data-mode') === 'groups' && cy !== undefined && cy.nodes().length > 0;
    },
    undefined,
    { timeout: PAGE_WAIT_MS, polling: 50 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return Date.now() - t0;
}

// The frame sampler runs in the page. It is page source text, not a function: tsx/esbuild would
// wrap a named inner function with its `__name` helper, which the page does not have.
const FRAMES_SRC = `(({ ms, action }) => new Promise((resolve) => {
  const cy = window.__cy;
  const out = [];
  let last = performance.now();
  const end = last + ms;
  let i = 0;
  function tick(t) {
    out.push(t - last);
    last = t;
    if (action === 'pan' && cy) cy.panBy({ x: i++ % 120 < 60 ? 4 : -4, y: 1 });
    if (action === 'zoom' && cy) { const w = cy.width() / 2; const h = cy.height() / 2; cy.zoom({ level: cy.zoom() * (i++ % 60 < 30 ? 1.01 : 0.99), renderedPosition: { x: w, y: h } }); }
    if (t < end) requestAnimationFrame(tick);
    else resolve(out.slice(1));
  }
  requestAnimationFrame(tick);
}))`;

type VisitMode = 'warm' | 'cold' | 'settled';
/** How long after a write the settled visit comes: two looks at the version and the reads again. */
const SETTLE_MS = 12_000;
const VISITS: { mode: VisitMode; label: string }[] = [
  { mode: 'warm', label: '' },
  { mode: 'cold', label: ', data just changed' },
  { mode: 'settled', label: `, data changed ${SETTLE_MS / 1000} s before` },
];

/** Frame-to-frame times (ms) over `ms` of animation frames, panning the graph before each when asked. */
export async function frames(page: Page, ms: number, action: 'pan' | 'zoom' | 'none'): Promise<number[]> {
  return (await page.evaluate(`${FRAMES_SRC}(${JSON.stringify({ ms, action })})`)) as number[];
}

type Add = Parameters<Suite['run']>[0]['add'];

/**
 * The aggregated overview of the whole district (config.enterprises firms, drawn as groups above
 * AGGREGATE_THRESHOLD): to interactive warm (the server's read cache holds the groups) and just after
 * a write (computed again), then frame times while panning, zooming and playing the timeline.
 */
async function measureAggregated(o: {
  browser: Browser;
  url: string;
  db: Db;
  gql: (query: string, variables?: Record<string, unknown>) => Promise<unknown>;
  add: Add;
  rounds: number;
  firms: number;
}): Promise<void> {
  const { browser, url, db, gql, add } = o;
  const firms = `${o.firms.toLocaleString('en-US')} firms aggregated`;
  const open = (mode: 'warm' | 'cold') => async () => {
    if (mode === 'cold') await db.write('MERGE (t:BenchTouch {id: 1}) SET t.n = coalesce(t.n, 0) + 1');
    else await Promise.all([gql(OVERVIEW_GROUPS_QUERY, { groupBy: 'SEGMENT', filter: null }), gql(CATALOGUE_QUERY)]);
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    try {
      return { ms: await openAggregated(page, url) };
    } finally {
      await page.close();
    }
  };
  const res = await interleave<{ ms: number }>([{ name: 'warm', run: open('warm') }, { name: 'cold', run: open('cold') }], { warmup: 1, rounds: o.rounds });
  add({ suite: 'browser', case: firms, metric: 'to interactive', unit: 'ms', ours: medianOf(res.get('warm'), (r) => r.ms), baseline: null, goal: { on: 'ours', op: '<=', target: 2000 } });
  add({ suite: 'browser', case: `${firms}, data just changed`, metric: 'to interactive', unit: 'ms', ours: medianOf(res.get('cold'), (r) => r.ms), baseline: null });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  try {
    await openAggregated(page, url);
    for (const action of ['pan', 'zoom'] as const) {
      const f = await frames(page, 2500, action);
      const what = action === 'pan' ? 'panning' : 'zooming';
      add({ suite: 'browser', case: `${firms}, ${what}`, metric: 'frame p50', unit: 'ms', ours: percentile(f, 50), baseline: null, goal: { on: 'ours', op: '<=', target: 33 } });
      add({ suite: 'browser', case: `${firms}, ${what}`, metric: 'frame p95', unit: 'ms', ours: percentile(f, 95), baseline: null, goal: { on: 'ours', op: '<=', target: 33 } });
    }
    await page.getByTestId('timeline-play').click();
    const tl = await frames(page, 3000, 'none');
    await page.getByTestId('timeline-play').click();
    add({ suite: 'browser', case: `${firms}, timeline playing`, metric: 'frame p50', unit: 'ms', ours: percentile(tl, 50), baseline: null, goal: { on: 'ours', op: '<=', target: 33 } });
    add({ suite: 'browser', case: `${firms}, timeline playing`, metric: 'frame p95', unit: 'ms', ours: percentile(tl, 95), baseline: null, goal: { on: 'ours', op: '<=', target: 33 } });
  } finally {
    await page.close();
  }
}

/**
 * The browser, and memory on the page side: time from navigation to an interactive graph for 1k and 5k
 * firms, frame times while panning and while the timeline plays, the page's JS heap — in Debian
 * Chromium through playwright-core, headless, canvas renderer (no GPU here).
 */
export const browserSuite: Suite = {
  id: 'browser',
  title: 'Browser: first interactive graph, frames while panning and playing, JS heap',
  async run({ uri, config, add, log, note }) {
    const built = path.join(ROOT, 'web', 'dist', 'index.html');
    // A build older than the app's sources would measure yesterday's app.
    if (!existsSync(built) || newestMtime(path.join(ROOT, 'web', 'src')) > statSync(built).mtimeMs) {
      log(existsSync(built) ? 'building the web app (web/dist is older than web/src)' : 'building the web app (web/dist missing)');
      const b = spawnSync('npm', ['run', 'build', '-w', '@cangshan/web'], { cwd: ROOT, stdio: 'inherit' });
      if (b.status !== 0) throw new Error('npm run build -w @cangshan/web failed');
    }
    const db = new Db(neo4j.driver(uri));
    const server = await startServer({ db, port: 0, env: BENCH_SERVER_ENV });
    const client = graphqlClient(new URL('/graphql', server.url).toString());
    let browser: Browser | null = null;
    try {
      browser = await chromium.launch({ ...CHROMIUM, headless: true });
      const url = new URL('/', server.url).toString();
      const sizes = config.browserSizes;
      // Warm: the server's read cache holds the overview, as for every visit after the first
      // since the data last changed. Just changed: a write just before (a counter on a node of its
      // own label) has ended every cache entry, so the server computes the overview again.
      // Settled: the same write SETTLE_MS before the visit, time enough for the server to read the
      // overview again in the background (READ_CACHE_REFRESH_MS), as a visitor an instant after an
      // import would not find but one a little later would.
      const gql = async (query: string, variables: Record<string, unknown> = {}) =>
        JSON.parse(await client.post(JSON.stringify({ query, variables }))) as { data: Record<string, unknown> };
      const open = (n: number, mode: VisitMode) => async () => {
        // A real change: a node created and deleted in one transaction commits nothing, so it ends nothing.
        if (mode !== 'warm') await db.write('MERGE (t:BenchTouch {id: 1}) SET t.n = coalesce(t.n, 0) + 1');
        // An earlier visit since the last write (the run of another case may have written).
        else await Promise.all([gql(OVERVIEW_QUERY, { limit: n }), gql(CATALOGUE_QUERY)]);
        if (mode === 'settled') await new Promise((r) => setTimeout(r, SETTLE_MS));
        const page = await browser!.newPage({ viewport: { width: 1400, height: 900 } });
        try {
          return { ms: await openWith(page, url, n) };
        } finally {
          await page.close();
        }
      };
      const res = await interleave<{ ms: number }>(
        sizes.flatMap((n) => VISITS.map((v) => ({ name: `${n} ${v.mode}`, run: open(n, v.mode) }))),
        { warmup: 1, rounds: config.rounds },
      );
      for (const n of sizes) {
        for (const v of VISITS) {
          add({
            suite: 'browser',
            case: `${n.toLocaleString('en-US')} firms${v.label}`,
            metric: 'to interactive',
            unit: 'ms',
            ours: medianOf(res.get(`${n} ${v.mode}`), (r) => r.ms),
            baseline: null,
            goal: n >= AGGREGATE_THRESHOLD && v.mode === 'warm' ? { on: 'ours', op: '<=', target: 2000 } : undefined,
          });
        }
      }
      // Layout time: the app's own layout functions (web/src/graph/computeLayout.ts) on the
      // Overview graph of n firms, timed in Node (the same V8 and Cytoscape headless code the
      // page runs; the page gives no hook around them). A fresh copy each round defeats its cache.
      for (const n of sizes) {
        const graph = (await gql(OVERVIEW_QUERY, { limit: n })).data.graph as Graph;
        try {
          const lay = await interleave<number>(
            (['cluster', 'chain'] as const).map((name) => ({
              name,
              run: async () => {
                const copy = structuredClone(graph);
                const t = performance.now();
                (name === 'cluster' ? clusterLayout : chainLayout)(copy);
                return performance.now() - t;
              },
            })),
            { warmup: 1, rounds: config.rounds },
          );
          for (const name of ['cluster', 'chain']) {
            add({ suite: 'browser', case: `${graph.nodes.length.toLocaleString('en-US')} nodes, ${name} layout (Node)`, metric: 'layout time', unit: 'ms', ours: medianOf(lay.get(name), (x) => x), baseline: null });
          }
        } catch (err) {
          add({ suite: 'browser', case: `${graph.nodes.length.toLocaleString('en-US')} nodes, layout (Node)`, metric: 'layout time', unit: 'ms', ours: Number.NaN, baseline: null });
          note(`browser: the app's layout threw on the ${graph.nodes.length}-node overview: ${String(err).slice(0, 200)}`);
        }
      }
      for (const n of sizes) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        try {
          await openWith(page, url, n);
          // Where the first paint went inside the page: the app's User Timing measures (GraphView).
          const phases = await page.evaluate(
            (prefix) => performance.getEntriesByType('measure').filter((m) => m.name.startsWith(prefix)).map((m) => [m.name.slice(prefix.length), m.duration] as [string, number]),
            MEASURE_PREFIX,
          );
          const last = new Map(phases);
          for (const phase of FIRST_PAINT_PHASES) {
            const ms = last.get(phase);
            if (ms !== undefined) add({ suite: 'browser', case: `${n.toLocaleString('en-US')} firms, in page: ${phase}`, metric: 'time', unit: 'ms', ours: ms, baseline: null });
          }
          const pan = await frames(page, 2500, 'pan');
          add({ suite: 'browser', case: `${n.toLocaleString('en-US')} firms, panning`, metric: 'frame p50', unit: 'ms', ours: percentile(pan, 50), baseline: null, goal: { on: 'ours', op: '<=', target: 33 } });
          add({ suite: 'browser', case: `${n.toLocaleString('en-US')} firms, panning`, metric: 'frame p95', unit: 'ms', ours: percentile(pan, 95), baseline: null, goal: { on: 'ours', op: '<=', target: 33 } });
          const play = page.getByTestId('timeline-play');
          if ((await play.count()) > 0) {
            await play.click();
            const tl = await frames(page, 3000, 'none');
            await play.click();
            add({ suite: 'browser', case: `${n.toLocaleString('en-US')} firms, timeline playing`, metric: 'frame p50', unit: 'ms', ours: percentile(tl, 50), baseline: null, goal: { on: 'ours', op: '<=', target: 33 } });
            add({ suite: 'browser', case: `${n.toLocaleString('en-US')} firms, timeline playing`, metric: 'frame p95', unit: 'ms', ours: percentile(tl, 95), baseline: null, goal: { on: 'ours', op: '<=', target: 33 } });
          } else note('browser: no timeline play button (data-testid="timeline-play") found');
          const cdp = await page.context().newCDPSession(page);
          await cdp.send('HeapProfiler.collectGarbage');
          const heap = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
          add({ suite: 'memory', case: `page at ${n.toLocaleString('en-US')} firms`, metric: 'JS heap used', unit: 'MB', ours: heap.usedSize / 2 ** 20, baseline: null });
        } finally {
          await page.close();
        }
      }
      await measureAggregated({ browser, url, db, gql, add, rounds: config.rounds, firms: config.enterprises });
    } finally {
      await browser?.close();
      client.close();
      await server.close();
      await db.close();
    }
  },
};
