// npm run import:registry -- <file.xlsx|file.csv> [--sheet S] [--columns map.json] [--dry-run] [--yes] [--full] [--hold-invalid] [--district ID] [--verbose]
// Imports a district's business-registry export (docs/REGISTRY.md): shows what it would do, asks,
// then writes all of it or nothing.
import os from 'node:os';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { Connection } from '@cangshan/neo4j';
import { openCliDatabase } from '../../cli/openCliDatabase.ts';
import { recoverStagedImports } from '../../importer/stagedWrite.ts';
import { progressBar } from '../../cli/progressBar.ts';
import { RegistryReadError } from '../decodeText.ts';
import { understandRegistryExport, type UnderstoodExport } from '../understandRegistryExport.ts';
import { applyRegistryImport, planRegistryImport, RegistryImportRefused, RegistryPlanError } from '../write/index.ts';
import { formatPlan } from './printPlan.ts';

const USAGE = `Usage: npm run import:registry -- <file.xlsx|file.csv> [options]
  Reads a district's business-registry export (企业名录: .xlsx, or CSV in UTF-8, UTF-8 with BOM or
  GBK/GB18030), shows what importing it would change, asks, then writes it all or nothing.
  --sheet S             the worksheet of a workbook (default: the first)
  --columns map.json    a column-mapping file for unusual headers: {"我的列名": "creditCode", …}
  --district ID         the district the export covers (default: the database's one district;
                        in a database with none, one is made from the export's 所属区县)
  --full                the export is the district's complete list: firms imported before and
                        missing from it leave (leftHow notInFullExport); default: only reported
  --hold-invalid        import the valid rows and hold the invalid ones for review (default: any
                        error refuses the whole import)
  --dry-run             show what the import would do, write nothing
  --yes                 import without asking (needed when not run on a terminal)
  --verbose             list every problem (default: the first 50)
  --help, -h            this text
Environment: NEO4J_URI (else the embedded server in NEO4J_DATA_DIR, default .data/neo4j), or .env.
Exit codes: 0 imported (or a dry run shown), 1 refused or failed (nothing written), 2 usage.`;

const err = (s: string): boolean => process.stderr.write(s + '\n');

async function ask(question: string): Promise<boolean> {
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^y(es)?$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

function actor(): string {
  try {
    return `cli:${os.userInfo().username}`;
  } catch {
    return 'cli';
  }
}

async function main(argv: string[]): Promise<number> {
  let args;
  try {
    args = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        sheet: { type: 'string' },
        columns: { type: 'string' },
        district: { type: 'string' },
        full: { type: 'boolean' },
        'hold-invalid': { type: 'boolean' },
        'dry-run': { type: 'boolean' },
        yes: { type: 'boolean' },
        verbose: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
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
  if (positionals.length !== 1) {
    err(`${positionals.length === 0 ? 'Name the export to import.' : `Import one export at a time (got ${positionals.length}: ${positionals.join(', ')}).`}\n${USAGE}`);
    return 2;
  }
  const file = positionals[0] as string;

  // Read and understand the file before touching the database: a bad file never costs a server start.
  let understood: UnderstoodExport;
  try {
    understood = await understandRegistryExport(file, { ...(opt.sheet === undefined ? {} : { sheet: opt.sheet }), ...(opt.columns === undefined ? {} : { columns: opt.columns }) });
  } catch (e) {
    if (e instanceof RegistryReadError) {
      err(`✗ ${e.message}; nothing was written.`);
      return 1;
    }
    throw e;
  }

  let conn: Connection | null = null;
  try {
    conn = await openCliDatabase(err);
    const db = conn.db;
    await recoverStagedImports(db, { exclusive: conn.server !== null, log: err });
    const plan = await planRegistryImport(db, understood, {
      ...(opt.district === undefined ? {} : { districtId: opt.district }),
      full: opt.full === true,
      holdInvalid: opt['hold-invalid'] === true,
    });
    console.log(formatPlan(plan, { verbose: opt.verbose === true }));
    if (!plan.importable) {
      err(`✗ Refused: ${plan.counts.errors} error(s) above; nothing was written. Fix them, or pass --hold-invalid to import the valid rows and hold the rest.`);
      return 1;
    }
    if (opt['dry-run']) {
      err('Dry run: nothing was written.');
      return 0;
    }
    if (!opt.yes) {
      if (!process.stdin.isTTY) {
        err('✗ Not imported: this is not a terminal to ask on. Check the preview above (or run with --dry-run), then pass --yes to import.');
        return 1;
      }
      if (!(await ask('Import? [y/N] '))) {
        err('Not imported.');
        return 1;
      }
    }
    const bar = progressBar('import');
    const result = await applyRegistryImport(db, plan, { actor: actor(), onProgress: ({ done, total }) => bar.update(done, total) });
    bar.finish();
    const c = result.counts;
    console.log(
      `✓ Imported ${plan.file} into ${result.districtId}: ${c.new} new, ${c.changed} changed, ${c.unchanged} unchanged, ${c.departures} left, ${c.notInExport} not in this export, ${c.toReview} to review, ${c.held} held (${result.report.ms} ms; document ${result.documentId}).`,
    );
    return 0;
  } catch (e) {
    if (e instanceof RegistryPlanError || e instanceof RegistryImportRefused) {
      err(`✗ ${e.message}`);
      return 1;
    }
    err(`✗ Import failed; nothing was written. ${(e as Error).message}`);
    return 1;
  } finally {
    await conn?.close();
  }
}

process.exitCode = await main(process.argv.slice(2));
