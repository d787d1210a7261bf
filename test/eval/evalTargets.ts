/**
 * The recruitment backtest (docs/RECRUITMENT.md, "Backtest"): `npm run eval:targets [-- flags]`.
 * Starts its own Neo4j (temp folder, free port), loads each data set — synthetic districts of two
 * arrival processes of different design (docs/SYNTHETIC.md) and the article's —, cuts the timeline
 * at several dates, ranks the candidates with only what was known at each cut, and measures against
 * the firms that landed in the following window. Our ranking is measured with weights fitted by
 * temporal cross-validation: cut i is ranked with weights fitted (fitWeights.ts) on the earlier
 * cuts of the same data set whose windows had closed by cut i — never on the cut being scored. Beside
 * it, in the same run on the same candidates: the ranking with the defaults of scoring.ts, the
 * heuristic (anchor ties + a GAP bonus), degree (with and without parent groups), the generator's own
 * hazard as of the cut (the oracle: an upper bound) and random. Finally the weights and the
 * half-saturation constants are fitted on every synthetic cut of the run: what scoring.ts holds.
 *
 * Flags: --process hazard,supply  --seeds 1,2,3  --enterprises 5000  --cuts 3  --window 12
 *        --k 100  --no-article  --out test/eval/results/latest.json  --heap 3500m  --help
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { applySchema, connect, freePort, type Db } from '@cangshan/neo4j';
import { HAZARD, SUPPLY, articleDataSet, generateSynthetic, importDataSet, type DataSet, type SyntheticOptions } from '@cangshan/seed';
import { DEFAULT_WEIGHTS, FACTOR_NAMES, HALF_SATURATION, RELATION_WEIGHTS, SATURATED_FACTORS, WEIGHT_FLOOR, FLOOR_EXEMPT, isoMonths, monthsBefore, recruitmentTargets } from '@cangshan/api/recruitment';
import { CANDIDATES_AT_CUT, HEURISTIC_AT_CUT, LANDING_DATES, ORACLE_HAZARD_AT_CUT, ORACLE_SUPPLY_AT_CUT } from './backtestQueries.ts';
import { factorTable } from './factorTable.ts';
import { HAND_SET_MODEL, fitWeights, type Model, type TrainingCut } from './fitWeights.ts';
import { averagePrecisionAt, precisionAt, recallAt, shuffled } from './metrics.ts';
import { METHODS, meanScores, scoresTable, weightsTable, type Method, type Metric, type Scores, type TableRow } from './resultsTable.ts';

type Process = NonNullable<SyntheticOptions['process']>;
const PROCESSES: readonly Process[] = ['hazard', 'supply'];
/** The heuristic's bonus for a candidate whose segment has no local firm: worth one full tie to an anchor. */
const GAP_BONUS = 1;

interface CutResult {
  cut: string;
  windowEnd: string;
  candidates: number;
  positives: number;
  /** What the ranking's weights were fitted on ('hand-set' when no earlier window had closed). */
  fittedOn: string;
  model: Model;
  ms: { ranking: number; factors: number; baselines: number };
  metrics: Scores;
}

interface DataSetResult {
  name: string;
  process: Process | 'article';
  seed: number;
  enterprises: number;
  importMs: number;
  /** Earlier cuts used only to learn from (their windows close by the first scored cut). */
  trainingOnlyCuts: string[];
  cuts: CutResult[];
  mean: Scores;
  note?: string;
}

