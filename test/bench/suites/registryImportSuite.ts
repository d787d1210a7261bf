import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Session } from 'neo4j-driver';
import { generateRegistryExport, loadStartingData, registryCsvBytes, registryXlsxBuffer, type LabelCounts } from '@cangshan/seed';
import { spawnTsx } from '../../reliability/support/child.ts';
import { startBenchNeo4j } from '../harness/benchNeo4j.ts';
import type { BenchRow } from '../harness/report.ts';
import { median } from '../harness/stats.ts';
import type { Suite } from '../harness/suite.ts';

/** What test/bench/registryChild.ts is asked to do. */
export interface RegistryChildOpts {
  /** `understand`: read and understand the file only; `import`: then plan and write it. */
  mode: 'understand' | 'import';
  file: string;
  /** The import's day (the plan's `today`): the same for both runs, so the refresh has nothing to change. */
  today: string;
}

/** What it prints: times in ms, peak RSS in MB (the process's high-water mark when it ends). */
export interface RegistryChildResult {
  understandMs: number;
  understandPeakMb: number;
  counts: { rows: number; firms: number; held: number; duplicateRows: number };
  planMs: number | null;
  applyMs: number | null;
  peakMb: number;
  plan: (Record<string, number | boolean> & { new: number; changed: number; importable: boolean }) | null;
  report: { created: LabelCounts; updated: LabelCounts; mode: string; phases: Record<string, number> } | null;
}

/** One import of 100k rows takes minutes on 2 cores; the whole suite, with the reference, ≈ 10–15. */
const CHILD_TIMEOUT_MS = 60 * 60_000;
const CREDIT_CODE_HEADER = '信用代码';

async function inChild(uri: string, opts: RegistryChildOpts, log: (l: string) => void): Promise<RegistryChildResult> {
  // NODE_ENV as the bench's own (spawnTsx would set production).
  const child = spawnTsx('test/bench/registryChild.ts', [], { REGISTRY_URI: uri, REGISTRY_OPTS: JSON.stringify(opts), NODE_ENV: process.env.NODE_ENV ?? '' });
  // Relayed as they come: an import of 100k rows is minutes of progress lines.
  let shown = 0;
  const relay = (): void => {
    const lines = child.output().split('\n');
    const complete = lines.slice(0, -1);
    for (const line of complete.slice(shown)) if (line.startsWith('log ')) log(`   ${line.slice(4)}`);
    shown = complete.length;
  };
  const timer = setInterval(relay, 1000);
  const code = await child.exited(CHILD_TIMEOUT_MS).finally(() => clearInterval(timer));
  relay();
  const result = child.output().split('\n').find((l) => l.startsWith('result '));
  if (code !== 0 || !result) throw new Error(`the registry import process failed (exit ${code}): ${child.output().slice(-1500)}`);
  return JSON.parse(result.slice(7)) as RegistryChildResult;
}

/** A process's peak resident set (VmHWM, Linux), in MB. */
function peakRssMb(pid: number): number {
  const m = readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmHWM:\s+(\d+) kB/);
  return m ? Number(m[1]) / 1024 : Number.NaN;
}

const sum = (m: Record<string, number>): number => Object.values(m).reduce((a, b) => a + b, 0);

interface ReferenceRound {
  /** Decode + LOAD CSV into no RegistryRef; decode + LOAD CSV again. */
  firstMs: number;
  againMs: number;
  decodeMs: number;
  loadMs: number;
  reloadMs: number;
  nodes: number;
}

const REF_FILE = 'registry-utf8.csv';

/**
 * The reference a user could run instead: the same rows decoded to UTF-8 (Neo4j reads UTF-8 only)
 * and loaded with Neo4j's own LOAD CSV — one MERGE on the credit code per row and the row's
 * columns SET as properties, under the headers' own names; no validation, no merging of what the
 * code does not join, no dates, money, status, parents or placement. On a label of its own with an
 * index on the code (what a user would create first), so it neither meets our firms nor their indexes.
 */
async function loadCsv(session: Session): Promise<number> {
  const t = performance.now();
  // CALL … IN TRANSACTIONS needs an auto-commit transaction (session.run); 10k rows a transaction, as LOAD CSV guides advise.
  await session.run(
    'LOAD CSV WITH HEADERS FROM $url AS row CALL (row) { WITH row WHERE row[$code] IS NOT NULL MERGE (r:RegistryRef {creditCode: row[$code]}) SET r += row } IN TRANSACTIONS OF 10000 ROWS',
    { url: `file:///${REF_FILE}`, code: CREDIT_CODE_HEADER },
  );
  return performance.now() - t;
}

