import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { Db, applySchema, freePort, startEmbedded, type EmbeddedServer } from '@cangshan/neo4j';

export interface BenchNeo4j {
  db: Db;
  uri: string;
  server: EmbeddedServer;
  home: string;
  close(): Promise<void>;
}

/**
 * The benchmark's own Neo4j: a fresh folder under the OS temp dir and a free port, never
 * `.data/neo4j` or the instance of a running `npm start`. Sized for the 100k district on
 * a 2-core machine: 2 GB heap, 1 GB page cache (the store of 100k firms is a few hundred MB).
 */
export async function startBenchNeo4j(opts: { heap: string; pageCache: string; log: (l: string) => void }): Promise<BenchNeo4j> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'cangshan-bench-neo4j-'));
  const server = await startEmbedded({ home, boltPort: await freePort(), heap: opts.heap, pageCache: opts.pageCache, fresh: true, log: opts.log });
  const db = new Db(neo4j.driver(server.uri, undefined, { maxConnectionPoolSize: 64 }));
  await applySchema(db);
  return {
    db,
    uri: server.uri,
    server,
    home,
    close: async () => {
      await db.close();
      await server.stop();
      rmSync(home, { recursive: true, force: true });
    },
  };
}
