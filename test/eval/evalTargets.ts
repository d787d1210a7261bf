/**
 * The recruitment backtest (docs/RECRUITMENT.md, "Backtest"): `npm run eval:targets [-- flags]`.
 * Starts its own Neo4j (temp folder, free port), loads each data set, cuts the timeline at several
 * dates, ranks the candidates with only what was known at each cut, and measures against the firms
 * that landed in the following window — our ranking beside two baselines measured in the same run:
 * random (seeded) and degree (most-connected-first, as of the cut; also without parent groups).
 * Prints a table; writes JSON.
 *
 * Flags: --seeds 1,2,3  --enterprises 20000  --cuts 3  --window 12 (months)  --k 200 (AP@k list)
 *        --no-article  --out test/eval/results/latest.json  --heap 1500m  --help
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { applySchema, connect, freePort, type Db } from '@cangshan/neo4j';
import { articleDataSet, generateSynthetic, importDataSet, type DataSet } from '@cangshan/seed';
import { recruitmentTargets } from '@cangshan/api/recruitment';
import { isoMonths, monthsBefore } from '@cangshan/api/recruitment';
import { CANDIDATES_AT_CUT, LANDING_DATES } from './backtestQueries.ts';
import { averagePrecisionAt, precisionAt, recallAt, shuffled } from './metrics.ts';

const METHODS = ['ranking', 'degree', 'degreeNoGroups', 'random'] as const;
type Method = (typeof METHODS)[number];
const METRICS = ['p@10', 'p@50', 'r@10', 'r@50', 'MAP'] as const;
type Metric = (typeof METRICS)[number];

interface CutResult {
  cut: string;
  windowEnd: string;
  candidates: number;
  positives: number;
  rankedByModel: number;
  ms: Record<Method, number>;
  metrics: Record<Method, Record<Metric, number>>;
}

interface DataSetResult {
  name: string;
  enterprises: number;
  importMs: number;
  cuts: CutResult[];
  mean: Record<Method, Record<Metric, number>>;
  note?: string;
}

const USAGE = `Usage: npm run eval:targets -- [flags]
  --seeds 1,2,3          seeds of the synthetic districts
  --enterprises 20000    firms in each synthetic district
  --cuts 3               cut dates per data set
  --window 12            months after a cut in which a landing counts
  --k 200                length of the ranked list (AP@k)
  --no-article           skip the article's data set
  --out FILE             the JSON results (default test/eval/results/latest.json)
  --heap 1500m           heap of the run's own Neo4j
  --help, -h             this text`;

function usageError(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    args: process.argv.slice(2),
    options: {
      seeds: { type: 'string', default: '1,2,3' },
      enterprises: { type: 'string', default: '20000' },
      cuts: { type: 'string', default: '3' },
      window: { type: 'string', default: '12' },
      k: { type: 'string', default: '200' },
      'no-article': { type: 'boolean', default: false },
      out: { type: 'string', default: 'test/eval/results/latest.json' },
      heap: { type: 'string', default: '1500m' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (e) {
  usageError((e as Error).message);
}
const flags = parsed.values;
if (flags.help) {
  console.log(USAGE);
  process.exit(0);
}

const positive = (name: string, raw: string): number => {
  const n = Number(raw);
  return Number.isSafeInteger(n) && n > 0 ? n : usageError(`--${name} takes a whole number above 0, got "${raw}".`);
};
const seeds = flags.seeds.split(',').filter(Boolean).map((s) => (Number.isSafeInteger(Number(s)) ? Number(s) : usageError(`--seeds takes whole numbers separated by commas, got "${flags.seeds}".`)));
const size = positive('enterprises', flags.enterprises);
const nCuts = positive('cuts', flags.cuts);
const windowMonths = positive('window', flags.window);
const apK = positive('k', flags.k);
if (!/^\d+[kmg]$/i.test(flags.heap)) usageError(`--heap takes a memory size like 1500m or 2g, got "${flags.heap}".`);

/** Month end `months` after an ISO date, normalised like an asOf cursor. */
const monthEndAfter = (iso: string, months: number): string => `${monthsBefore(iso, -months)}-31`;

