import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import neo4j from 'neo4j-driver';
import { Db, applySchema, freePort, startEmbedded, type EmbeddedServer } from '@cangshan/neo4j';
import { bulkImport, defaultDistricts, provinceChunks, type BulkReport } from '@cangshan/seed';

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
  return benchNeo4j(db, server, home);
}

/**
 * The benchmark's own Neo4j holding a synthetic province, loaded through the bulk path before the
 * server ever starts (`npm run bulk`'s own bulkImport into a fresh folder: CSV one district at a
 * time, neo4j-admin, the swap, then the server starts with the schema applied and is handed over
 * running). Nothing of the province is held in this process beyond one district's CSV lines.
 */
export async function startBulkBenchNeo4j(opts: {
  heap: string;
  pageCache: string;
  enterprises: number;
  seed: number;
  log: (l: string) => void;
}): Promise<BenchNeo4j & { bulk: BulkReport }> {
  const home = mkdtempSync(path.join(os.tmpdir(), 'cangshan-bench-neo4j-'));
  const districts = defaultDistricts(opts.enterprises);
  opts.log(`bulk-loading a synthetic province: ${opts.enterprises.toLocaleString('en-US')} firms in ${districts} district(s), seed ${opts.seed}`);
  const chunks = provinceChunks({ enterprises: opts.enterprises, districts, seed: opts.seed });
  let bulk: BulkReport;
  try {
    bulk = await bulkImport({ home, boltPort: await freePort(), heap: opts.heap, pageCache: opts.pageCache, chunks, keepRunning: true, log: opts.log });
  } catch (err) {
    rmSync(home, { recursive: true, force: true });
    throw err;
  }
  const server = bulk.server;
  if (!server) throw new Error('the bulk import did not hand over its server');
  const db = new Db(neo4j.driver(server.uri, undefined, { maxConnectionPoolSize: 64 }));
  return { ...benchNeo4j(db, server, home), bulk };
}

/**
 * The benchmark's Neo4j on a store that exists already (`npm run bulk`'s folder, `--store`): opened
 * as it is, its schema applied if missing, and left in place when the run ends.
 */
export async function startStoreBenchNeo4j(opts: { store: string; heap: string; pageCache: string; log: (l: string) => void }): Promise<BenchNeo4j> {
  const server = await startEmbedded({ home: opts.store, boltPort: await freePort(), heap: opts.heap, pageCache: opts.pageCache, fresh: false, log: opts.log });
  const db = new Db(neo4j.driver(server.uri, undefined, { maxConnectionPoolSize: 64 }));
  await applySchema(db);
  return { ...benchNeo4j(db, server, opts.store), close: async () => {
    await db.close();
    await server.stop();
  } };
}

function benchNeo4j(db: Db, server: EmbeddedServer, home: string): BenchNeo4j {
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
