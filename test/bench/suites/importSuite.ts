import os from 'node:os';
import type { Db } from '@cangshan/neo4j';
import { generateSynthetic, importDataSet } from '@cangshan/seed';
import type { BulkReport, DataSet } from '@cangshan/seed';
import type { BenchConfig } from '../config.ts';
import { startBenchNeo4j } from '../harness/benchNeo4j.ts';
import { interleave, medianOf } from '../harness/compare.ts';
import type { BenchContext, Suite } from '../harness/suite.ts';
import type { BenchRow } from '../harness/report.ts';
import { deletePrefixed, naiveImport, sampleDataSet } from '../naiveImport.ts';

interface Rate {
  rowsPerS: number;
}

async function timed(db: Db, prefix: string, write: () => Promise<unknown>, rows: number): Promise<Rate> {
  const t = performance.now();
  await write();
  const ms = performance.now() - t;
  await deletePrefixed(db, prefix);
  return { rowsPerS: (rows / ms) * 1000 };
}

/** What a prefixed sample import stored, with the prefix taken out: two imports of one sample compare equal. */
async function storedGraph(db: Db, prefix: string): Promise<string[]> {
  const strip = (v: unknown): unknown => (typeof v === 'string' && v.startsWith(prefix) ? v.slice(prefix.length) : Array.isArray(v) ? v.map(strip) : v);
  const canon = (o: Record<string, unknown>): string => JSON.stringify(Object.keys(o).sort().map((k) => [k, strip(o[k])]));
  const nodes = await db.read('MATCH (n:Entity) WHERE n.id STARTS WITH $prefix RETURN labels(n) AS labels, properties(n) AS props', { prefix });
  const rels = await db.read(
    'MATCH (a:Entity)-[r]->(b:Entity) WHERE a.id STARTS WITH $prefix OR b.id STARTS WITH $prefix RETURN a.id AS a, type(r) AS t, b.id AS b, properties(r) AS props',
    { prefix },
  );
  return [
    ...nodes.map((n) => `${[...(n.labels as string[])].sort().join(':')} ${canon(n.props as Record<string, unknown>)}`),
    ...rels.map((r) => `${String(strip(r.a))}-${String(r.t)}->${String(strip(r.b))} ${canon(r.props as Record<string, unknown>)}`),
  ].sort();
}

/**
 * The naive one-row-per-transaction import against the batched importer on the same samples of
 * `data` (checked to store the same graph first), interleaved, median of the rounds.
 */
async function naiveAgainstBatched(db: Db, data: DataSet, config: BenchConfig, log: (l: string) => void): Promise<{ naive: number; batched: number; rows: number }> {
  let round = 0;
  const sample = (tag: string): DataSet => sampleDataSet(data, config.naiveSample, `bench-${tag}-${round}-`);
  const rows = sample('probe').nodes.length + sample('probe').relations.length;
  log(`naive sample: ${rows} rows (nodes + relations)`);
  // Same semantics: both contenders store the same graph for the same sample (checked, not assumed).
  const [pn, pb] = ['bench-same-naive-', 'bench-same-batched-'];
  await naiveImport(db, sampleDataSet(data, config.naiveSample, pn));
  await importDataSet(db, sampleDataSet(data, config.naiveSample, pb));
  const [gn, gb] = [await storedGraph(db, pn), await storedGraph(db, pb)];
  await deletePrefixed(db, pn);
  await deletePrefixed(db, pb);
  if (JSON.stringify(gn) !== JSON.stringify(gb)) throw new Error(`the naive and the batched import stored different graphs for the same sample (${gn.length} vs ${gb.length} entries)`);
  log(`same graph from both contenders: ${gn.length} nodes and relations compared`);
  const results = await interleave<Rate>(
    [
      {
        name: 'naive',
        run: async () => {
          round++;
          const s = sample('naive');
          return timed(db, `bench-naive-${round}-`, () => naiveImport(db, s), rows);
        },
      },
      {
        name: 'batched',
        run: async () => {
          round++;
          const s = sample('batched');
          return timed(db, `bench-batched-${round}-`, () => importDataSet(db, s), rows);
        },
      },
    ],
    { warmup: 1, rounds: config.rounds },
  );
  return { naive: medianOf(results.get('naive'), (r) => r.rowsPerS), batched: medianOf(results.get('batched'), (r) => r.rowsPerS), rows };
}

/**
 * A province loaded by the bulk path: its rows/s over the whole path (generation and CSV, neo4j-admin,
 * the swap, the server's start, the schema and its full-text indexes populated) against
 * neo4j-admin's own rate (its phase alone); beside it, the online importer on a district-sized
 * sample generated here, into an empty Neo4j of its own (Community has one database, and the
 * province's store must not be written: the later suites query it), with the naive comparison on
 * that sample.
 */
/** The row comparing the batched import with the naive one on the same sample (goal: 100× faster). */
const naiveRow = (cmp: { naive: number; batched: number; rows: number }): BenchRow => ({
  suite: 'import',
  case: `same ${cmp.rows}-row sample, batched vs naive`,
  metric: 'rows/s',
  unit: '1/s',
  ours: cmp.batched,
  baseline: cmp.naive,
  baselineName: 'naive',
  goal: { on: 'ratio', op: '>=', target: 100 },
});

