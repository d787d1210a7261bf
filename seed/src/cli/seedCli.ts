// npm run seed -- [files or folders …] [--dry-run] [--reset [--yes]] [--chains-only] [--synthetic N --seed S] [--save FILE] [--recover]
// Loads JSON / CSV data (docs/DATA-FORMAT.md), the article data set (no paths), the curated chains
// alone (--chains-only), or the synthetic district.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { Connection } from '@cangshan/neo4j';
import { openCliDatabase } from './openCliDatabase.ts';
import { startingDataSet } from '../chains/loadStartingData.ts';
import { readDataFiles } from '../format/readDataFiles.ts';
import { formatProblem, ImportValidationError, type Problem } from '../format/validateDataSet.ts';
import { writeJsonFile } from '../format/writeDataFiles.ts';
import { checkDataSet, importDataSet, type ImportOptions } from '../importer/importDataSet.ts';
import { resetGraph } from '../importer/resetGraph.ts';
import { recoverStagedImports } from '../importer/stagedWrite.ts';
import type { DataSet } from '@cangshan/model';
import { generateSynthetic } from '../synthetic/generateSynthetic.ts';
import { formatReport } from './printReport.ts';
import { progressBar } from './progressBar.ts';

const USAGE = `Usage: npm run seed -- [options] [file-or-folder …]
  (no paths)            load the article data set (with the chain reference data)
  --chains-only         load the curated chains and segments only, without the article's firms,
                        projects, places and indicators (a district loading its own data next)
  file-or-folder …      load JSON / CSV files (docs/DATA-FORMAT.md); folders are read recursively
  --synthetic N         generate the synthetic district of N enterprises (docs/SYNTHETIC.md)
  --seed S              its PRNG seed (default 42)
  --save FILE           with --synthetic: also write the data set to FILE (import format, JSON)
  --dry-run             validate everything (against the database too), write nothing
  --reset               empty the database first (asks for confirmation unless --yes)
  --yes                 answer yes to the --reset question
  --recover             clean up staged imports that were killed, then exit (run it only when no
                        other import is running: it rolls back every uncommitted staged import)
  --batch-size N        rows per UNWIND statement (default 5000)
  --help, -h            this text
Environment: NEO4J_URI (else the embedded server in NEO4J_DATA_DIR, default .data/neo4j).
Exit codes: 0 done, 1 invalid data (nothing written), 2 usage, 3 failure (nothing written).`;

const err = (s: string): boolean => process.stderr.write(s + '\n');

function printProblems(problems: Problem[]): void {
  err(`✗ ${problems.length} problem(s); nothing was written:`);
  for (const p of problems.slice(0, 500)) err(`  ${formatProblem(p)}`);
  if (problems.length > 500) err(`  … and ${problems.length - 500} more`);
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean' },
        reset: { type: 'boolean' },
        yes: { type: 'boolean' },
        recover: { type: 'boolean' },
        'chains-only': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        synthetic: { type: 'string' },
        seed: { type: 'string' },
        save: { type: 'string' },
        'batch-size': { type: 'string' },
      },
    });
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values: opt, positionals } = args;
  if (opt.help) {
    console.log(USAGE);
    return 0;
  }
  const synth = opt.synthetic;
  const n = synth === undefined ? null : Number(synth);
  const seed = Number(opt.seed ?? 42);
  const batchSize = Number(opt['batch-size'] ?? 5000);
  if ((n !== null && !(Number.isInteger(n) && n > 0)) || !Number.isInteger(seed) || !(Number.isInteger(batchSize) && batchSize > 0)) {
    err(`--synthetic, --seed and --batch-size take whole numbers (--synthetic and --batch-size > 0).\n${USAGE}`);
    return 2;
  }
  if (n !== null && positionals.length > 0) {
    err(`Give either --synthetic or files, not both.\n${USAGE}`);
    return 2;
  }
  const chainsOnly = opt['chains-only'] === true;
  if (chainsOnly && (n !== null || positionals.length > 0)) {
    err(`--chains-only loads the chains alone; load the chains first, then your files or the synthetic district (which brings the chains itself).\n${USAGE}`);
    return 2;
  }
  const onlyReset = opt.reset === true && n === null && positionals.length === 0 && !chainsOnly;

  // Read and check the files before touching the database: a bad file never costs a server start.
  let ds: DataSet;
  let origins: ImportOptions['origins'];
  const problems: Problem[] = [];
  if (n !== null) {
    const t = performance.now();
    ds = generateSynthetic({ enterprises: n, seed });
    err(`Generated the synthetic district (seed ${seed}): ${ds.nodes.length} nodes, ${ds.relations.length} relations in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    const save = opt.save;
    if (save) {
      await writeJsonFile(save, ds);
      err(`Saved to ${save}`);
    }
  } else if (positionals.length > 0) {
    const loaded = await readDataFiles(positionals);
    ds = loaded.ds;
    origins = { nodes: loaded.nodeOrigins, relations: loaded.relOrigins };
    problems.push(...loaded.problems);
    err(`Read ${loaded.files.length} file(s): ${ds.nodes.length} nodes, ${ds.relations.length} relations`);
  } else {
    ds = startingDataSet(chainsOnly ? 'chains' : 'article');
  }

  let conn: Connection | null = null;
  try {
    conn = await openCliDatabase(err);
    const db = conn.db;
    // At start, what a killed staged import left: all of it on the embedded database (ours alone
    // now), on NEO4J_URI the runs whose importer is known gone.
    if (!opt.recover) await recoverStagedImports(db, { exclusive: conn.server !== null, log: err });
    if (opt.recover) {
      const r = await recoverStagedImports(db, 0);
      console.log(`Recovered: rolled back ${r.rolledBack.length} staged import(s), finished ${r.finished.length}.`);
      return 0;
    }
    if (opt.reset) {
      if (!opt.yes && !(await confirm(`Empty the database at ${conn.uri}? Type "yes": `))) {
        err('Not reset (no confirmation; pass --yes to skip the question).');
        return 2;
      }
      await resetGraph(db);
      err(`Database at ${conn.uri} emptied.`);
      if (onlyReset) return 0;
    }
    // Every problem at once: with file-level problems, add the record-level ones (against the
    // database) before giving up; otherwise importDataSet checks the records itself.
    if (problems.length > 0) {
      problems.push(...(await checkDataSet(db, ds, origins)).problems);
      printProblems(problems);
      return 1;
    }
    const bar = progressBar('import');
    const report = await importDataSet(db, ds, { dryRun: opt['dry-run'] === true, batchSize, origins, onProgress: ({ done, total }) => bar.update(done, total) });
    bar.finish();
    console.log(formatReport(report, ds));
    return 0;
  } catch (e) {
    if (e instanceof ImportValidationError) {
      printProblems(e.problems);
      return 1;
    }
    err(`✗ Import failed; nothing was written. ${(e as Error).message}`);
    return 3;
  } finally {
    await conn?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
