import type { Db } from '@cangshan/neo4j';
import { importDataSet } from '@cangshan/seed';
import type { DataSet } from '@cangshan/seed';
import { interleave, medianOf } from '../harness/compare.ts';
import type { Suite } from '../harness/suite.ts';
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
 * The district's full import (done once while preparing the run) against a naive
 * one-row-per-transaction import of a sample, and — the fairer pairing — the batched importer on
 * that same sample, interleaved with the naive one, median of the rounds.
 */
export const importSuite: Suite = {
  id: 'import',
  title: 'Import: batched UNWIND importer vs one row per transaction',
  async run({ db, config, district, add, log }) {
    if (!district) throw new Error('the import suite needs the synthetic district, which was not prepared');
    const data = district.data;
    if (!data) throw new Error('the generated data set was released before the import suite ran');
    // Only this suite uses it: the later suites' contenders must not pay GC for it (District.data).
    district.data = null;
    const full = district.import.rows;
    const fullRowsPerS = ((full.nodes + full.relations) / district.wallMs) * 1000;
    const name = `synthetic ${district.enterprises.toLocaleString('en-US')}`;
    add({ suite: 'import', case: name, metric: 'enterprises/s', unit: '1/s', ours: (district.enterprises / district.wallMs) * 1000, baseline: null });
    add({ suite: 'import', case: name, metric: 'relations/s', unit: '1/s', ours: (full.relations / district.wallMs) * 1000, baseline: null });
    add({ suite: 'import', case: name, metric: 'import wall time', unit: 's', ours: district.wallMs / 1000, baseline: null });

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
    const naive = medianOf(results.get('naive'), (r) => r.rowsPerS);
    const batchedSample = medianOf(results.get('batched'), (r) => r.rowsPerS);
    add({
      suite: 'import',
      case: `${name} (full) vs naive on ${rows} rows`,
      metric: 'rows/s',
      unit: '1/s',
      ours: fullRowsPerS,
      baseline: naive,
      baselineName: 'naive',
      goal: { on: 'ratio', op: '>=', target: 100 },
    });
    add({
      suite: 'import',
      case: `same ${rows}-row sample, batched vs naive`,
      metric: 'rows/s',
      unit: '1/s',
      ours: batchedSample,
      baseline: naive,
      baselineName: 'naive',
      goal: { on: 'ratio', op: '>=', target: 100 },
    });
  },
};
