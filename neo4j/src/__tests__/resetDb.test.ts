import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDb, testNeo4jUri, resetDb, openTransactions } from '@cangshan/neo4j/testing';
import type { Db } from '../index.ts';

// A transaction left open by an earlier test file (a child process that outlived it, a request
// abandoned mid-write) holds its locks for as long as it lives; the next file's reset must not
// wait behind it.
describe('resetDb with a transaction left open by someone else', () => {
  let db: Db;
  beforeAll(async () => {
    db = testDb();
    await resetDb(db);
  });
  afterAll(() => db.close());

  it('names and ends the open transaction, then empties the database', async () => {
    await db.write('CREATE (:Entity:Enterprise {id: $id})', { id: 'locked-firm' });
    // Another driver, as another process would have: it locks the firm and never commits.
    const other = neo4j.driver(testNeo4jUri());
    const session = other.session();
    const tx = session.beginTransaction();
    await tx.run("MATCH (e:Enterprise {id: 'locked-firm'}) SET e.name = 'held'");
    const open = await openTransactions(db);
    expect(open).toHaveLength(1);
    expect(open[0]!.activeLockCount).toBeGreaterThan(0);

    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      await resetDb(db);
      expect(warn.mock.calls.flat().join('\n')).toMatch(/ending 1 transaction\(s\) left open[\s\S]*lock\(s\): \(between statements\)/);
    } finally {
      warn.mockRestore();
    }
    expect(await db.read('MATCH (n) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
    // The ended transaction cannot commit what it held.
    await expect(tx.commit()).rejects.toThrow();
    await session.close().catch(() => {});
    await other.close();
    expect(await openTransactions(db)).toEqual([]);
  }, 60_000);
});
