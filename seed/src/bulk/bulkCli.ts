// npm run bulk -- --province N [--districts D] [--seed S] [--replace]
// The offline bulk load of a synthetic province into the embedded Neo4j (docs/DATA-FORMAT.md, "Bulk import").
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ConfigError, InstanceBusyError, loadDotEnv, readNeo4jConfig, REPO_ROOT } from '@cangshan/neo4j';
import { defaultDistricts, provinceChunks } from '../synthetic/generateProvince.ts';
import { bulkImport, BulkImportRefused } from './bulkImport.ts';

const USAGE = `Usage: npm run bulk -- --province N [options]
  --province N     generate a synthetic province of N enterprises (docs/SYNTHETIC.md) and bulk-load it
  --districts D    in D districts (default: one per 100,000 firms, at least 1)
  --seed S         the PRNG seed (default 42)
  --replace        replace a database that holds data (else it is refused, untouched)
  --help, -h       this text
Writes CSV, runs neo4j-admin database import full into a side folder, then swaps the result in for
the embedded server's database (stopped meanwhile; not while npm start runs on it), starts it and
applies the schema. All or nothing: a failed or killed import leaves the database as it was.
Environment: NEO4J_DATA_DIR, NEO4J_BOLT_PORT, NEO4J_HEAP, NEO4J_PAGECACHE (the embedded server;
NEO4J_URI is refused: a bulk import needs the server's files).
Exit codes: 0 done, 2 usage or a database that holds data without --replace, 3 failure (the database as it was).`;

const err = (s: string): boolean => process.stderr.write(s + '\n');

async function main(argv: string[]): Promise<number> {
  let opt;
  try {
    opt = parseArgs({
      args: argv,
      options: { province: { type: 'string' }, districts: { type: 'string' }, seed: { type: 'string' }, replace: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    }).values;
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (opt.help) {
    console.log(USAGE);
    return 0;
  }
  const enterprises = Number(opt.province);
  const seed = Number(opt.seed ?? 42);
  const districts = opt.districts === undefined ? defaultDistricts(enterprises) : Number(opt.districts);
  if (!Number.isInteger(enterprises) || !Number.isInteger(seed) || !Number.isInteger(districts) || districts < 1 || enterprises < 20 * districts) {
    err(`--province takes a whole number of at least 20 firms per district; --districts and --seed whole numbers.\n${USAGE}`);
    return 2;
  }
  let cfg;
  try {
    loadDotEnv(REPO_ROOT);
    cfg = readNeo4jConfig();
  } catch (e) {
    err(`✗ ${e instanceof ConfigError ? e.message : String(e)}`);
    return 2;
  }
  if (cfg.uri) {
    err('✗ NEO4J_URI is set: a bulk import writes the embedded server\'s files and cannot load a server elsewhere. Unset it, or use npm run seed there.');
    return 2;
  }
  const chunks = provinceChunks({ enterprises, districts, seed });
  err(`Bulk import of a synthetic province: ${enterprises.toLocaleString('en-US')} firms in ${districts} district(s), seed ${seed}, into ${cfg.dataDir}`);
  try {
    const r = await bulkImport({ home: path.resolve(REPO_ROOT, cfg.dataDir), boltPort: cfg.boltPort, heap: cfg.heap, pageCache: cfg.pageCache, chunks, replace: opt.replace === true, log: err });
    const p = r.phases;
    const s = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `Bulk-imported ${r.nodes.toLocaleString('en-US')} nodes and ${r.relations.toLocaleString('en-US')} relations in ${s(r.ms)}: ` +
        `${Math.round(r.rowsPerS).toLocaleString('en-US')} rows/s (check ${s(p.checkMs)}, generation + CSV ${s(p.csvMs)}, neo4j-admin ${s(p.importMs)}, ` +
        `swap ${s(p.swapMs)}, start ${s(p.startMs)}, schema ${s(p.schemaMs)})`,
    );
    return 0;
  } catch (e) {
    if (e instanceof BulkImportRefused || e instanceof InstanceBusyError) {
      err(`✗ ${e.message}`);
      return 2;
    }
    err(`✗ ${(e as Error).message}`);
    return 3;
  }
}

process.exitCode = await main(process.argv.slice(2));