/** One round of the reference: decode and write the UTF-8 file, load it into no RegistryRef, then load it again (the refresh). */
async function loadCsvReference(uri: string, importDir: string, csvBytes: Uint8Array): Promise<ReferenceRound> {
  const driver = neo4j.driver(uri);
  const session = driver.session();
  try {
    await session.run('MATCH (r:RegistryRef) CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS');
    const t0 = performance.now();
    writeFileSync(path.join(importDir, REF_FILE), new TextDecoder('gb18030').decode(csvBytes));
    const decodeMs = performance.now() - t0;
    const loadMs = await loadCsv(session);
    const nodes = Number((await session.run('MATCH (r:RegistryRef) RETURN count(r) AS n')).records[0]?.get('n') ?? 0);
    const t1 = performance.now();
    writeFileSync(path.join(importDir, REF_FILE), new TextDecoder('gb18030').decode(csvBytes));
    const decodeAgainMs = performance.now() - t1;
    const reloadMs = await loadCsv(session);
    return { firstMs: decodeMs + loadMs, againMs: decodeAgainMs + reloadMs, decodeMs, loadMs, reloadMs, nodes };
  } finally {
    await session.close();
    await driver.close();
  }
}

async function withSession(uri: string, cypher: string): Promise<void> {
  const driver = neo4j.driver(uri);
  try {
    await driver.executeQuery(cypher);
  } finally {
    await driver.close();
  }
}

/**
 * A district's registry export of `--registry-rows` rows (the seeded generator of
 * seed/src/registry/generator, written as Excel on Chinese Windows saves it: GB18030 CSV, and as
 * .xlsx) imported into an empty, chains-only database of the suite's own (a fresh Neo4j, as the
 * main one holds the synthetic district): reading + understanding, planning against the database,
 * writing, each in rows/s; then the same file again (the monthly refresh, nothing changed); against
 * Neo4j's own LOAD CSV of the same rows, first load and reload (the median of three rounds around
 * ours). Peak RSS of each importer process and of the suite's Neo4j. One round of ours: at 100k it
 * takes minutes.
 */