async function bulkRows(ctx: BenchContext, bulk: BulkReport, enterprises: number): Promise<void> {
  const { config, add, log } = ctx;
  const rows = bulk.nodes + bulk.relations;
  const p = bulk.phases;
  const name = `province ${enterprises.toLocaleString('en-US')} (bulk)`;
  const load = `load ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')} now`;
  add({
    suite: 'import',
    case: `${name}: ${bulk.nodes.toLocaleString('en-US')} nodes + ${bulk.relations.toLocaleString('en-US')} relations, whole path vs neo4j-admin alone`,
    metric: 'bulk rows/s',
    unit: '1/s',
    ours: bulk.rowsPerS,
    baseline: (rows / p.importMs) * 1000,
    baselineName: 'neo4j-admin',
    note: load,
  });
  add({ suite: 'import', case: name, metric: 'enterprises/s', unit: '1/s', ours: (enterprises / bulk.ms) * 1000, baseline: null });
  add({ suite: 'import', case: name, metric: 'import wall time', unit: 's', ours: bulk.ms / 1000, baseline: null });
  for (const [phase, ms] of [
    ['generation + CSV', p.csvMs],
    ['neo4j-admin', p.importMs],
    ['swap + server start', p.swapMs + p.startMs],
    ['schema (indexes populated)', p.schemaMs],
  ] as const) {
    add({ suite: 'import', case: `${name}: ${phase}`, metric: 'phase time', unit: 's', ours: ms / 1000, baseline: null });
  }

  log(`online sample: generating ${config.onlineSample.toLocaleString('en-US')} firms (seed ${config.seed}) for an empty Neo4j of its own`);
  const scratch = await startBenchNeo4j({ heap: '2g', pageCache: '1g', log });
  try {
    let data: DataSet | null = generateSynthetic({ enterprises: config.onlineSample, seed: config.seed });
    const sampleRows = data.nodes.length + data.relations.length;
    const t = performance.now();
    const report = await importDataSet(scratch.db, data);
    const ms = performance.now() - t;
    const online = ((report.rows.nodes + report.rows.relations) / ms) * 1000;
    const sampleName = `sample ${config.onlineSample.toLocaleString('en-US')} (online, empty Neo4j)`;
    log(`online import of ${sampleRows} rows in ${(ms / 1000).toFixed(1)} s`);
    add({ suite: 'import', case: sampleName, metric: 'online rows/s', unit: '1/s', ours: online, baseline: null, note: `${sampleRows} rows in ${(ms / 1000).toFixed(1)} s; load ${os.loadavg().map((l) => l.toFixed(1)).join(' / ')}` });
    add({ suite: 'import', case: `${name} vs ${sampleName}`, metric: 'rows/s', unit: '1/s', ours: bulk.rowsPerS, baseline: online, baselineName: 'online' });
    const cmp = await naiveAgainstBatched(scratch.db, data, config, log);
    data = null;
    add(naiveRow(cmp));
  } finally {
    await scratch.close();
  }
}

/**
 * The district's full import (done once while preparing the run) against a naive
 * one-row-per-transaction import of a sample, and — the fairer pairing — the batched importer on
 * that same sample, interleaved with the naive one, median of the rounds. A bulk-loaded province
 * is reported by bulkRows.
 */
export const importSuite: Suite = {
  id: 'import',
  title: 'Import: batched UNWIND importer vs one row per transaction',
  async run(ctx) {
    const { db, config, district, add, log } = ctx;
    if (!district) throw new Error('the import suite needs the synthetic district, which was not prepared');
    if (district.load.kind === 'bulk') return bulkRows(ctx, district.load.report, district.enterprises);
    if (district.load.kind === 'store') throw new Error('the import suite measures loading: it cannot run on an existing store (--store)');
    const data = district.data;
    if (!data) throw new Error('the generated data set was released before the import suite ran');
    // Only this suite uses it: the later suites' contenders must not pay GC for it (District.data).
    district.data = null;
    const full = district.load.report.rows;
    const fullRowsPerS = ((full.nodes + full.relations) / district.wallMs) * 1000;
    const name = `synthetic ${district.enterprises.toLocaleString('en-US')}`;
    add({ suite: 'import', case: name, metric: 'enterprises/s', unit: '1/s', ours: (district.enterprises / district.wallMs) * 1000, baseline: null });
    add({ suite: 'import', case: name, metric: 'relations/s', unit: '1/s', ours: (full.relations / district.wallMs) * 1000, baseline: null });
    add({ suite: 'import', case: name, metric: 'import wall time', unit: 's', ours: district.wallMs / 1000, baseline: null });
    const cmp = await naiveAgainstBatched(db, data, config, log);
    add({
      suite: 'import',
      case: `${name} (full) vs naive on ${cmp.rows} rows`,
      metric: 'rows/s',
      unit: '1/s',
      ours: fullRowsPerS,
      baseline: cmp.naive,
      baselineName: 'naive',
      goal: { on: 'ratio', op: '>=', target: 100 },
    });
    add(naiveRow(cmp));
  },
};
