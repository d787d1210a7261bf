import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import path from 'node:path';
import { REPO_ROOT, type Db } from '@cangshan/neo4j';
import { readConfig } from '../config.ts';
import { healthOf, ReadCache, type OwnedNeo4j } from '../context/index.ts';
import { buildApiSchema } from '../schema/buildApiSchema.ts';
import { createApolloServer } from './apolloServer.ts';
import { createApp } from './createApp.ts';
import { attachTimelines, detachTimelines, SegmentTimelines } from '../capabilities/recruitment/segmentTimelines.ts';

export interface StartOptions {
  db: Db;
  /** 0 = a free port (tests, benchmarks). Default: PORT or 4000. */
  port?: number;
  /** Default: HOST or 127.0.0.1 (set HOST=0.0.0.0 to listen on every interface). */
  host?: string;
  /** The built web app; default web/dist. */
  webDist?: string;
  env?: NodeJS.ProcessEnv;
  log?: (err: unknown) => void;
  /**
   * The embedded Neo4j this process owns (`connect().server`), if any: when it exits, /readyz and
   * every read answer "unavailable" at once, until its supervisor has restarted it.
   */
  neo4j?: OwnedNeo4j | null;
  /** Where the one-line notices of an outage and a recovery go (default: stdout). */
  say?: (line: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  /**
   * Graceful stop: refuse new connections, let in-flight requests finish (up to
   * SHUTDOWN_TIMEOUT_MS, then cut), stop Apollo. The Db belongs to the caller and stays open.
   */
  close(): Promise<void>;
}

export class PortInUseError extends Error {
  override name = 'PortInUseError';
}

/** Starts the API and web app on one port; resolves once it listens. */
export async function startServer(opts: StartOptions): Promise<RunningServer> {
  const env = opts.env ?? process.env;
  const config = readConfig(env);
  const log = opts.log ?? ((err: unknown) => console.error('[api]', err));
  const apollo = createApolloServer(buildApiSchema(), config, log);
  await apollo.start();
  let shuttingDown = false;
  const say = opts.say ?? ((line: string) => console.log(line));
  const health = healthOf(opts.db);
  const unwatch = opts.neo4j ? health.watch(opts.neo4j) : () => undefined;
  const unlisten = health.onChange((c) =>
    say(
      c.down
        ? `[api] the database is unavailable (${c.reason}): reads are refused at once, /readyz is 503, until it answers again`
        : `[api] the database answers again, after ${(c.ms / 1000).toFixed(1)} s`,
    ),
  );
  // Through the breaker too: while the database is known down the version is not waited for.
  const readCache = new ReadCache(() => health.guard(() => opts.db.dataVersion()), {
    maxEntries: config.readCacheEntries,
    minCostMs: config.readCacheMinMs,
    // The version check waits at most 2 s: a hung database then costs the request its own deadline
    // plus 2 s, not two deadlines; a check that times out only skips the cache.
    versionTimeoutMs: Math.min(2000, config.queryTimeoutMs),
    refreshMs: config.readCacheRefreshMs,
  });
  // chainGaps of the district read off a per-version timeline once a live run has been slow
  // (capabilities/recruitment/segmentTimelines.ts): the walk reads without the request deadline.
  const timelines =
    config.segmentTimelineMinMs < 0
      ? undefined
      : new SegmentTimelines({
          version: () => health.guard(() => opts.db.dataVersion()),
          read: (cypher, params) => health.guard(() => opts.db.read(cypher, params)),
          minLiveMs: config.segmentTimelineMinMs,
          refreshMs: config.readCacheRefreshMs,
          say,
        });
  if (timelines) attachTimelines(opts.db, timelines);
  const app = createApp({
    db: opts.db,
    config,
    apollo,
    readCache,
    webDist: opts.webDist ?? path.join(REPO_ROOT, 'web', 'dist'),
    isShuttingDown: () => shuttingDown,
    log,
  });
  const server = http.createServer(app);
  // Bound how long a slow client may take to send headers. An idle keep-alive connection is closed
  // after KEEP_ALIVE_TIMEOUT_MS (Node's 5 s by default): a client that reuses it at that very moment
  // gets "socket hang up", so behind a proxy keep this above the proxy's own idle timeout.
  server.headersTimeout = 20_000;
  server.requestTimeout = 60_000;
  server.keepAliveTimeout = config.keepAliveTimeoutMs;
  const sockets = new Set<Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  const port = opts.port ?? Number(env.PORT ?? 4000);
  const host = opts.host ?? env.HOST ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    const onError = (err: NodeJS.ErrnoException): void => {
      void apollo.stop();
      if (timelines) {
        detachTimelines(opts.db, timelines);
        void timelines.close();
      }
      unwatch();
      unlisten();
      reject(
        err.code === 'EADDRINUSE'
          ? new PortInUseError(`Port ${port} on ${host} is already in use — is another \`npm start\` running? Stop it, or set PORT to a free port.`, { cause: err })
          : err,
      );
    };
    server.once('error', onError);
    server.listen(port, host, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host;
  let closing: Promise<void> | null = null;
  return {
    url: `http://${shownHost}:${actualPort}/`,
    port: actualPort,
    close: () =>
      (closing ??= (async () => {
        shuttingDown = true;
        readCache.close();
        if (timelines) {
          detachTimelines(opts.db, timelines);
          await timelines.close();
        }
        unwatch();
        unlisten();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const timer = setTimeout(() => {
          server.closeAllConnections();
          for (const s of sockets) s.destroy();
        }, config.shutdownTimeoutMs);
        // Keep-alive connections that become idle after their last response are closed too.
        const sweep = setInterval(() => server.closeIdleConnections(), 100);
        await closed;
        clearTimeout(timer);
        clearInterval(sweep);
        await apollo.stop();
      })()),
  };
}
