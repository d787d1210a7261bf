import neo4j from 'neo4j-driver';
import path from 'node:path';
import { Db } from './db.ts';
import { startEmbedded, type EmbeddedServer } from './embeddedServer.ts';
import { NEO4J_PKG_DIR } from './ensureJars.ts';
import { waitForBolt } from './waitReady.ts';

export const REPO_ROOT = path.resolve(NEO4J_PKG_DIR, '..');

export interface Connection {
  db: Db;
  /** The embedded server when this process started one, else null (NEO4J_URI given). */
  server: EmbeddedServer | null;
  uri: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  env?: NodeJS.ProcessEnv;
  log?: (line: string) => void;
  /** Embedded defaults for this purpose; environment variables override them. */
  defaults?: { dataDir?: string; boltPort?: number; heap?: string; pageCache?: string; fresh?: boolean };
}

/**
 * Opens the database the environment names. With NEO4J_URI (bolt://, neo4j://, neo4j+s:// …) it
 * connects there and starts nothing; without it, it starts the embedded Neo4j Community 5.26
 * (NEO4J_DATA_DIR, NEO4J_BOLT_PORT, NEO4J_HEAP, NEO4J_PAGECACHE) and connects to that.
 */
export async function connect(opts: ConnectOptions = {}): Promise<Connection> {
  const env = opts.env ?? process.env;
  const log = opts.log ?? ((l: string) => console.log(l));
  const maxPool = Number(env.NEO4J_MAX_POOL ?? 50);
  const driverConfig = { maxConnectionPoolSize: maxPool, connectionAcquisitionTimeout: 10_000, connectionTimeout: 5_000 };
  if (env.NEO4J_URI) {
    const auth = env.NEO4J_USER ? neo4j.auth.basic(env.NEO4J_USER, env.NEO4J_PASSWORD ?? '') : undefined;
    await waitForBolt(env.NEO4J_URI, { timeoutMs: Number(env.NEO4J_WAIT_MS ?? 60_000), user: env.NEO4J_USER, password: env.NEO4J_PASSWORD });
    const driver = neo4j.driver(env.NEO4J_URI, auth, driverConfig);
    const db = new Db(driver, env.NEO4J_DATABASE || undefined);
    return { db, server: null, uri: env.NEO4J_URI, close: () => db.close() };
  }
  const d = opts.defaults ?? {};
  const server = await startEmbedded({
    home: path.resolve(REPO_ROOT, env.NEO4J_DATA_DIR ?? d.dataDir ?? '.data/neo4j'),
    boltPort: Number(env.NEO4J_BOLT_PORT ?? d.boltPort ?? 7688),
    heap: env.NEO4J_HEAP ?? d.heap ?? '1g',
    pageCache: env.NEO4J_PAGECACHE ?? d.pageCache ?? '512m',
    fresh: d.fresh,
    log,
  });
  const driver = neo4j.driver(server.uri, undefined, driverConfig);
  const db = new Db(driver);
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
