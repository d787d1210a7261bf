import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts, resetDb, testDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import { articleDataSet } from '../../article/loadArticleDataSet.ts';
import type { DataSet } from '@cangshan/model';
import { importDataSet } from '../importDataSet.ts';
import { recoverStagedImports } from '../stagedWrite.ts';

// The article data set plus an edit of one existing node: a failed import must undo the edit too.
function edited(ds: DataSet): DataSet {
  return { nodes: ds.nodes.map((n) => (n.id === 'toutiao' ? { ...n, description: 'edited' } : n)), relations: ds.relations };
}

const fail = (after: number) => (p: { done: number }) => {
  if (p.done > after) throw new Error('injected failure');
};

describe('imports are all-or-nothing', () => {
  let db: Db;
  beforeAll(async () => {
    db = testDb();
    await resetDb(db);
  });
  afterAll(() => db.close());

  it('single transaction: a failure after some batches leaves the database unchanged', async () => {
    const before = await graphCounts(db);
    await expect(importDataSet(db, articleDataSet(), { batchSize: 10, onProgress: fail(100) })).rejects.toThrow('injected failure');
    expect(await graphCounts(db)).toEqual(before);
  });

  it('staged: a failure after some committed batches deletes what they wrote, and keeps old nodes as they were', async () => {
    await importDataSet(db, { nodes: articleDataSet().nodes.filter((n) => n.id === 'toutiao' || n.label === 'Document'), relations: [] });
    const before = await graphCounts(db);
    await expect(importDataSet(db, edited(articleDataSet()), { batchSize: 10, maxSingleTxRows: 20, onProgress: fail(150) })).rejects.toThrow('injected failure');
    expect(await graphCounts(db)).toEqual(before);
    expect(await db.read("MATCH (n:Entity {id: 'toutiao'}) RETURN n.description = 'edited' AS e")).toEqual([{ e: false }]);
  });

  it('staged: a success gives the same graph as one transaction, with no markers left', async () => {
    const staged = await importDataSet(db, articleDataSet(), { batchSize: 10, maxSingleTxRows: 20 });
    expect(staged.mode).toBe('staged');
    const counts = await graphCounts(db);
    expect(counts.nodes.ImportStaging).toBeUndefined();
    expect(counts.nodes.ImportRun).toBeUndefined();
    await resetDb(db);
    await importDataSet(db, articleDataSet());
    expect(await graphCounts(db)).toEqual(counts);
  });

  it('recovers from a staged import that was killed: stale staged nodes are rolled back', async () => {
    const before = await graphCounts(db);
    // What a SIGKILLed import leaves behind: a run that never committed, and its marked nodes.
    await db.write("CREATE (:ImportRun {id: 'imp-dead', heartbeat: timestamp() - 600000, committed: false})");
    await db.write("CREATE (:Entity:Enterprise:ImportStaging {id: 'half-written', _importId: 'imp-dead', name: '半'})");
    expect(await recoverStagedImports(db)).toEqual({ rolledBack: ['imp-dead'], finished: [] });
    expect(await graphCounts(db)).toEqual(before);
  });
});
