// The as-of rule's Cypher half (`asOfCypher`, which every query that takes `asOf` uses) against the
// model's table of cases, in the real Neo4j: a firm with the case's landedOn and leftOn, and, when the case
// has a `since`, a relation from it that began then; the cursor as the AsOf scalar hands it over.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF_CASES, asOfCypher, endOfPeriod } from '@cangshan/model';
import type { Db } from '@cangshan/neo4j';
import { resetDb, testDb } from '@cangshan/neo4j/testing';

let db: Db;

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await db.write(
    `UNWIND $cases AS c
     CREATE (f:Entity:Enterprise {id: 'asof-case-' + c.i, name: c.what, landedOn: c.landedOn, leftOn: c.leftOn})
     FOREACH (_ IN CASE WHEN c.hasRel THEN [1] ELSE [] END |
       CREATE (f)-[:SUPPLIES {since: c.since}]->(:Entity:Enterprise {id: 'asof-case-' + c.i + '-customer', name: 'customer'}))`,
    { cases: AS_OF_CASES.map((c, i) => ({ i, what: c.what, landedOn: c.landedOn, leftOn: c.leftOn ?? null, hasRel: c.since !== undefined, since: c.since ?? null })) },
  );
});
afterAll(() => db.close());

describe('asOfCypher in Neo4j, case by case (AS_OF_CASES)', () => {
  it.each(AS_OF_CASES.map((c, i) => [c.what, c, i] as const))('%s', async (_what, c, i) => {
    const [row] = await db.read(
      `MATCH (f:Enterprise {id: $id})
       OPTIONAL MATCH (f)-[r:SUPPLIES]->()
       RETURN ${asOfCypher.node('f')} AS node, CASE WHEN r IS NULL THEN null ELSE ${asOfCypher.rel('r')} END AS rel`,
      { id: `asof-case-${i}`, asOf: endOfPeriod(c.asOf) },
    );
    expect(row?.node).toBe(c.node);
    expect(row?.rel).toBe(c.since === undefined ? null : c.rel);
  });
});
