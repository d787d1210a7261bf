import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '@cangshan/api';
import { resetDb, testNeo4jUri } from '@cangshan/neo4j/testing';
import { loadArticleDataSet } from '@cangshan/seed';
import { BENCH_API_ENV } from '../../suites/apiSuite.ts';
import { graphqlClient } from '../httpClient.ts';
import { replayRaw, TracingDb } from '../replay.ts';
import { sampleIds } from '../sampleIds.ts';
import { apiShapes } from '../shapes.ts';

/**
 * The API suite's raw side replays what TracingDb captured from a request; when the API's reader
 * moved to Db.readStream the capture came back empty and the raw side timed nothing. Every shape
 * must capture its statements, and their replay must answer rows.
 */
describe('the API suite captures the Cypher each request sends', () => {
  const db = new TracingDb(neo4j.driver(testNeo4jUri()));
  let server: Awaited<ReturnType<typeof startServer>>;
  let client: ReturnType<typeof graphqlClient>;
  beforeAll(async () => {
    await resetDb(db);
    await loadArticleDataSet(db);
    server = await startServer({ db, port: 0, env: { ...BENCH_API_ENV, LOG_LEVEL: 'silent' } });
    client = graphqlClient(new URL('/graphql', server.url).toString());
  });
  afterAll(async () => {
    client.close();
    await server.close();
    await db.close();
  });

  it('samples ids from the database and captures a replayable plan for every shape', async () => {
    const ids = await sampleIds(db);
    expect(ids.chainId).not.toBeNull();
    const shapes = apiShapes(ids);
    expect(shapes.map((s) => s.name)).toContain('chainGaps anchor 2022-06');
    for (const shape of shapes) {
      const plan = await db.capture(() => client.post(JSON.stringify({ query: shape.query, variables: shape.variables })));
      const statements = plan.flat();
      expect(statements.length, shape.name).toBeGreaterThan(0);
      expect(await replayRaw(db, plan), shape.name).toBeGreaterThanOrEqual(0);
    }
    const [enterprise] = shapes;
    const plan = await db.capture(() => client.post(JSON.stringify({ query: enterprise?.query, variables: enterprise?.variables })));
    expect(plan.flat().some((q) => JSON.stringify(q.params).includes(ids.anchor))).toBe(true);
    expect(await replayRaw(db, plan)).toBeGreaterThan(0);
  });
});
