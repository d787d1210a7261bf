// `npm start`: Neo4j (embedded by default, or NEO4J_URI), the schema, the article data set on
// first start, then the web app and GraphQL on one port. Ctrl-C / SIGTERM stop everything.
import { applySchema, connect, InstanceBusyError, type Connection } from '@cangshan/neo4j';
import { isGraphEmpty, loadArticleDataSet } from '@cangshan/seed';
import { PortInUseError, startServer, type RunningServer } from './http/startServer.ts';
import { warmRecruitmentPlans } from './capabilities/recruitment/warmPlans.ts';

const say = (line: string): void => console.log(line);

async function main(): Promise<void> {
  const t0 = performance.now();
  let conn: Connection | null = null;
  let server: RunningServer | null = null;
  let stopping = false;

  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    say(`[start] ${signal}: finishing requests, then stopping`);
    try {
      await server?.close();
      say('[start] HTTP server closed; stopping Neo4j');
      await conn?.close();
      say('[start] stopped');
      process.exit(0);
    } catch (err) {
      console.error('[start] error while stopping:', err);
      process.exit(1);
    }
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    say(process.env.NEO4J_URI ? `[start] connecting to ${process.env.NEO4J_URI}` : '[start] starting the embedded Neo4j (first start fetches its jars)');
    conn = await connect({ log: say });
    if (stopping) return;
    say(`[start] Neo4j ready (${conn.server ? `embedded, started in ${(conn.server.startMs / 1000).toFixed(1)} s` : conn.uri}); applying the schema`);
    await applySchema(conn.db);
    if (await isGraphEmpty(conn.db)) {
      say('[start] empty graph: loading the article data set');
      const report = await loadArticleDataSet(conn.db);
      say(`[start] loaded ${report.rows.nodes} nodes and ${report.rows.relations} relations in ${report.ms} ms`);
    }
    if (stopping) return;
    server = await startServer({ db: conn.db });
    say(`[start] up in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    say(`Cangshan explorer ready: ${server.url} (GraphQL: /graphql)`);
    if (process.env.WARM_PLANS !== '0') {
      // In the background: the server already answers; a failure here only means a slower first call.
      const db = conn.db;
      void warmRecruitmentPlans((cypher, params) => db.read(cypher, params)).then(
        (ms) => say(`[start] recruitment query plans ready in ${(ms / 1000).toFixed(1)} s`),
        (err: unknown) => {
          if (!stopping) say(`[start] could not pre-plan the recruitment queries (the first call will be slower): ${err instanceof Error ? err.message : String(err)}`);
        },
      );
    }
  } catch (err) {
    if (err instanceof InstanceBusyError || err instanceof PortInUseError) {
      console.error(`[start] ${err.message}`);
    } else {
      console.error('[start] could not start:', err instanceof Error ? err.message : err);
    }
    await conn?.close().catch(() => undefined);
    process.exit(1);
  }
}

void main();
