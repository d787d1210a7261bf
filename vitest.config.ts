import { defineConfig } from 'vitest/config';

// One real Neo4j for the whole run (test/support/globalSetup.ts), so test files run one at a
// time: Community has a single database, and each file starts by resetting it.
export default defineConfig({
  test: {
    include: ['{neo4j,seed,api,web,test}/**/*.test.{ts,tsx}'],
    exclude: ['**/node_modules/**', '**/dist/**', 'neo4j/runtime/**'],
    globalSetup: ['test/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 300_000,
    reporters: ['default'],
  },
});