async function resetDb(db: Db): Promise<void> {
  await db.deleteAll();
  await applySchema(db);
}

/**
 * Cuts spread over the data's own history: between the 35th and 80th percentile of landing dates,
 * and never later than a full window before the last landing (so every window has its ground truth).
 */
function chooseCuts(dates: string[], n: number): string[] {
  if (dates.length === 0) return [];
  const last = dates[dates.length - 1] as string;
  const latest = isoMonths(last) - windowMonths;
  const cuts = new Set<string>();
  for (let i = 0; i < n; i++) {
    const q = n === 1 ? 0.5 : 0.35 + (0.45 * i) / (n - 1);
    const d = dates[Math.min(dates.length - 1, Math.floor(q * dates.length))] as string;
    const months = Math.min(isoMonths(d), latest);
    cuts.add(`${monthsBefore(`${last.slice(0, 7)}`, isoMonths(last) - months)}-31`);
  }
  return [...cuts].sort();
}

function score(ranked: string[], positives: Set<string>): Record<Metric, number> {
  return {
    'p@10': precisionAt(ranked, positives, 10),
    'p@50': precisionAt(ranked, positives, 50),
    'r@10': recallAt(ranked, positives, 10),
    'r@50': recallAt(ranked, positives, 50),
    MAP: averagePrecisionAt(ranked, positives, apK),
  };
}

async function evalCut(db: Db, cut: string, seed: number): Promise<CutResult> {
  const windowEnd = monthEndAfter(cut, windowMonths);
  const t0 = performance.now();
  const rows = await db.read(CANDIDATES_AT_CUT, { asOf: cut, windowEnd });
  const all = rows.map((r) => ({ id: r.id as string, positive: r.positive === true, degree: r.degree as number, group: r.kind === 'group' }));
  const positives = new Set(all.filter((r) => r.positive).map((r) => r.id));
  const tCands = performance.now() - t0;

  const t1 = performance.now();
  const targets = await recruitmentTargets((c, p) => db.read(c, p), { asOf: cut, chainId: null, anchorId: null, limit: apK, evidence: false });
  const model = targets.map((t) => t.enterprise.id);
  const tModel = performance.now() - t1;

  // Degree: most ties first; equal degrees in a seeded random order (ids may encode generation order).
  const t2 = performance.now();
  const degree = shuffled(all, seed * 7919 + isoMonths(cut))
    .sort((a, b) => b.degree - a.degree)
    .map((r) => r.id);
  // Degree without groups: a stronger baseline where parent groups (which never land) top the degrees.
  const degreeNoGroups = shuffled(all.filter((r) => !r.group), seed * 7919 + isoMonths(cut))
    .sort((a, b) => b.degree - a.degree)
    .map((r) => r.id);
  const random = shuffled(all.map((r) => r.id), seed * 104729 + isoMonths(cut));
  const tBase = performance.now() - t2 + tCands;

  return {
    cut,
    windowEnd,
    candidates: all.length,
    positives: positives.size,
    rankedByModel: model.length,
    ms: { ranking: Math.round(tModel), degree: Math.round(tBase), degreeNoGroups: Math.round(tBase), random: Math.round(tBase) },
    metrics: {
      ranking: score(model, positives),
      degree: score(degree, positives),
      degreeNoGroups: score(degreeNoGroups, positives),
      random: score(random, positives),
    },
  };
}

function meanOf(cuts: CutResult[]): Record<Method, Record<Metric, number>> {
  const out = {} as Record<Method, Record<Metric, number>>;
  for (const m of METHODS) {
    out[m] = {} as Record<Metric, number>;
    for (const k of METRICS) out[m][k] = cuts.length === 0 ? 0 : cuts.reduce((a, c) => a + c.metrics[m][k], 0) / cuts.length;
  }
  return out;
}

