import type { Db } from '@cangshan/neo4j';
import { articleDataSet, generateSynthetic, importDataSet, type BulkReport } from '@cangshan/seed';
import type { District } from './suite.ts';

/**
 * Generates the synthetic district and imports it with the project's importer (what
 * `npm run seed -- --synthetic N` runs), timing the import alone: the import suite reports it.
 * `enterprises` 0 takes the article data set instead: a smoke run of the harness in a minute.
 */
export async function prepareDistrict(db: Db, enterprises: number, seed: number, log: (l: string) => void): Promise<District> {
  const t0 = performance.now();
  const data = enterprises > 0 ? generateSynthetic({ enterprises, seed }) : articleDataSet();
  log(`generated ${data.nodes.length} nodes, ${data.relations.length} relations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  let last = 0;
  const t1 = performance.now();
  const report = await importDataSet(db, data, {
    onProgress: ({ done, total }) => {
      if (performance.now() - last > 10_000) {
        last = performance.now();
        log(`  import ${((done / total) * 100).toFixed(0)} %`);
      }
    },
  });
  const wallMs = performance.now() - t1;
  const ent = data.nodes.filter((n) => n.label === 'Enterprise').length;
  log(`imported in ${(wallMs / 1000).toFixed(1)} s`);
  return { data, load: { kind: 'online', report }, wallMs, enterprises: ent };
}

/** The district as the bulk path left it: its firms counted in the database (the province was never held here). */
export async function bulkDistrict(db: Db, report: BulkReport): Promise<District> {
  const [row] = await db.read('MATCH (e:Enterprise) RETURN count(e) AS n');
  return { data: null, load: { kind: 'bulk', report }, wallMs: report.ms, enterprises: Number(row?.n ?? 0) };
}
