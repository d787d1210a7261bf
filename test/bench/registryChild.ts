// One registry import in a process of its own (spawned by suites/registryImportSuite.ts), so its
// peak RSS is the importer's alone — not the bench process's, which may hold the 100k district —
// and its heap starts cold, as `npm run import:registry` does. REGISTRY_URI is the suite's Neo4j,
// REGISTRY_OPTS what to do; prints "log …" lines and one "result {json}".
import { Db } from '@cangshan/neo4j';
import { applyRegistryImport, planRegistryImport, understandRegistryExport } from '@cangshan/seed';
import type { RegistryChildOpts, RegistryChildResult } from './suites/registryImportSuite.ts';

const opts = JSON.parse(process.env.REGISTRY_OPTS ?? 'null') as RegistryChildOpts | null;
if (!opts) throw new Error('REGISTRY_OPTS is not set: this file is run by the registry suite of `npm run bench`.');
const log = (l: string): void => console.log(`log ${l}`);
const peakMb = (): number => process.resourceUsage().maxRSS / 1024;

const t0 = performance.now();
const u = await understandRegistryExport(opts.file);
const understandMs = performance.now() - t0;
const understandPeakMb = peakMb();
log(`understood ${u.counts.rows} rows (${u.counts.firms} firms, ${u.counts.held} held) in ${(understandMs / 1000).toFixed(1)} s`);
let result: RegistryChildResult = { understandMs, understandPeakMb, counts: u.counts, planMs: null, applyMs: null, peakMb: peakMb(), plan: null, report: null };

if (opts.mode === 'import') {
  const uri = process.env.REGISTRY_URI;
  if (!uri) throw new Error('REGISTRY_URI is not set');
  const db = Db.open(uri);
  try {
    const t1 = performance.now();
    // A generated export has rows with broken credit codes, as real ones do: import the rest, hold those.
    const plan = await planRegistryImport(db, u, { holdInvalid: true, today: opts.today });
    const planMs = performance.now() - t1;
    log(`planned in ${(planMs / 1000).toFixed(1)} s: ${JSON.stringify(plan.counts)}`);
    let last = 0;
    const t2 = performance.now();
    const applied = await applyRegistryImport(db, plan, {
      actor: 'bench',
      onProgress: ({ done, total }) => {
        if (performance.now() - last > 10_000) {
          last = performance.now();
          log(`  write ${((done / Math.max(total, 1)) * 100).toFixed(0)} %`);
        }
      },
    });
    const applyMs = performance.now() - t2;
    log(`written in ${(applyMs / 1000).toFixed(1)} s (${applied.report.mode}; phases ${JSON.stringify(applied.report.phases ?? {})})`);
    result = {
      ...result,
      planMs,
      applyMs,
      peakMb: peakMb(),
      plan: { ...plan.counts, importable: plan.importable, nodes: plan.writes.nodes.length, updates: plan.writes.updates.length, relations: plan.writes.relations.length },
      report: { created: applied.report.created, updated: applied.report.updated, mode: applied.report.mode, phases: applied.report.phases ?? {} },
    };
  } finally {
    await db.close();
  }
}
console.log(`result ${JSON.stringify(result)}`);
process.exit(0);
