import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, rmSync, existsSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { ensureJars, NEO4J_LIB_DIR } from './ensureJars.ts';
import { renderNeo4jConf } from './neo4jConf.ts';
import { waitForBolt } from './waitReady.ts';

export interface EmbeddedOptions {
  /** Instance folder (conf, data, logs). Data survives restarts unless `fresh`. */
  home: string;
  boltPort: number;
  heap?: string;
  pageCache?: string;
  /** Wipe the instance's data before starting (test and benchmark runs). */
  fresh?: boolean;
  log?: (line: string) => void;
  /** How long to wait for `RETURN 1` to succeed. */
  readyTimeoutMs?: number;
  /** Gives up a start in progress (the JVM is killed): a supervisor's restart when the process stops. */
  signal?: AbortSignal;
}

export interface EmbeddedServer {
  uri: string;
  /** The JVM's process id (a supervised server's changes when it is restarted). */
  readonly pid: number;
  home: string;
  /** Milliseconds from spawn to the first successful `RETURN 1`. */
  startMs: number;
  stop(): Promise<void>;
  /** Settles when the JVM exits, whatever the reason; `requested` when stop() asked for it. */
  readonly exit: Promise<ExitInfo>;
}

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  requested: boolean;
}

export class InstanceBusyError extends Error {
  override name = 'InstanceBusyError';
}

/** Whether a process with this pid is running (signal 0 checks without touching it). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The JVM flags of every Neo4j Java tool this project starts (the server, neo4j-admin): G1, exit on
 * out-of-memory, UTF-8, and what Neo4j's own launcher adds on Java 17 (it opens JDK internals for
 * its page cache). The heap and class path are the caller's.
 */
export const NEO4J_JVM_FLAGS: readonly string[] = [
  '-XX:+UseG1GC',
  '-XX:+ExitOnOutOfMemoryError',
  '-Dfile.encoding=UTF-8',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-exports=java.base/sun.nio.ch=ALL-UNNAMED',
];

function readPid(file: string): number | null {
  try {
    const n = Number(readFileSync(file, 'utf8').trim());
    return Number.isInteger(n) && n > 0 ? n : null;
  } catch {
    return null;
  }
}

/** The command line of a live process, '' when it cannot be read. */
function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * Claims the instance folder for this process. A second `npm start` on the same data would make
 * Neo4j fail on its store lock with a cryptic trace, or worse race its recovery; this says so
 * first. A JVM left by an owner that died (kill -9) is stopped before we go on.
 */
function claimInstance(home: string, log: (l: string) => void): void {
  const ownerFile = path.join(home, 'owner.pid');
  const javaFile = path.join(home, 'java.pid');
  const owner = readPid(ownerFile);
  if (owner !== null && owner !== process.pid && processAlive(owner)) {
    throw new InstanceBusyError(
      `Another process (pid ${owner}) is already running the embedded Neo4j in ${home}. ` +
        'Stop it first (Ctrl-C in its terminal), or set NEO4J_DATA_DIR / NEO4J_BOLT_PORT for a second instance.',
    );
  }
  const orphan = readPid(javaFile);
  if (orphan !== null && processAlive(orphan) && cmdline(orphan).includes(home)) {
    log(`[neo4j] stopping a Neo4j left running by an earlier process (pid ${orphan})`);
    try {
      process.kill(orphan, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  writeFileSync(ownerFile, String(process.pid));
}

export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedServer> {
  const log = opts.log ?? ((l: string) => console.log(l));
  await ensureJars(log);
  const home = path.resolve(opts.home);
  mkdirSync(home, { recursive: true });
  claimInstance(home, log);
  if (opts.fresh) rmSync(path.join(home, 'data'), { recursive: true, force: true });
  for (const d of ['conf', 'data', 'logs', 'run', 'import', 'plugins', 'licenses']) mkdirSync(path.join(home, d), { recursive: true });
  writeFileSync(
    path.join(home, 'conf', 'neo4j.conf'),
    renderNeo4jConf({ home, boltPort: opts.boltPort, heap: opts.heap ?? '1g', pageCache: opts.pageCache ?? '512m' }),
  );
  const started = Date.now();
  const javaArgs = [
    `-Xms${opts.heap ?? '1g'}`,
    `-Xmx${opts.heap ?? '1g'}`,
    ...NEO4J_JVM_FLAGS,
    '-cp',
    `${NEO4J_LIB_DIR}/*`,
    'org.neo4j.server.CommunityEntryPoint',
    `--home-dir=${home}`,
    `--config-dir=${path.join(home, 'conf')}`,
  ];
  const logFile = path.join(home, 'logs', 'console.log');
  const child: ChildProcess = spawn('java', javaArgs, { cwd: home, stdio: ['ignore', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error('Could not start java for the embedded Neo4j.');
  writeFileSync(path.join(home, 'java.pid'), String(child.pid));
  let exited: number | null = null;
  let requested = false;
  const exitPromise = new Promise<ExitInfo>((resolve) => {
    child.on('exit', (code, signal) => {
      exited = code ?? -1;
      resolve({ code, signal, requested });
    });
  });
  const append = (b: Buffer): void => appendFileSync(logFile, b);
  child.stdout?.on('data', append);
  child.stderr?.on('data', append);

  const uri = `bolt://127.0.0.1:${opts.boltPort}`;
  try {
    await waitForBolt(uri, {
      timeoutMs: opts.readyTimeoutMs ?? 180_000,
      isDead: () => exited !== null || opts.signal?.aborted === true,
    });
  } catch (err) {
    child.kill('SIGKILL');
    const tail = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-3000) : '';
    throw new Error(`The embedded Neo4j did not become ready (${(err as Error).message}). Its log (${logFile}) ends:\n${tail}`, {
      cause: err,
    });
  }
  const startMs = Date.now() - started;
  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (exited === null) {
        requested = true;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
        await exitPromise;
        clearTimeout(timer);
      }
      rmSync(path.join(home, 'java.pid'), { force: true });
      if (readPid(path.join(home, 'owner.pid')) === process.pid) rmSync(path.join(home, 'owner.pid'), { force: true });
    })();
    return stopping;
  };
  return { uri, pid: child.pid, home, startMs, stop, exit: exitPromise };
}
