import { startEmbedded, type EmbeddedOptions, type EmbeddedServer, type ExitInfo } from './embeddedServer.ts';

/** `up`: answering; `down`: its JVM exited and a restart is pending or under way; `stopped`: by us. */
export type Neo4jState = 'up' | 'down' | 'stopped';

/** The embedded Neo4j that this process owns, restarted when it dies. */
export interface SupervisedServer extends EmbeddedServer {
  readonly state: Neo4jState;
  /** Restarts so far. */
  readonly restarts: number;
  /** Called on every change of state, first with `down` the moment the JVM exits unexpectedly. */
  onStateChange(listener: (state: Neo4jState) => void): () => void;
  /**
   * The process is shutting down: from now on an exit of the JVM is expected and not restarted.
   * Call it first thing on SIGINT / SIGTERM — a Ctrl-C in a terminal reaches the JVM too.
   */
  shuttingDown(): void;
}

export interface SuperviseOptions {
  /** The wait before the first restart, doubled after each failed or short-lived one (default 1 s). */
  firstDelayMs?: number;
  /** The longest wait between restarts (default 30 s). */
  maxDelayMs?: number;
  /** A restarted server that stays up this long resets the wait to `firstDelayMs` (default 60 s). */
  stableAfterMs?: number;
}

function howItEnded(e: ExitInfo): string {
  return e.signal ? `killed by ${e.signal}` : `exit code ${e.code}`;
}

/**
 * Starts the embedded Neo4j and restarts it, on the same port and data, when its JVM exits
 * without being asked to (killed, out of memory, crashed): after 1 s, then 2 s, 4 s … up to
 * `maxDelayMs` while restarts fail or die young. Each event is one log line. Never while stopping:
 * `stop()` and `shuttingDown()` end the supervision, and a restart in progress is stopped.
 * A server that is not ours (NEO4J_URI) is never supervised.
 */
export async function superviseEmbedded(opts: EmbeddedOptions & SuperviseOptions): Promise<SupervisedServer> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const first = opts.firstDelayMs ?? 1_000;
  const max = opts.maxDelayMs ?? 30_000;
  const stableAfter = opts.stableAfterMs ?? 60_000;
  let current = await startEmbedded(opts);
  let state: Neo4jState = 'up';
  let quitting = false;
  let restarts = 0;
  let delay = first;
  let upSince = Date.now();
  let timer: NodeJS.Timeout | null = null;
  let attempt: Promise<void> | null = null;
  const giveUp = new AbortController();
  const listeners = new Set<(s: Neo4jState) => void>();

  const setState = (s: Neo4jState): void => {
    if (state === s) return;
    state = s;
    for (const l of listeners) l(s);
  };

  const schedule = (): void => {
    const wait = delay;
    delay = Math.min(delay * 2, max);
    timer = setTimeout(() => {
      timer = null;
      attempt = restart().finally(() => (attempt = null));
    }, wait);
    // The supervisor alone never keeps a process alive.
    timer.unref();
  };

  const watch = (server: EmbeddedServer): void => {
    void server.exit.then((e) => {
      if (server !== current || e.requested || quitting) return;
      setState('down');
      if (Date.now() - upSince >= stableAfter) delay = first;
      log(`[neo4j] the embedded Neo4j (pid ${server.pid}) exited unexpectedly (${howItEnded(e)}); restarting in ${delay / 1000} s`);
      schedule();
    });
  };

  const restart = async (): Promise<void> => {
    if (quitting) return;
    const t0 = Date.now();
    let next: EmbeddedServer;
    try {
      next = await startEmbedded({ ...opts, fresh: false, log, signal: giveUp.signal });
    } catch (err) {
      if (quitting) return;
      const why = (err instanceof Error ? err.message : String(err)).split('\n')[0];
      log(`[neo4j] restart failed (${why}); next try in ${delay / 1000} s`);
      schedule();
      return;
    }
    if (quitting) {
      await next.stop();
      return;
    }
    current = next;
    restarts++;
    upSince = Date.now();
    watch(next);
    log(`[neo4j] restarted (pid ${next.pid}) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    setState('up');
  };

  const quit = (): void => {
    quitting = true;
    giveUp.abort();
    if (timer) clearTimeout(timer);
    timer = null;
  };

  watch(current);
  return {
    uri: current.uri,
    home: current.home,
    startMs: current.startMs,
    get pid() {
      return current.pid;
    },
    get exit() {
      return current.exit;
    },
    get state() {
      return state;
    },
    get restarts() {
      return restarts;
    },
    onStateChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    shuttingDown: quit,
    async stop() {
      quit();
      await attempt;
      await current.stop();
      setState('stopped');
    },
  };
}
