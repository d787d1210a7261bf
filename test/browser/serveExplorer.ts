// Runs the explorer by hand in its own Neo4j (for development, the screenshots and profiling):
// `npx tsx test/browser/serveExplorer.ts` loads the article data set; with EXPLORER_SYNTHETIC=N it
// loads the synthetic district of N firms instead (seed EXPLORER_SEED, default 42: the bench's
// district), into a fresh database. Defaults are the web helper's ports (http 4102, bolt 7702,
// data in .data/web); PORT, NEO4J_BOLT_PORT, NEO4J_DATA_DIR override them.
import path from 'node:path';
import { applySchema, connect, REPO_ROOT } from '@cangshan/neo4j';
import { generateSynthetic, importDataSet, loadArticleDataSet } from '@cangshan/seed';
import { startServer } from '@cangshan/api';

const synthetic = Number(process.env.EXPLORER_SYNTHETIC ?? 0);
const conn = await connect({ defaults: { dataDir: '.data/web', boltPort: 7702, heap: '1g', pageCache: '256m', fresh: synthetic > 0 } });
await applySchema(conn.db);
if (synthetic > 0) {
  await importDataSet(conn.db, generateSynthetic({ enterprises: synthetic, seed: Number(process.env.EXPLORER_SEED ?? 42) }));
} else await loadArticleDataSet(conn.db);
const server = await startServer({ db: conn.db, port: Number(process.env.PORT ?? 4102), webDist: path.join(REPO_ROOT, 'web', 'dist') });
console.log(`explorer at ${server.url}`);
const stop = async () => {
  await server.close();
  await conn.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