export const registryImportSuite: Suite = {
  id: 'registry',
  title: 'Registry import: a district export read, planned and written, vs LOAD CSV',
  needsDistrict: false,
  async run({ config, add, log, note }) {
    const n = config.registryRows;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cangshan-bench-registry-'));
    const csvFile = path.join(dir, '企业名录.csv');
    const xlsxFile = path.join(dir, '企业名录.xlsx');
    const t = performance.now();
    const table = generateRegistryExport({ seed: config.seed, rows: n });
    const csvBytes = registryCsvBytes(table, 'gb18030');
    writeFileSync(csvFile, csvBytes);
    writeFileSync(xlsxFile, await registryXlsxBuffer(table));
    log(`generated ${n.toLocaleString('en-US')} rows (seed ${config.seed}): GB18030 CSV ${(csvBytes.length / 2 ** 20).toFixed(1)} MB and .xlsx in ${((performance.now() - t) / 1000).toFixed(1)} s`);

    const neo = await startBenchNeo4j({ heap: config.heap, pageCache: config.pageCache, log });
    try {
      const chains = await loadStartingData(neo.db, 'chains');
      log(`own Neo4j ready at ${neo.uri}; chains only: ${chains.rows.nodes} nodes, ${chains.rows.relations} relations`);
      const today = new Date().toISOString().slice(0, 10);
      const rowsOf = `${n.toLocaleString('en-US')} rows`;
      const rate = (ms: number | null): number => (ms === null || ms <= 0 ? Number.NaN : (n / ms) * 1000);
      const rows: BenchRow[] = [];
      const row = (r: Omit<BenchRow, 'suite'>): void => void rows.push({ suite: 'registry', ...r });

      const importDir = path.join(neo.home, 'import');
      mkdirSync(importDir, { recursive: true });
      await withSession(neo.uri, 'CREATE INDEX bench_registry_ref IF NOT EXISTS FOR (r:RegistryRef) ON (r.creditCode)');
      await withSession(neo.uri, 'CALL db.awaitIndexes(300)');
      // The reference takes seconds, our import minutes: three reference rounds around our two runs
      // (before, between, after), their median, so the machine's load drifting over those minutes
      // weighs on both sides alike.
      const refs: ReferenceRound[] = [];
      const reference = async (): Promise<void> => {
        const r = await loadCsvReference(neo.uri, importDir, csvBytes);
        refs.push(r);
        log(`LOAD CSV round ${refs.length}: decode ${(r.decodeMs / 1000).toFixed(1)} s + load ${(r.loadMs / 1000).toFixed(1)} s → ${r.nodes} nodes; again ${(r.reloadMs / 1000).toFixed(1)} s`);
      };

      log('── .xlsx: read and understand');
      const xlsx = await inChild(neo.uri, { mode: 'understand', file: xlsxFile, today }, log);
      log('── reference: LOAD CSV of the same rows, decoded to UTF-8');
      await reference();
      log('── GB18030 CSV: first import (read, understand, plan, write)');
      const first = await inChild(neo.uri, { mode: 'import', file: csvFile, today }, log);
      await reference();
      log('── the same CSV again: the monthly refresh, nothing changed');
      const again = await inChild(neo.uri, { mode: 'import', file: csvFile, today }, log);
      await reference();
      const ref1Ms = median(refs.map((r) => r.firstMs));
      const ref2Ms = median(refs.map((r) => r.againMs));
      const neoPeak = peakRssMb(neo.server.pid);

      const total = (r: RegistryChildResult): number => r.understandMs + (r.planMs ?? 0) + (r.applyMs ?? 0);
      const created = (r: RegistryChildResult): number => (r.report ? sum(r.report.created.nodes) + sum(r.report.created.rels) : Number.NaN);
      const ref = 'LOAD CSV';
      const csvCase = `${rowsOf}, GB18030 CSV, first import`;
      row({ case: `${rowsOf}, .xlsx`, metric: 'read + understand', unit: 'rows/s', ours: rate(xlsx.understandMs), baseline: null });
      row({ case: `${rowsOf}, .xlsx`, metric: 'peak RSS (importer process)', unit: 'MB', ours: xlsx.peakMb, baseline: null });
      row({ case: csvCase, metric: 'read + understand', unit: 'rows/s', ours: rate(first.understandMs), baseline: null });
      row({ case: csvCase, metric: 'plan against the database', unit: 'rows/s', ours: rate(first.planMs), baseline: null });
      row({ case: csvCase, metric: 'write (applyRegistryImport)', unit: 'rows/s', ours: rate(first.applyMs), baseline: null });
      row({ case: csvCase, metric: 'total', unit: 'rows/s', ours: rate(total(first)), baseline: rate(ref1Ms), baselineName: ref });
      row({ case: csvCase, metric: 'wall time', unit: 's', ours: total(first) / 1000, baseline: ref1Ms / 1000, baselineName: ref });
      row({ case: csvCase, metric: 'peak RSS (importer process)', unit: 'MB', ours: first.peakMb, baseline: null });
      const againCase = `${rowsOf}, the same CSV again (refresh)`;
      row({ case: againCase, metric: 'plan against the database', unit: 'rows/s', ours: rate(again.planMs), baseline: null });
      row({ case: againCase, metric: 'write (applyRegistryImport)', unit: 'rows/s', ours: rate(again.applyMs), baseline: null });
      row({ case: againCase, metric: 'total', unit: 'rows/s', ours: rate(total(again)), baseline: rate(ref2Ms), baselineName: `${ref} again` });
      row({ case: againCase, metric: 'wall time', unit: 's', ours: total(again) / 1000, baseline: ref2Ms / 1000, baselineName: `${ref} again` });
      // A refresh of an unchanged export must find nothing to change: a regression here is a bug, not a slowdown.
      row({ case: againCase, metric: 'firms changed + created', unit: 'count', ours: (again.plan?.new ?? Number.NaN) + (again.plan?.changed ?? Number.NaN), baseline: null, goal: { on: 'ours', op: '<=', target: 0 } });
      row({ case: againCase, metric: 'peak RSS (importer process)', unit: 'MB', ours: again.peakMb, baseline: null });
      row({ case: 'the suite’s Neo4j', metric: `peak RSS (heap ${config.heap}, page cache ${config.pageCache})`, unit: 'MB', ours: neoPeak, baseline: null });
      for (const r of rows) add(r);

      const ms = (x: number): string => `${(x / 1000).toFixed(1)} s`;
      note(
        `registry: ${rowsOf} → ${first.counts.firms.toLocaleString('en-US')} firms, ${first.counts.held} rows held, ${first.counts.duplicateRows} duplicate rows merged; ` +
          `first import wrote ${created(first).toLocaleString('en-US')} nodes and relations (${first.report?.mode ?? '?'}; importDataSet phases: ${Object.entries(first.report?.phases ?? {}).map(([k, v]) => `${k} ${ms(v)}`).join(', ')}), the refresh ${created(again)}; ` +
          `LOAD CSV merged ${refs[0]?.nodes.toLocaleString('en-US')} nodes (the rows with a credit code); its rounds, first load / reload with decoding: ${refs.map((r) => `${ms(r.firstMs)} / ${ms(r.againMs)}`).join(', ')}.`,
      );
    } finally {
      await neo.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
