// `npm start`: Neo4j (embedded by default, or NEO4J_URI), the schema, the article data set (or,
// with SEED_DATA=chains, the curated chains alone) on first start, then the web app and GraphQL on
// one port. Ctrl-C / SIGTERM stop everything.
import { applySchema, ConfigError, connect, InstanceBusyError, loadDotEnv, REPO_ROOT, type Connection } from '@cangshan/neo4j';
import os from 'node:os';
import { recoverStagedImports } from '@cangshan/seed';
import { readConfig, type ApiConfig } from './config.ts';
import { appLogger, errorLogger, lifecycleLog } from './http/logger.ts';
import { PortInUseError, startServer, type RunningServer } from './http/startServer.ts';
import { warmRecruitmentPlans } from './capabilities/recruitment/warmPlans.ts';
import { timelinesOf } from './capabilities/recruitment/segmentTimelines.ts';
import { loadStartingDataOnce } from './loadStartingDataOnce.ts';
import { followLandingNow, systemActor } from './capabilities/pipeline/followLanding.ts';

// Configuration first, before anything starts: `.env` in the repository root fills what the
// environment leaves unset, and every invalid value is listed at once.
loadDotEnv(REPO_ROOT);
let config: ApiConfig;
try {
  config = readConfig(process.env);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`[start] invalid configuration (environment or .env; .env.example lists every variable):\n  ${err.message.split('\n').join('\n  ')}\n`);
  process.exit(1);
}
const out = lifecycleLog(config.logLevel);
const say = out.info;

async function main(): Promise<void> {
  const t0 = performance.now();
  let conn: Connection | null = null;
  let server: RunningServer | null = null;
  let stopping = false;

  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    // First: a Ctrl-C reaches the JVM too, and its exit now is no crash to restart.
    conn?.server?.shuttingDown();
    say(`[start] ${signal}: finishing requests, then stopping`);
    try {
      await server?.close();
      say('[start] HTTP server closed; stopping Neo4j');
      await conn?.close();
      say('[start] stopped');
      process.exit(0);
    } catch (err) {
      out.error(`[start] error while stopping: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    say(config.neo4j.uri ? `[start] connecting to ${config.neo4j.uri}` : '[start] starting the embedded Neo4j (first start fetches its jars)');
    conn = await connect({ config: config.neo4j, log: say });
    if (stopping) return;
    say(`[start] Neo4j ready (${conn.server ? `embedded, started in ${(conn.server.startMs / 1000).toFixed(1)} s` : conn.uri}); applying the schema`);
    await applySchema(conn.db);
    // What a killed staged import left (invisible to reads, but taking room) goes before we serve.
    // The embedded database is ours alone, so any run in it is dead; on NEO4J_URI only those whose
    // importer is known gone.
    await recoverStagedImports(conn.db, { exclusive: conn.server !== null, log: say });
    // Once, however many replicas start together on an empty database (the others wait, then skip).
    const report = await loadStartingDataOnce(conn.db, config.seedData, {
      by: `${os.hostname()}:${process.pid}`,
      announce: () => say(`[start] empty graph: loading ${config.seedData === 'chains' ? 'the curated chains and segments only (SEED_DATA=chains)' : 'the article data set'}`),
    });
    if (report) say(`[start] loaded ${report.rows.nodes} nodes and ${report.rows.relations} relations in ${report.ms} ms`);
    // Command-line imports (npm run seed, import:registry) cannot reach the API's pipeline rule:
    // firms they landed while the server was stopped move to LANDED now.
    const followed = await followLandingNow(conn.db, systemActor('landing found at start'));
    if (followed > 0) say(`[start] pipeline: ${followed} firm(s) landed since the last start; their entries moved to LANDED`);
    if (stopping) return;
    server = await startServer({ db: conn.db, log: errorLogger(appLogger(config.logLevel)), neo4j: conn.server, say });
    say(`[start] up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    out.always(`Cangshan explorer ready: ${server.url} (GraphQL: /graphql)`);
    if (config.warmPlans) {
      // In the background: the server already answers; a failure here only means a slower first call.
      const db = conn.db;
      void warmRecruitmentPlans((cypher, params) => db.read(cypher, params))
        .then(
          (ms) => say(`[start] recruitment query plans ready in ${(ms / 1000).toFixed(1)} s`),
          (err: unknown) => {
            if (!stopping) say(`[start] could not pre-plan the recruitment queries (the first call will be slower): ${err instanceof Error ? err.message : String(err)}`);
          },
        )
        // Then chainGaps' segment timeline for the data as it is (segmentTimelines.ts): a walk that
        // says its progress, after which the district's gaps answer without one.
        .then(() => (stopping ? undefined : timelinesOf(db)?.build()));
    }
  } catch (err) {
    if (err instanceof InstanceBusyError || err instanceof PortInUseError) {
      out.error(`[start] ${err.message}`);
    } else {
      out.error(`[start] could not start: ${err instanceof Error ? err.message : String(err)}`);
    }
    await conn?.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();
