import neo4j from 'neo4j-driver';
import path from 'node:path';
import { readNeo4jConfig, type EmbeddedDefaults, type Neo4jConfig } from './config.ts';
import { Db } from './db.ts';
import { superviseEmbedded, type SupervisedServer } from './supervisor.ts';
import { NEO4J_PKG_DIR } from './ensureJars.ts';
import { waitForBolt } from './waitReady.ts';

export const REPO_ROOT = path.resolve(NEO4J_PKG_DIR, '..');

export interface Connection {
  db: Db;
  /**
   * The embedded server when this process started one (restarted when it dies, see
   * supervisor.ts), else null (NEO4J_URI given: that server is not ours to restart).
   */
  server: SupervisedServer | null;
  uri: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  /** Read when `config` is not given (default process.env); an invalid value throws ConfigError. */
  env?: NodeJS.ProcessEnv;
  /** The variables already parsed (the API parses its whole configuration once at start). */
  config?: Neo4jConfig;
  log?: (line: string) => void;
  /** Embedded defaults for this purpose; environment variables override them (not used with `config`). */
  defaults?: EmbeddedDefaults & { fresh?: boolean };
}

/**
 * Opens the database the environment names. With NEO4J_URI (bolt://, neo4j://, neo4j+s:// …) it
 * connects there and starts nothing; without it, it starts the embedded Neo4j Community 5.26
 * (NEO4J_DATA_DIR, NEO4J_BOLT_PORT, NEO4J_HEAP, NEO4J_PAGECACHE), supervised (restarted when it
 * dies), and connects to that.
 */
export async function connect(opts: ConnectOptions = {}): Promise<Connection> {
  const cfg = opts.config ?? readNeo4jConfig(opts.env ?? process.env, opts.defaults);
  const log = opts.log ?? ((l: string) => console.log(l));
  const driverConfig = { maxConnectionPoolSize: cfg.maxPool, connectionAcquisitionTimeout: 10_000, connectionTimeout: 5_000 };
  if (cfg.uri) {
    const auth = cfg.user ? neo4j.auth.basic(cfg.user, cfg.password ?? '') : undefined;
    await waitForBolt(cfg.uri, { timeoutMs: cfg.waitMs, user: cfg.user, password: cfg.password });
    const driver = neo4j.driver(cfg.uri, auth, driverConfig);
    const db = new Db(driver, cfg.database, { uri: cfg.uri, auth });
    return { db, server: null, uri: cfg.uri, close: () => db.close() };
  }
  const server = await superviseEmbedded({
    home: path.resolve(REPO_ROOT, cfg.dataDir),
    boltPort: cfg.boltPort,
    heap: cfg.heap,
    pageCache: cfg.pageCache,
    fresh: opts.defaults?.fresh,
    log,
  });
  const driver = neo4j.driver(server.uri, undefined, driverConfig);
  const db = new Db(driver, undefined, { uri: server.uri });
  return {
    db,
    server,
    uri: server.uri,
    close: async () => {
      await db.close();
      await server.stop();
    },
  };
}