const USAGE = `Usage: npm run eval:targets -- [flags]
  --process hazard,supply  arrival processes of the synthetic districts (docs/SYNTHETIC.md)
  --seeds 1,2,3          seeds of the synthetic districts
  --enterprises 5000     firms in each synthetic district
  --cuts 3               scored cut dates per data set (plus one earlier cut to learn from)
  --window 12            months after a cut in which a landing counts
  --k 100                length of the ranked list (AP@k, the fit's objective)
  --no-article           skip the article's data set
  --out FILE             the JSON results (default test/eval/results/latest.json)
  --heap 3500m           heap of the run's own Neo4j (the factor tables need it)
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
      process: { type: 'string', default: 'hazard,supply' },
      seeds: { type: 'string', default: '1,2,3' },
      enterprises: { type: 'string', default: '5000' },
      cuts: { type: 'string', default: '3' },
      window: { type: 'string', default: '12' },
      k: { type: 'string', default: '100' },
      'no-article': { type: 'boolean', default: false },
      out: { type: 'string', default: 'test/eval/results/latest.json' },
      heap: { type: 'string', default: '3500m' },
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
const processes = flags.process.split(',').filter(Boolean).map((p) => (PROCESSES.includes(p as Process) ? (p as Process) : usageError(`--process takes ${PROCESSES.join(', ')} separated by commas, got "${flags.process}".`)));
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

/** What is known at a cut: the candidates with their ground truth, the baselines' lists, the factor table. */
interface CutData {
  cut: string;
  windowEnd: string;
  positives: Set<string>;
  candidates: number;
  baselines: Record<'heuristic' | 'degree' | 'degreeNoGroups' | 'oracle' | 'random', string[]>;
  training: TrainingCut;
  ms: { factors: number; baselines: number };
}

/**
 * The supply process's hubs (never land): the generator places them right after the anchors and the
 * groups (simulateSupplyDriven.ts), and ids number firms in order (generateSynthetic.ts). The oracle
 * knows them, as the generator does; no ranking built from the data can.
 */
function supplyHubIds(n: number): string[] {
  const a = Math.min(60, Math.max(8, Math.round(Math.sqrt(n) / 8)));
  const g = Math.max(5, Math.round(n * 0.015));
  const h = Math.max(3, Math.round(n * SUPPLY.hubShare));
  const width = String(n).length;
  return Array.from({ length: h }, (_, i) => `syn-e${String(a + g + i).padStart(width, '0')}`);
}

/** The generator's own hazard at the cut (backtestQueries.ts); none for the article's data. */
async function oracleAt(db: Db, cut: string, kind: DataSetResult['process'], enterprises: number): Promise<Map<string, number>> {
  if (kind === 'article') return new Map();
  const rows =
    kind === 'hazard'
      ? await db.read(ORACLE_HAZARD_AT_CUT, { asOf: cut, h: { ...HAZARD }, few: Math.max(3, enterprises / 3000) })
      : await db.read(ORACLE_SUPPLY_AT_CUT, { asOf: cut, s: { ...SUPPLY }, few: Math.max(2, enterprises / 5000), hubs: supplyHubIds(enterprises) });
  return new Map(rows.map((r) => [r.id as string, r.oracle as number]));
}

async function readCut(db: Db, cut: string, seed: number, kind: DataSetResult['process']): Promise<CutData> {
  const windowEnd = monthEndAfter(cut, windowMonths);
  const t0 = performance.now();
  const rows = await db.read(CANDIDATES_AT_CUT, { asOf: cut, windowEnd });
  const all = rows.map((r) => ({ id: r.id as string, positive: r.positive === true, degree: r.degree as number, group: r.kind === 'group' }));
  const positives = new Set(all.filter((r) => r.positive).map((r) => r.id));
  const heur = new Map((await db.read(HEURISTIC_AT_CUT, { asOf: cut, relWeights: { ...RELATION_WEIGHTS }, gapBonus: GAP_BONUS })).map((r) => [r.id as string, r.heuristic as number]));
  // Equal scores in a seeded random order (ids may encode generation order).
  // The generator's firm count (the --enterprises flag), as its constants see it.
  const oracle = await oracleAt(db, cut, kind, size);
  const tieBreak = seed * 7919 + isoMonths(cut);
  const by = (key: (r: (typeof all)[number]) => number, xs = all): string[] => shuffled(xs, tieBreak).sort((a, b) => key(b) - key(a)).map((r) => r.id);
  const baselines = {
    heuristic: by((r) => heur.get(r.id) ?? 0),
    degree: by((r) => r.degree),
    // Degree without groups: a stronger baseline where parent groups (which never land) top the degrees.
    degreeNoGroups: by((r) => r.degree, all.filter((r) => !r.group)),
    oracle: oracle.size === 0 ? [] : by((r) => oracle.get(r.id) ?? 0),
    random: shuffled(all.map((r) => r.id), seed * 104729 + isoMonths(cut)),
  };
  const t1 = performance.now();
  const table = await factorTable(db, cut);
  if (table.truncated.length > 0) console.log(`  (factor table at ${cut}: chains ${table.truncated.join(', ')} kept their best candidates only)`);
  return {
    cut,
    windowEnd,
    positives,
    candidates: all.length,
    baselines,
    training: { rows: table.rows, positives },
    ms: { baselines: Math.round(t1 - t0), factors: Math.round(performance.now() - t1) },
  };
}

async function rank(db: Db, cut: string, model: Model): Promise<{ ids: string[]; ms: number }> {
  const t0 = performance.now();
  const targets = await recruitmentTargets((c, p) => db.read(c, p), { asOf: cut, chainId: null, anchorId: null, limit: apK, weights: model.weights, saturation: model.saturation, evidence: false });
  return { ids: targets.map((t) => t.enterprise.id), ms: Math.round(performance.now() - t0) };
}

const fitLog: Array<{ name: string; cut: string; fittedOn: string; model: Model }> = [];
const DEFAULT_MODEL: Model = { weights: DEFAULT_WEIGHTS, saturation: HALF_SATURATION };

async function evalDataSet(db: Db, name: string, ds: DataSet, seed: number, kind: DataSetResult['process'], cutsOverride?: string[]): Promise<{ result: DataSetResult; data: CutData[] }> {
  await resetDb(db);
  const t0 = performance.now();
  await importDataSet(db, ds);
  const importMs = Math.round(performance.now() - t0);
  const dates = (await db.read(LANDING_DATES)).map((r) => r.d as string);
  const scored = cutsOverride ?? chooseCuts(dates, nCuts);
  // A rolling origin: one cut a full window before the first scored one, to learn from only.
  const origin = cutsOverride || scored.length === 0 ? [] : [`${monthsBefore(scored[0] as string, windowMonths)}-31`];
  const data: CutData[] = [];
  for (const cut of [...origin, ...scored]) data.push(await readCut(db, cut, seed, kind));
  const results: CutResult[] = [];
  for (const d of data.slice(origin.length)) {
    // Only cuts whose window had closed by this cut: their landings were known at it.
    const earlier = data.filter((e) => e.windowEnd <= d.cut);
    const fit = earlier.length > 0 ? fitWeights(earlier.map((e) => e.training), apK) : null;
    const used: Model = fit ? { weights: fit.weights, saturation: fit.saturation } : HAND_SET_MODEL;
    const fittedOn = fit ? earlier.map((e) => e.cut.slice(0, 7)).join(', ') : 'hand-set';
    const model = await rank(db, d.cut, used);
    const defaults = await rank(db, d.cut, DEFAULT_MODEL);
    const metrics = { ranking: score(model.ids, d.positives), rankingDefaults: score(defaults.ids, d.positives) } as Scores;
    for (const m of ['heuristic', 'degree', 'degreeNoGroups', 'oracle', 'random'] as const) metrics[m] = score(d.baselines[m], d.positives);
    results.push({ cut: d.cut, windowEnd: d.windowEnd, candidates: d.candidates, positives: d.positives.size, fittedOn, model: used, ms: { ranking: model.ms, ...d.ms }, metrics });
    fitLog.push({ name, cut: d.cut.slice(0, 7), fittedOn, model: used });
    console.log(
      `  ${name} cut ${d.cut}: ${d.candidates} candidates (${d.training.rows.length} ranked), ${d.positives.size} landed by ${d.windowEnd}; weights from ${fittedOn}` +
        `${fit ? ` (train MAP ${fit.startObjective.toFixed(3)} → ${fit.objective.toFixed(3)})` : ''}; ranking ${model.ms} ms, factors ${d.ms.factors} ms\n    ` +
        METHODS.map((m: Method) => `${m} p@10 ${metrics[m]['p@10'].toFixed(2)} MAP ${metrics[m].MAP.toFixed(3)}`).join(' | '),
    );
  }
  const enterprises = ds.nodes.filter((n) => n.label === 'Enterprise').length;
  const result = { name, process: kind, seed, enterprises, importMs, trainingOnlyCuts: origin, cuts: results, mean: meanScores(results.map((r) => r.metrics)) };
  return { result, data };
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
  const allTraining: TrainingCut[] = [];
  try {
    await applySchema(conn.db);
    for (const proc of processes) {
      for (const seed of seeds) {
        const g0 = performance.now();
        const ds = generateSynthetic({ enterprises: size, seed, process: proc });
        console.log(`[eval] ${proc} seed ${seed}: ${ds.nodes.length} nodes, ${ds.relations.length} relations generated in ${Math.round(performance.now() - g0)} ms`);
        const { result, data } = await evalDataSet(conn.db, `${proc} ${size / 1000}k seed ${seed}`, ds, seed, proc);
        results.push(result);
        allTraining.push(...data.map((d) => d.training));
      }
    }
    if (!flags['no-article']) {
      // The article's history is 2018-11 … 2020-03: cut where something was known before and something landed after.
      const { result } = await evalDataSet(conn.db, 'article', articleDataSet(), 1, 'article', ['2019-03-31', '2019-06-31']);
      result.note = 'The article names 19 enterprises; only firms that later landed as units count as positives, and its outside groups never land: too little history for the figures to mean much. Its cuts are 3 months apart, so no window closes before the next cut: both use the hand-set weights. No generator, so no oracle (its column reads 0).';
      results.push(result);
    }
  } finally {
    await conn.close();
    rmSync(home, { recursive: true, force: true });
  }
  // Per generator: the mean over seeds and cuts (every cut equally).
  const summary: TableRow[] = processes.map((p) => {
    const cuts = results.filter((r) => r.process === p).flatMap((r) => r.cuts);
    return { name: `**${p}, ${seeds.length} seeds**`, cuts: cuts.length, mean: meanScores(cuts.map((c) => c.metrics)) };
  });
  const table = scoresTable([...summary, ...results.map((r) => ({ name: r.name, cuts: r.cuts.length, mean: r.mean }))]);
  const allFit = allTraining.length > 0 ? fitWeights(allTraining, apK) : null;
  const weights = weightsTable(fitLog);
  console.log(`\n${table}\n\n${weights}\n`);
  if (allFit) {
    console.log(`Fitted on all ${allTraining.length} synthetic cuts (coordinate search, every weight ≥ ${WEIGHT_FLOOR} but ${FLOOR_EXEMPT.join(', ')}, mean AP@${apK} ${allFit.startObjective.toFixed(3)} → ${allFit.objective.toFixed(3)}, ${allFit.evaluations} evaluations):`);
    console.log(`  weights ${FACTOR_NAMES.map((f) => `${f}: ${allFit.weights[f]}`).join(', ')}`);
    console.log(`  half-saturation ${SATURATED_FACTORS.map((f) => `${f}: ${allFit.saturation[f]}`).join(', ')}`);
    const same = FACTOR_NAMES.every((f) => Math.abs(allFit.weights[f] - DEFAULT_WEIGHTS[f]) < 1e-9) && SATURATED_FACTORS.every((f) => allFit.saturation[f] === HALF_SATURATION[f]);
    console.log(same ? '  = DEFAULT_WEIGHTS and HALF_SATURATION in scoring.ts' : '  DEFAULT_WEIGHTS / HALF_SATURATION in scoring.ts differ from this fit (the defaults were fitted on another run).');
  }
  console.log(`window ${windowMonths} months after each cut; MAP = mean AP@${apK}; ${Math.round((Date.now() - started) / 1000)} s in all`);
  const out = path.resolve(flags.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        flags: { processes, seeds, size, nCuts, windowMonths, apK },
        wallSeconds: Math.round((Date.now() - started) / 1000),
        summary,
        fittedOnAll: allFit
          ? { method: `coordinate search over the simplex (every weight ≥ ${WEIGHT_FLOOR} but ${FLOOR_EXEMPT.join(', ')} ≥ 0) and the half-saturation constants (×2, ÷2) maximising mean AP@${apK}`, cuts: allTraining.length, ...allFit }
          : null,
        defaults: DEFAULT_MODEL,
        handSet: HAND_SET_MODEL,
        results,
        table,
        weights,
      },
      null,
      2,
    ),
  );
  console.log(`[eval] wrote ${out}`);
}

await main();
