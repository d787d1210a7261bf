import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { DataSet } from '@cangshan/model';
import { Db, processAlive, SCHEMA_STATEMENTS, startEmbedded, type EmbeddedServer } from '@cangshan/neo4j';
import { runAdminImport, sideStore } from './runAdminImport.ts';
import { commitSwap, liveStore, recoverBulkSwap, swapBack, swapIn } from './swapDatabase.ts';
import { writeBulkCsv, type BulkCsv } from './writeBulkCsv.ts';

export class BulkImportRefused extends Error {
  override name = 'BulkImportRefused';
  readonly code = 'BULK_TARGET_NOT_EMPTY';
}

export class BulkImportFailed extends Error {
  override name = 'BulkImportFailed';
  readonly code = 'BULK_IMPORT_FAILED';
}

export interface BulkImportOptions {
  /** The embedded server's instance folder (NEO4J_DATA_DIR), whose database is replaced. */
  home: string;
  boltPort: number;
  heap?: string;
  pageCache?: string;
  /** The data, one chunk at a time (generateProvince's districts): read once, while the CSV is written. */
  chunks: Iterable<DataSet>;
  /** Replace a database that holds data; without it such a database is refused, untouched. */
  replace?: boolean;
  log?: (line: string) => void;
  /** Leave the server running with the new database and return it (else it is stopped). */
  keepRunning?: boolean;
  /** Tests only: called between the CSV and the import (to spoil a file), and with the tool's pid. */
  hooks?: { afterCsv?: (csv: BulkCsv) => void | Promise<void>; onAdminSpawn?: (pid: number) => void };
  /** neo4j-admin's heap and off-heap limit (defaults in runAdminImport). */
  adminHeap?: string;
  adminOffHeap?: string;
}

export interface BulkReport {
  nodes: number;
  relations: number;
  /** Milliseconds of each phase: the emptiness check, CSV writing (with generation), neo4j-admin, the swap, the server's start, the schema. */
  phases: { checkMs: number; csvMs: number; importMs: number; swapMs: number; startMs: number; schemaMs: number };
  ms: number;
  /** Nodes and relations per second, over the whole run. */
  rowsPerS: number;
  /** The running server, with `keepRunning`. */
  server: EmbeddedServer | null;
}

/** How long the schema step waits for its indexes to come online (s). */
const SCHEMA_WAIT_S = 3_600;

const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;


