import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connect, applySchema, freePort, type Connection } from '@cangshan/neo4j';

// The type of what this setup provides (`neo4jUri`) is declared beside its reader, testDb().
import type {} from '@cangshan/neo4j/testing';

let conn: Connection | null = null;
let home: string | null = null;

/**
 * Starts the test run's own Neo4j: a fresh data folder under the OS temp dir and a free port,
 * so `npm test` never touches the data of a running `npm start` and two runs can overlap.
 * NEO4J_TEST_URI points the tests at a Neo4j you run yourself instead (it will be emptied).
 */
export async function setup(project: TestProject): Promise<void> {
  if (process.env.NEO4J_TEST_URI) {
    conn = await connect({ env: { ...process.env, NEO4J_URI: process.env.NEO4J_TEST_URI } });
  } else {
    home = mkdtempSync(path.join(os.tmpdir(), 'cangshan-test-neo4j-'));
    const port = await freePort();
    conn = await connect({
      env: { PATH: process.env.PATH },
      log: (l) => console.log(l),
      defaults: { dataDir: home, boltPort: port, heap: process.env.NEO4J_TEST_HEAP ?? '1g', pageCache: '256m', fresh: true },
    });
    console.log(`[test] Neo4j ready at ${conn.uri} in ${conn.server?.startMs} ms (data in ${home})`);
  }
  await applySchema(conn.db);
  project.provide('neo4jUri', conn.uri);
  process.env.NEO4J_TEST_URI_RESOLVED = conn.uri;
}

export async function teardown(): Promise<void> {
  await conn?.close();
  if (home) rmSync(home, { recursive: true, force: true });
}
