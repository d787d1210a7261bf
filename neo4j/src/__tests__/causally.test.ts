// Causal chaining against the real Neo4j: what a unit of work (an API request) run in
// `Db.causally` hands back, and how `Db.checkBookmarks` judges bookmarks a client sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import type { Db } from '../index.ts';

let db: Db;
beforeAll(async () => {
  db = testDb();
  await resetDb(db);
});
afterAll(() => db.close());

/** `real`'s database, a transaction far beyond any it has committed (Neo4j 5's bookmark encoding). */
function future(real: string): string {
  const bytes = Buffer.from(real.replace(/^FB:/, ''), 'base64');
  return `FB:${Buffer.concat([bytes.subarray(0, 19), Buffer.from('ca7fffffff90', 'hex')]).toString('base64')}`;
}

describe('Db.causally', () => {
  it('hands back the bookmark of the last write, from writeTx and write alike, and says it wrote', async () => {
    const before = await db.dataVersion();
    const tx = await db.causally([], () => db.writeTx((t) => t.run("CREATE (:Entity:Enterprise {id: 'causal-a', name: '福州星云数据'})")));
    expect(tx.wrote).toBe(true);
    expect(tx.bookmarks).toHaveLength(1);
    expect(tx.bookmarks[0]).not.toBe(before);
    const auto = await db.causally(tx.bookmarks, () => db.write("MATCH (e:Enterprise {id: 'causal-a'}) SET e.nameEn = 'Fuzhou Nebula Data'"));
    expect(auto.wrote).toBe(true);
    expect(auto.bookmarks).not.toEqual(tx.bookmarks);
    // The database's version is the last write's bookmark: what the read cache keys answers by.
    expect(await db.dataVersion()).toBe(auto.bookmarks[0]);
  });

  it('reads chained after a bookmark see its write, and a read-only unit says it wrote nothing', async () => {
    const w = await db.causally([], () => db.write("MATCH (e:Enterprise {id: 'causal-a'}) SET e.employees = 320"));
    const r = await db.causally(w.bookmarks, () => db.readStream("MATCH (e:Enterprise {id: 'causal-a'}) RETURN e.employees AS n"));
    expect(r.value).toEqual([{ n: 320 }]);
    expect(r.wrote).toBe(false);
  });
});

describe('Db.checkBookmarks', () => {
  it('reached for a real bookmark, invalid for one Neo4j cannot read, not-reached in time for one from the future', async () => {
    const { bookmarks } = await db.causally([], () => db.write("MATCH (e:Enterprise {id: 'causal-a'}) SET e.local = true"));
    expect(await db.checkBookmarks(bookmarks, 2000)).toBe('reached');
    expect(await db.checkBookmarks(['FB:AAAAAAAAAAAAAAAAAAAAAA'], 2000)).toBe('invalid');
    const t0 = Date.now();
    expect(await db.checkBookmarks([future(bookmarks[0]!)], 500)).toBe('not-reached');
    expect(Date.now() - t0).toBeLessThan(2000);
    // The wait went on its own pool: the queries' pool answers at once.
    expect(await db.read('RETURN 1 AS one')).toEqual([{ one: 1 }]);
  });
});
