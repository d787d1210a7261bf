// `npm run neo4j:jars`: fetch the embedded Neo4j's jars now rather than at the first start.
import { parseArgs } from 'node:util';
import { ensureJars, RuntimeMissingError } from '../ensureJars.ts';

const USAGE = `Usage: npm run neo4j:jars
  Fetches Neo4j Community's jars from Maven Central into neo4j/runtime (once; needs Java 17+ and Maven).
  --help, -h   this text`;

try {
  if (parseArgs({ args: process.argv.slice(2), options: { help: { type: 'boolean', short: 'h' } } }).values.help) {
    console.log(USAGE);
    process.exit(0);
  }
} catch (err) {
  console.error(`${(err as Error).message}\n${USAGE}`);
  process.exit(2);
}

try {
  await ensureJars();
  console.log('[neo4j] jars present');
} catch (err) {
  console.error(err instanceof RuntimeMissingError ? err.message : err);
  process.exit(1);
}
