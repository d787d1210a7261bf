import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

// graphql 16 ships CJS (main) and ESM (module) with no "exports": Vite would give our sources the
// ESM copy while Node hands @apollo/server the CJS one — two realms, "Cannot use GraphQLSchema from
// another module or realm". Everyone gets the one Node resolves.
const graphqlEntry = createRequire(import.meta.url).resolve('graphql');

// One real Neo4j for the whole run (test/support/globalSetup.ts), so test files run one at a
// time: Community has a single database, and each file starts by resetting it.
export default defineConfig({
  resolve: { alias: [{ find: /^graphql$/, replacement: graphqlEntry }] },
  test: {
    include: ['{model,neo4j,seed,api,web,test}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**', 'neo4j/runtime/**'],
    globalSetup: ['test/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
