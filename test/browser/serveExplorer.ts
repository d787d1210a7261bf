// Runs the explorer by hand on the article data set in its own Neo4j (for development and the
// screenshots): `npx tsx test/browser/serveExplorer.ts`. Defaults are the web helper's ports
// (http 4102, bolt 7702, data in .data/web); PORT, NEO4J_BOLT_PORT, NEO4J_DATA_DIR override them.
import path from 'node:path';
import { applySchema, connect, REPO_ROOT } from '../../neo4j/src/index.ts';
import { loadArticleDataSet } from '../../seed/src/index.ts';
import { startServer } from '../../api/src/index.ts';

const conn = await connect({ defaults: { dataDir: '.data/web', boltPort: 7702, heap: '512m', pageCache: '128m' } });
await applySchema(conn.db);
await loadArticleDataSet(conn.db);
const server = await startServer({ db: conn.db, port: Number(process.env.PORT ?? 4102), webDist: path.join(REPO_ROOT, 'web', 'dist') });
console.log(`explorer at ${server.url}`);
const stop = async () => {
  await server.close();
  await conn.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
