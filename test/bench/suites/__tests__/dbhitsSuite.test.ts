import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '@cangshan/neo4j';
import { resetDb, testDb, testNeo4jUri } from '@cangshan/neo4j/testing';
import { generateSynthetic, importDataSet } from '@cangshan/seed';
import { parseBenchConfig } from '../../config.ts';
import type { BenchRow } from '../../harness/report.ts';
import { dbhitsSuite } from '../dbhitsSuite.ts';

/**
 * The dbhits suite compares db hits only where the hand-written formulation gives the same answer
 * as the API's Cypher. When the API's answers changed shape (graph rows, departures, nested lists
 * without the tie's `since`), every comparison but four turned into "answers differ" and lost its
 * ratio; this runs the suite on a small district and wants every comparison back.
 */
describe('the dbhits suite on a small synthetic district', () => {
  let db: Db;
  beforeAll(async () => {
    db = testDb();
    await resetDb(db);
    await importDataSet(db, generateSynthetic({ enterprises: 800, seed: 11 }));
  });
  afterAll(() => db.close());

  it('finds every hand-written answer equal to ours, and reports the recruitment shapes in three scopes', async () => {
    const rows: BenchRow[] = [];
    const notes: string[] = [];
    await dbhitsSuite.run({
      db,
      uri: testNeo4jUri(),
      config: parseBenchConfig([], {}),
      district: null,
      log: () => undefined,
      add: (r) => rows.push(r),
      note: (n) => notes.push(n),
    });
    expect(notes).toEqual([]);
    expect(rows.filter((r) => r.case.includes('answers differ'))).toEqual([]);
    const compared = rows.filter((r) => r.baseline !== null);
    expect(compared.map((r) => r.case)).toEqual(
      expect.arrayContaining(['enterprise(id)', 'circle depth 2', 'circle depth 2 asOf', 'chain BOTH depth 3', 'growth(anchor)', 'growth(district)']),
    );
    for (const r of rows) expect(Number.isFinite(r.ours), r.case).toBe(true);
    const recruitment = rows.filter((r) => /^(recruitmentTargets|chainGaps) (district|chain|anchor) 2022-06$/.test(r.case));
    expect(recruitment).toHaveLength(6);
    // Some twenty statements, each run, profiled and compared: minutes on two shared cores.
  }, 600_000);
});
