import { createRequire } from 'node:module';
import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// graphql 16 ships CJS (main) and ESM (module) with no "exports": Vite would give our sources the
// ESM copy while Node hands @apollo/server the CJS one — two realms, "Cannot use GraphQLSchema from
// another module or realm". Everyone gets the one Node resolves.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

/**
 * API tests through the real server run a second time with a neo4j:// URI to the same server
 * (neo4j/src/testing.ts, testNeo4jUri): the routing driver then asks the server for its routing
 * table and sends reads and writes where it says — the path every cluster or Aura deployment
 * takes, which bolt:// never does. Chosen for coverage per second (docs/SCALING.md): every kind of
 * write (mutations, an import), routed reads, and the replicas spawned over neo4j://. The read
 * shapes of queries.test.ts pass too, but add ~40 s and no routing path of their own: every read
 * takes the same read transaction.
 */
const ROUTING_FILES = ['api/src/__tests__/mutations.test.ts', 'api/src/**/__tests__/*.graphql.test.ts', 'test/reliability/replicas.test.ts'];

// Each project spells its settings out rather than extending the root's: an extending project
// would inherit globalSetup and start a Neo4j of its own.
const project = (name: string, include: string[], groupOrder: number, provide: Record<string, unknown> = {}): TestProjectInlineConfiguration => ({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    name,
    include,
    exclude: ['**/node_modules/**', '**/dist/**', 'neo4j/runtime/**'],
    // One real Neo4j for the whole run, both projects, so test files run one at a time:
    // Community has a single database, and each file starts by resetting it.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    provide,
    // Projects run in parallel unless ordered, and both use the one database: the routing run
    // starts when the first project has finished.
    sequence: { groupOrder },
  },
});

// `npx vitest run <file>` runs a file in every project that includes it; `--project all` runs it once.
export default defineConfig({
  test: {
    // The root's global setup runs once for the run; both projects inherit what it provides.
    globalSetup: ['test/support/globalSetup.ts'],
    reporters: ['default'],
    projects: [project('all', ['{model,neo4j,seed,api,web,test}/**/*.test.{ts,tsx}'], 0), project('neo4j-routing', ROUTING_FILES, 1, { neo4jRouting: true })],
  },
});
