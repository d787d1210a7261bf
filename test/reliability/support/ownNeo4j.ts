import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Db, applySchema, freePort, startEmbedded, type EmbeddedServer } from '@cangshan/neo4j';

/**
 * A second, private Neo4j for a test that must stop and restart the database (the run's shared
 * Neo4j must stay up for the other files): a temp folder, a free port, small memory.
 */
export interface OwnNeo4j {
  uri: string;
  boltPort: number;
  home: string;
  /** A Db of the test's own (not the API's). */
  db: Db;
  /** Stops Neo4j: SIGKILL (a crash, the harder and faster outage) or SIGTERM (a clean stop). */
  stop(how?: 'kill' | 'term'): Promise<void>;
  /** Starts Neo4j again on the same port and data. */
  restart(): Promise<void>;
  /** Stops it and removes its folder. */
  dispose(): Promise<void>;
}

export async function startOwnNeo4j(): Promise<OwnNeo4j> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'cangshan-reliability-neo4j-'));
  const boltPort = await freePort();
  const start = (fresh: boolean): Promise<EmbeddedServer> =>
    startEmbedded({ home, boltPort, heap: '512m', pageCache: '128m', fresh, log: () => {} });
  let server: EmbeddedServer | null = await start(true);
  const db = Db.open(server.uri);
  await applySchema(db);
  return {
    uri: server.uri,
    boltPort,
    home,
    db,
    stop: async (how = 'kill') => {
      if (server && how === 'kill') process.kill(server.pid, 'SIGKILL');
      await server?.stop();
      server = null;
    },
    restart: async () => {
      server = await start(false);
    },
    dispose: async () => {
      await db.close();
      await server?.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
