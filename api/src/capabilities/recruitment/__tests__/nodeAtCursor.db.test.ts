// `asOfCypher.nodeAtCursor` (used by recruitment's buildScope.ts) is the model's as-of rule for a firm without its null-cursor branch, so
// that the planner can seek the scope's firms by landing date. As a filter it must keep exactly the
// firms the rule keeps, for every case of the model's table that has a cursor (recruitment's never
// is null), in the real Neo4j.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AS_OF_CASES, asOfCypher, endOfPeriod } from '@cangshan/model';
import type { Db } from '@cangshan/neo4j';
import { resetDb, testDb } from '@cangshan/neo4j/testing';

const CASES = AS_OF_CASES.map((c, i) => ({ ...c, i })).filter((c) => endOfPeriod(c.asOf) !== null);

let db: Db;

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await db.write(
    `UNWIND $cases AS c
     CREATE (:Entity:Enterprise {id: 'landed-by-' + c.i, name: c.what, landedOn: c.landedOn, leftOn: c.leftOn})`,
    { cases: CASES.map((c) => ({ i: c.i, what: c.what, landedOn: c.landedOn, leftOn: c.leftOn ?? null })) },
  );
});
afterAll(() => db.close());

describe('landedBy keeps the firms the as-of rule keeps (AS_OF_CASES with a cursor)', () => {
  it('has cases on both sides of the rule', () => {
    expect(CASES.some((c) => c.node)).toBe(true);
    expect(CASES.some((c) => !c.node)).toBe(true);
  });

  it.each(CASES.map((c) => [c.what, c] as const))('%s', async (_what, c) => {
    const asOf = endOfPeriod(c.asOf);
    const [row] = await db.read(
      `MATCH (f:Enterprise {id: $id})
       RETURN ${asOfCypher.node('f')} AS rule, EXISTS { MATCH (g:Enterprise {id: $id}) WHERE ${asOfCypher.nodeAtCursor('g')} } AS kept`,
      { id: `landed-by-${c.i}`, asOf },
    );
    expect(row?.rule).toBe(c.node);
    expect(row?.kept).toBe(c.node);
  });
});