async function evalDataSet(db: Db, name: string, ds: DataSet, seed: number, cutsOverride?: string[]): Promise<DataSetResult> {
  await resetDb(db);
  const t0 = performance.now();
  await importDataSet(db, ds);
  const importMs = Math.round(performance.now() - t0);
  const dates = (await db.read(LANDING_DATES)).map((r) => r.d as string);
  const cuts = cutsOverride ?? chooseCuts(dates, nCuts);
  const results: CutResult[] = [];
  for (const cut of cuts) {
    const r = await evalCut(db, cut, seed);
    results.push(r);
    console.log(
      `  ${name} cut ${cut}: ${r.candidates} candidates, ${r.positives} landed by ${r.windowEnd}; ranking ${r.ms.ranking} ms; ` +
        METHODS.map((m) => `${m} p@10 ${r.metrics[m]['p@10'].toFixed(2)} MAP ${r.metrics[m].MAP.toFixed(3)}`).join(' | '),
    );
  }
  const enterprises = ds.nodes.filter((n) => n.label === 'Enterprise').length;
  return { name, enterprises, importMs, cuts: results, mean: meanOf(results) };
}

const fmt = (x: number): string => x.toFixed(3);

function printTable(results: DataSetResult[]): string {
  const lines: string[] = [];
  const head = `| data set | method | ${METRICS.join(' | ')} | MAP ÷ degree | MAP ÷ degree (no groups) |`;
  lines.push(head, `|${head.split('|').slice(1, -1).map(() => '---').join('|')}|`);
  for (const r of results) {
    for (const m of METHODS) {
      const ratio = (base: number): string => (base > 0 ? `${(r.mean[m].MAP / base).toFixed(1)}×` : 'n/a');
      lines.push(
        `| ${r.name} (${r.cuts.length} cuts) | ${m} | ${METRICS.map((k) => fmt(r.mean[m][k])).join(' | ')} | ${ratio(r.mean.degree.MAP)} | ${ratio(r.mean.degreeNoGroups.MAP)} |`,
      );
    }
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'cangshan-eval-neo4j-'));
  const port = await freePort();
  const started = Date.now();
  const conn = await connect({
    env: { PATH: process.env.PATH },
    log: () => {},
    defaults: { dataDir: home, boltPort: port, heap: flags.heap, pageCache: '512m', fresh: true },
  });
  console.log(`[eval] own Neo4j on ${conn.uri} (${home}), ready in ${conn.server?.startMs} ms`);
  const results: DataSetResult[] = [];
  try {
    await applySchema(conn.db);
    for (const seed of seeds) {
      const g0 = performance.now();
      const ds = generateSynthetic({ enterprises: size, seed });
      console.log(`[eval] synthetic seed ${seed}: ${ds.nodes.length} nodes, ${ds.relations.length} relations generated in ${Math.round(performance.now() - g0)} ms`);
      results.push(await evalDataSet(conn.db, `synthetic ${size / 1000}k seed ${seed}`, ds, seed));
    }
    if (!flags['no-article']) {
      // The article's history is 2018-11 … 2020-03: cut where something was known before and something landed after.
      const r = await evalDataSet(conn.db, 'article', articleDataSet(), 1, ['2019-03-31', '2019-06-31']);
      r.note = 'The article names 19 enterprises; only firms that later landed as units count as positives, and its outside groups never land: too little history for the figures to mean much.';
      results.push(r);
    }
  } finally {
    await conn.close();
    rmSync(home, { recursive: true, force: true });
  }
  const table = printTable(results);
  console.log(`\n${table}\n`);
  console.log(`window ${windowMonths} months after each cut; MAP = mean AP@${apK}; ${Math.round((Date.now() - started) / 1000)} s in all`);
  const out = path.resolve(flags.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify({ at: new Date().toISOString(), flags: { seeds, size, nCuts, windowMonths, apK }, results, table }, null, 2),
  );
  console.log(`[eval] wrote ${out}`);
}

await main();
