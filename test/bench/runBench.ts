// `npm run bench`: the benchmark suite (docs/BENCH.md). Starts its own Neo4j, prepares the synthetic district,
// runs each suite (contenders interleaved, warm-up, median of ≥ 5), prints one table of same-run
// ratios with every goal marked met / NOT MET, and writes .bench/results.json and docs/bench-latest.md.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BenchConfigError, parseBenchConfig } from './config.ts';
import { startBenchNeo4j, startBulkBenchNeo4j, startStoreBenchNeo4j, type BenchNeo4j } from './harness/benchNeo4j.ts';
import { bulkDistrict, prepareDistrict } from './harness/prepareDistrict.ts';
import { machine, score, textTable, writeReports, type BenchRow } from './harness/report.ts';
import type { BenchContext, District, Suite } from './harness/suite.ts';
import type { BulkReport } from '@cangshan/seed';
import { SUITES } from './suites/index.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function main(): Promise<number> {
  const started = performance.now();
  const config = parseBenchConfig(process.argv.slice(2), process.env);
  const log = (l: string): void => console.log(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${l}`);
  log(`config ${JSON.stringify(config)}`);
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const selected: Suite[] = SUITES.filter((s) => config.suites.includes(s.id));
  // A suite with its own data (the registry import's) run alone does not wait minutes for a district it never reads.
  const needsDistrict = selected.some((s) => s.needsDistrict !== false);
  let district: District | null = null;
  let neo: BenchNeo4j;
  let bulk: BulkReport | null = null;
  if (needsDistrict && config.store !== '') {
    neo = await startStoreBenchNeo4j({ store: config.store, heap: config.heap, pageCache: config.pageCache, log });
  } else if (needsDistrict && config.bulk) {
    // The province's store is written before its server starts (neo4j-admin needs it stopped).
    const started = await startBulkBenchNeo4j({ heap: config.heap, pageCache: config.pageCache, enterprises: config.enterprises, seed: config.seed, log });
    neo = started;
    bulk = started.bulk;
  } else {
    neo = await startBenchNeo4j({ heap: config.heap, pageCache: config.pageCache, log });
  }
  log(`Neo4j ready at ${neo.uri} in ${neo.server.startMs} ms (data in ${neo.home})`);
  let failed = 0;
  try {
    if (needsDistrict && config.store !== '') {
      const [row] = await neo.db.read('MATCH (e:Enterprise) RETURN count(e) AS n');
      district = { data: null, load: { kind: 'store', path: config.store }, wallMs: 0, enterprises: Number(row?.n ?? 0) };
      log(`querying the store in ${config.store}: ${district.enterprises.toLocaleString('en-US')} enterprises (--enterprises ${config.enterprises} only sets the defaults)`);
    } else if (bulk) {
      district = await bulkDistrict(neo.db, bulk);
      log(`bulk-loaded ${district.enterprises.toLocaleString('en-US')} enterprises: ${bulk.nodes.toLocaleString('en-US')} nodes, ${bulk.relations.toLocaleString('en-US')} relations in ${(bulk.ms / 1000).toFixed(1)} s`);
    } else if (needsDistrict) {
      log(`preparing the synthetic district: ${config.enterprises} enterprises, seed ${config.seed}`);
      district = await prepareDistrict(neo.db, config.enterprises, config.seed, log);
      if (!config.suites.includes('import')) district.data = null;
    } else {
      log('no selected suite reads the synthetic district: not prepared');
    }
    const add = (r: BenchRow): void => {
      rows.push(r);
      const sc = score(r);
      log(`   ${r.suite} | ${r.case} | ${r.metric}: ${r.ours.toFixed(2)} ${r.unit}${sc.ratio === null ? '' : ` (${sc.ratio.toFixed(2)}× ${r.baselineName ?? 'baseline'})`} ${sc.status}`);
    };
    const ctx: BenchContext = { db: neo.db, uri: neo.uri, config, district, log, add, note: (n) => notes.push(n) };
    for (const suite of selected) {
      const t = performance.now();
      log(`── ${suite.title}`);
      try {
        await suite.run(ctx);
      } catch (err) {
        // One suite failing must not hide the others' figures; it shows as an error row instead.
        failed++;
        const msg = err instanceof Error ? err.message : String(err);
        log(`suite ${suite.id} failed: ${err instanceof Error ? (err.stack ?? msg) : msg}`);
        rows.push({ suite: suite.id, case: 'suite failed', metric: 'error', unit: '-', ours: Number.NaN, baseline: null, note: msg });
        notes.push(`${suite.id}: failed — ${msg.split('\n')[0]}`);
      }
      log(`   ${suite.id} took ${((performance.now() - t) / 1000).toFixed(1)} s`);
      // Written after every suite, so a run cut short still leaves what it measured.
      writeReports(ROOT, rows.map(score), { machine: machine(), config: { ...config, partial: true }, notes, durationS: (performance.now() - started) / 1000 });
    }
  } finally {
    await neo.close();
  }
  const scored = rows.map(score);
  const durationS = (performance.now() - started) / 1000;
  console.log('\n' + textTable(scored) + '\n');
  for (const n of notes) console.log(`note: ${n}`);
  const out = writeReports(ROOT, scored, { machine: machine(), config: { ...config }, notes, durationS });
  const goals = scored.filter((r) => r.goal);
  console.log(`\nGoals met: ${goals.filter((r) => r.status === 'met').length} of ${goals.length}. ${Math.round(durationS)} s. Wrote ${out.json} and ${out.md}.`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof BenchConfigError ? err.message : err);
    process.exit(2);
  },
);
