import { spawn } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureJars, NEO4J_JVM_FLAGS, NEO4J_LIB_DIR } from '@cangshan/neo4j';
import { ARRAY_DELIMITER, type BulkCsv } from './writeBulkCsv.ts';

export class AdminImportError extends Error {
  override name = 'AdminImportError';
  readonly code = 'BULK_ADMIN_IMPORT_FAILED';
}

export interface AdminImportOptions {
  /** A folder of its own (the side home): conf/, data/, logs/ are made in it. */
  sideHome: string;
  csv: BulkCsv;
  /** The tool's JVM heap (default 1g); its caches are off-heap, bounded by `maxOffHeap`. */
  heap?: string;
  /** `--max-off-heap-memory` (default 2g: the machine is shared). */
  maxOffHeap?: string;
  threads?: number;
  log?: (line: string) => void;
  /** Called with the tool's process id once it runs (tests kill it). */
  onSpawn?: (pid: number) => void;
  signal?: AbortSignal;
}

/** Where the side home's database files land, to be swapped in (swapDatabase.ts). */
export function sideStore(sideHome: string): { databases: string; transactions: string } {
  return { databases: path.join(sideHome, 'data', 'databases', 'neo4j'), transactions: path.join(sideHome, 'data', 'transactions', 'neo4j') };
}

const ASCII = (c: string): string => `U+${c.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * Lines of the tool's output worth showing: its stages ("Nodes, started …" under --verbose) and its
 * summary, not the dots of its progress.
 */
const SHOWN = /^\s*(\(\d\/\d\)|IMPORT DONE|IMPORT FAILED|Imported:|\d+ (nodes|relationships|properties)$|Peak memory|Import starting)/;
/** A stage's first line under --verbose. */
const STAGE = /^[A-Z][\w >-]*?(\d+-\d+\/\d+)?, started \d{4}-.*/;

/** The tool's last lines without the Java stack frames, which say nothing to whoever runs an import. */
const withoutStack = (text: string): string =>
  text
    .split('\n')
    .filter((l) => !/^\s+at |^\s+\.\.\. \d+ more|^[.\s-]*\d+% ∆/.test(l) && l.trim() !== '')
    .slice(-15)
    .join('\n');

/**
 * Runs `neo4j-admin database import full` (the class `org.neo4j.cli.AdminTool` of the project's
 * own Neo4j jars) into the database `neo4j` of a side home, never the server's: a failure or a
 * kill leaves only the side home to delete. Strict about the data: no bad entry is tolerated, a
 * relation to a missing node or a duplicate id fails the whole import.
 */
export async function runAdminImport(opts: AdminImportOptions): Promise<{ ms: number }> {
  const log = opts.log ?? ((l: string) => console.log(l));
  await ensureJars(log);
  const home = path.resolve(opts.sideHome);
  rmSync(path.join(home, 'data'), { recursive: true, force: true });
  for (const d of ['conf', 'data', 'logs', 'run', 'import', 'plugins']) mkdirSync(path.join(home, d), { recursive: true });
  writeFileSync(
    path.join(home, 'conf', 'neo4j.conf'),
    [
      `server.directories.data=${home}/data`,
      `server.directories.logs=${home}/logs`,
      `server.directories.run=${home}/run`,
      `server.directories.import=${home}/import`,
      `server.directories.plugins=${home}/plugins`,
      'dbms.usage_report.enabled=false',
      '',
    ].join('\n'),
  );
  const sources = opts.csv.sources.map((s) => `--${s.kind}=${s.name}=${s.header},${s.data}`);
  const args = [
    `-Xmx${opts.heap ?? '1g'}`,
    ...NEO4J_JVM_FLAGS,
    '-cp',
    `${NEO4J_LIB_DIR}/*`,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    // The database first: the source options take several files each and would swallow it.
    'neo4j',
    // On failure, the bad entry and its cause (read back below), not just "Error in input data".
    '--verbose',
    '--bad-tolerance=0',
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    // Every relation's ends are looked up exactly (the default may miss some missing ends).
    '--strict=true',
    '--id-type=string',
    `--array-delimiter=${ASCII(ARRAY_DELIMITER)}`,
    `--multiline-fields=${opts.csv.multiline}`,
    `--threads=${opts.threads ?? 2}`,
    `--max-off-heap-memory=${opts.maxOffHeap ?? '2g'}`,
    `--report-file=${path.join(home, 'logs', 'import.report')}`,
    ...sources,
  ];
  const t0 = performance.now();
  const child = spawn('java', args, { cwd: home, env: { ...process.env, NEO4J_HOME: home, NEO4J_CONF: path.join(home, 'conf') }, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new AdminImportError('Could not start java for neo4j-admin.');
  writeFileSync(path.join(home, 'admin.pid'), String(child.pid));
  opts.onSpawn?.(child.pid);
  const kill = (): boolean => child.kill('SIGKILL');
  opts.signal?.addEventListener('abort', kill, { once: true });
  let tail = '';
  let partial = '';
  const onData = (b: Buffer): void => {
    const text = b.toString();
    tail = (tail + text).slice(-6000);
    // Its heap warning ends without a line break, so the next stage's line would follow on the same line.
    const lines = (partial + text).replace(/(Suggested heap size is \S+?iB)(?=\S)/g, '$1\n').split('\n');
    partial = lines.pop() ?? '';
    for (const l of lines) {
      const stage = STAGE.exec(l)?.[0];
      if (stage || SHOWN.test(l)) log(`[neo4j-admin] ${(stage ?? l).trim()}`);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (c, s) => resolve({ code: c, signal: s }));
  }).finally(() => {
    opts.signal?.removeEventListener('abort', kill);
    rmSync(path.join(home, 'admin.pid'), { force: true });
  });
  if (code !== 0) {
    const how = signal ? `was killed (${signal})` : `failed (exit code ${code})`;
    // The bad entry itself (a relation to a missing node, a repeated id), as --verbose tells it.
    const bad = /original error: (.*)/.exec(tail)?.[1];
    throw new AdminImportError(`neo4j-admin database import full ${how}; the server's database was not touched.${bad ? ` ${bad}.` : ''}\nIts output ends:\n${withoutStack(tail)}`);
  }
  return { ms: Math.round(performance.now() - t0) };
}
