import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb, resetDb } from '@cangshan/neo4j/testing';
import { schemaApplied, type Db } from '../index.ts';

describe('Db against the real Neo4j', () => {
  let db: Db;
  beforeAll(async () => {
    db = testDb();
    await resetDb(db);
  });
  afterAll(() => db.close());

  it('writes over Bolt and reads the same values back as plain JSON', async () => {
    await db.write('CREATE (:Entity:Enterprise {id: $id, name: $name, employees: $n, share: $s})', {
      id: 'db-test-firm',
      name: '今日头条',
      n: 120,
      s: 0.5,
    });
    const rows = await db.read('MATCH (e:Enterprise {id: $id}) RETURN e.name AS name, e.employees AS n, e.share AS s, valueType(e.employees) AS t', {
      id: 'db-test-firm',
    });
    expect(rows).toEqual([{ name: '今日头条', n: 120, s: 0.5, t: 'INTEGER NOT NULL' }]);
  });

  it('sends JS integers as Cypher integers, so LIMIT accepts them', async () => {
    const rows = await db.read('UNWIND range(1, 10) AS x RETURN x LIMIT $limit', { limit: 3 });
    expect(rows.map((r) => r.x)).toEqual([1, 2, 3]);
  });

  it('rolls back every statement of a failed write transaction', async () => {
    await expect(
      db.writeTx(async (tx) => {
        await tx.run('CREATE (:Entity:Enterprise {id: $id})', { id: 'rolled-back' });
        await tx.run('CREATE (:Entity:Enterprise {id: $id})', { id: 'db-test-firm' }); // violates uniqueness
      }),
    ).rejects.toThrow();
    expect(await db.read('MATCH (e:Entity {id: $id}) RETURN e', { id: 'rolled-back' })).toEqual([]);
  });

  it('has the schema applied', async () => {
    expect(await schemaApplied(db)).toBe(true);
  });

  it('refuses JS Date parameters, which are not Neo4j dates', async () => {
    await expect(db.read('RETURN $d AS d', { d: new Date() })).rejects.toThrow(/ISO strings/);
  });
});
