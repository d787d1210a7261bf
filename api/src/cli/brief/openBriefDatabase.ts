// How `npm run brief` reaches its database, as a user expects after `npm start`: the repository's
// `.env` first (the environment wins), then NEO4J_URI when set; else the embedded Neo4j on its data
// folder — started for this run, or, when a running `npm start` holds that folder, that server's
// Bolt port on loopback (auth is off there: neo4jConf.ts), so the briefing can be made while the
// explorer runs. The briefing only reads: no schema is applied to a server this run did not start.
import { applySchema, connect, InstanceBusyError, loadDotEnv, readNeo4jConfig, REPO_ROOT, type Connection } from '@cangshan/neo4j';
import { isGraphEmpty } from '@cangshan/seed';

export class BriefDatabaseError extends Error {
  override name = 'BriefDatabaseError';
}

export async function openBriefDatabase(log: (line: string) => void): Promise<Connection> {
  loadDotEnv(REPO_ROOT);
  const cfg = readNeo4jConfig(process.env);
  let conn: Connection;
  if (cfg.uri) {
    log(`[brief] connecting to ${cfg.uri} (NEO4J_URI)`);
    conn = await connect({ config: cfg, log }).catch((e: unknown) => {
      throw new BriefDatabaseError(`cannot reach Neo4j at ${cfg.uri} (NEO4J_URI): ${(e as Error).message}. Start that server, or unset NEO4J_URI to use the embedded one.`, { cause: e });
    });
  } else {
    try {
      log(`[brief] starting the embedded Neo4j on ${cfg.dataDir} (the first start fetches its jars)`);
      conn = await connect({ config: cfg, log });
    } catch (e) {
      if (!(e instanceof InstanceBusyError)) throw new BriefDatabaseError(`could not start the embedded Neo4j: ${(e as Error).message}`, { cause: e });
      const uri = `bolt://127.0.0.1:${cfg.boltPort}`;
      log(`[brief] \`npm start\` is running on ${cfg.dataDir}: reading through its Neo4j at ${uri}`);
      conn = await connect({ config: { ...cfg, uri, waitMs: Math.min(cfg.waitMs, 15_000) }, log }).catch((err: unknown) => {
        throw new BriefDatabaseError(`another process holds ${cfg.dataDir} but its Neo4j does not answer at ${uri}: ${(err as Error).message}. Stop it, or set NEO4J_URI.`, { cause: err });
      });
    }
  }
  try {
    // A store this run started may be brand new: the schema is what every reader assumes.
    if (conn.server) await applySchema(conn.db);
  } catch (e) {
    await conn.close();
    throw new BriefDatabaseError(`could not prepare the database: ${(e as Error).message}`, { cause: e });
  }
  if (await isGraphEmpty(conn.db)) {
    await conn.close();
    throw new BriefDatabaseError(
      'the database holds no data. `npm start` loads the article data set on its first start (then run this again, with it running or not); `npm run seed` or `npm run import:registry` load your own.',
    );
  }
  return conn;
}
