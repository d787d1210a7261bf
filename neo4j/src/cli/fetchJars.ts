// `npm run neo4j:jars`: fetch the embedded Neo4j's jars now rather than at the first start.
import { ensureJars, RuntimeMissingError } from '../ensureJars.ts';

try {
  await ensureJars();
  console.log('[neo4j] jars present');
} catch (err) {
  console.error(err instanceof RuntimeMissingError ? err.message : err);
  process.exit(1);
}