/** Work folders of earlier runs that were killed: their neo4j-admin (if it still runs) is stopped, the folder deleted. */
function cleanStaleWork(workRoot: string, log: (l: string) => void): void {
  if (!existsSync(workRoot)) return;
  for (const d of readdirSync(workRoot)) {
    const dir = path.join(workRoot, d);
    const pidFile = path.join(dir, 'side', 'admin.pid');
    const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : NaN;
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
      let cmd = '';
      try {
        cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      } catch {
        /* gone meanwhile */
      }
      if (cmd.includes(dir)) {
        log(`[bulk] stopping a neo4j-admin left running by a killed bulk import (pid ${pid})`);
        process.kill(pid, 'SIGKILL');
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
}

async function counts(db: Db): Promise<{ nodes: number; relations: number }> {
  const [n] = await db.read('MATCH (n) RETURN count(n) AS c');
  const [r] = await db.read('MATCH ()-[r]->() RETURN count(r) AS c');
  return { nodes: Number(n?.c ?? 0), relations: Number(r?.c ?? 0) };
}

/**
 * The bulk path into the embedded server (docs/DATA-FORMAT.md, "Bulk import"): the chunks are
 * written as CSV with the online importer's property mapping, imported by `neo4j-admin database
 * import full` into a side folder, and only when that succeeded swapped in for the server's
 * database (stopped meanwhile), which then starts and gets the schema (constraints, range and
 * full-text indexes, populated). All or nothing: a failed or killed import leaves the server's
 * database as it was (the import never writes there); a start or a count that goes wrong after the
 * swap swaps the old database back. A database holding any node is refused unless `replace`.
 * The server must not be running (another process holding the instance folder is refused, as by
 * `npm start`): this process owns it from the check to the end.
 */
export async function bulkImport(opts: BulkImportOptions): Promise<BulkReport> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const home = path.resolve(opts.home);
  const t0 = performance.now();
  const server = { home, boltPort: opts.boltPort, heap: opts.heap, pageCache: opts.pageCache, log };
  mkdirSync(home, { recursive: true });
  const recovered = recoverBulkSwap(home);
  if (recovered !== 'none') log(`[bulk] an interrupted swap of an earlier bulk import was ${recovered === 'kept' ? 'completed' : 'undone'}`);
  const workRoot = path.join(home, 'bulk-work');
  cleanStaleWork(workRoot, log);

  // 1. Is the target empty? Only a store that exists can hold data.
  let checkMs = 0;
  if (existsSync(liveStore(home).databases)) {
    const s = await startEmbedded(server);
    const db = Db.open(s.uri);
    try {
      const [row] = await db.read('MATCH (n) RETURN count(n) AS c');
      const held = Number(row?.c ?? 0);
      if (held > 0 && !opts.replace) throw new BulkImportRefused(`The database in ${home} holds ${held.toLocaleString('en-US')} nodes; a bulk import replaces the whole database. Pass --replace to do so, or use another NEO4J_DATA_DIR.`);
      if (held > 0) log(`[bulk] the database holds ${held.toLocaleString('en-US')} nodes: it will be replaced (--replace)`);
    } finally {
      await db.close();
      await s.stop();
    }
    checkMs = Math.round(performance.now() - t0);
    log(`[bulk] check: ${secs(checkMs)}`);
  }
  // Hold the instance folder from here on, as a running server would (embeddedServer.ts claimInstance).
  writeFileSync(path.join(home, 'owner.pid'), String(process.pid));
  const work = path.join(workRoot, new Date().toISOString().replace(/[:.]/g, '-'));
  const csvDir = path.join(work, 'csv');
  mkdirSync(csvDir, { recursive: true });
  let started: EmbeddedServer | null = null;
  let swapped = false;
  let handedOver = false;
  try {
    // 2. CSV, chunk by chunk.
    const tCsv = performance.now();
    const csv = await writeBulkCsv(opts.chunks, csvDir, ({ nodes, relations }) =>
      log(`[bulk] csv: ${nodes.toLocaleString('en-US')} nodes, ${relations.toLocaleString('en-US')} relations written (${secs(performance.now() - tCsv)})`),
    );
    const csvMs = Math.round(performance.now() - tCsv);
    log(`[bulk] csv: ${csv.sources.length} files in ${secs(csvMs)}`);
    await opts.hooks?.afterCsv?.(csv);

    // 3. neo4j-admin into the side home.
    const sideHome = path.join(work, 'side');
    log('[bulk] neo4j-admin database import full …');
    const imported = await runAdminImport({ sideHome, csv, log, onSpawn: opts.hooks?.onAdminSpawn, heap: opts.adminHeap, maxOffHeap: opts.adminOffHeap });
    log(`[bulk] import: ${secs(imported.ms)}`);
    rmSync(csvDir, { recursive: true, force: true });

    // 4. The swap.
    const tSwap = performance.now();
    swapIn(home, sideStore(sideHome), { databases: path.join(work, 'previous', 'databases'), transactions: path.join(work, 'previous', 'transactions') });
    swapped = true;
    const swapMs = Math.round(performance.now() - tSwap);

    // 5. Start, schema, check.
    const tStart = performance.now();
    started = await startEmbedded(server);
    const startMs = Math.round(performance.now() - tStart);
    log(`[bulk] server start: ${secs(startMs)}`);
    const tSchema = performance.now();
    const db = Db.open(started.uri);
    try {
      // applySchema's statements, but a longer wait for the indexes: populating the full-text
      // indexes of a million firms takes minutes on two shared cores, past applySchema's 300 s.
      for (const statement of SCHEMA_STATEMENTS) await db.write(statement);
      await db.write('CALL db.awaitIndexes($s)', { s: SCHEMA_WAIT_S });
      const schemaMs = Math.round(performance.now() - tSchema);
      log(`[bulk] schema (constraints, indexes, full-text; populated): ${secs(schemaMs)}`);
      const got = await counts(db);
      if (got.nodes !== csv.nodes || got.relations !== csv.relations) {
        throw new BulkImportFailed(`The imported database holds ${got.nodes} nodes and ${got.relations} relations, not the ${csv.nodes} and ${csv.relations} written.`);
      }
      commitSwap(home);
      swapped = false;
      rmSync(work, { recursive: true, force: true });
      const ms = Math.round(performance.now() - t0);
      const rowsPerS = ((csv.nodes + csv.relations) / ms) * 1000;
      log(`[bulk] done: ${csv.nodes.toLocaleString('en-US')} nodes, ${csv.relations.toLocaleString('en-US')} relations in ${secs(ms)}, ${Math.round(rowsPerS).toLocaleString('en-US')} rows/s`);
      const report: BulkReport = { nodes: csv.nodes, relations: csv.relations, phases: { checkMs, csvMs, importMs: imported.ms, swapMs, startMs, schemaMs }, ms, rowsPerS, server: null };
      if (opts.keepRunning) {
        report.server = started;
        started = null;
        handedOver = true;
      }
      return report;
    } finally {
      await db.close();
    }
  } catch (err) {
    if (swapped) {
      await started?.stop();
      started = null;
      swapBack(home);
      log('[bulk] the swap was undone: the previous database is back in place');
    }
    rmSync(work, { recursive: true, force: true });
    if (err instanceof BulkImportFailed || err instanceof BulkImportRefused) throw err;
    throw new BulkImportFailed(`The bulk import failed; the database in ${home} is as it was. ${(err as Error).message}`, { cause: err });
  } finally {
    await started?.stop();
    const owner = path.join(home, 'owner.pid');
    if (existsSync(owner) && readFileSync(owner, 'utf8').trim() === String(process.pid) && !handedOver) rmSync(owner, { force: true });
  }
}
