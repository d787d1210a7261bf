import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts, resetDb, testDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import { generateSynthetic } from '../generateSynthetic.ts';
import { importDataSet } from '../../importer/importDataSet.ts';
import { loadArticleDataSet } from '../../article/loadArticleDataSet.ts';

describe('a small synthetic district in Neo4j', () => {
  let db: Db;
  const ds = generateSynthetic({ enterprises: 2000, seed: 7 });
  beforeAll(async () => {
    db = testDb();
    await resetDb(db);
  });
  afterAll(() => db.close());

  it('imports next to the article data set, sharing its chains, and keeps the two apart', async () => {
    await loadArticleDataSet(db);
    const report = await importDataSet(db, ds);
    expect(report.created.nodes.Enterprise).toBe(2000);
    expect(report.created.nodes.Segment).toBeUndefined(); // the article load brought the chains
    const counts = await graphCounts(db);
    expect(counts.nodes.Enterprise).toBe(2000 + 19);
    expect(counts.nodes.Segment).toBe(30);
    const mixed = await db.read(
      `MATCH (a:Enterprise)-[r:SUPPLIES|PARTNER_OF|ATTRACTED|PART_OF]-(b:Enterprise)
       WHERE a.synthetic <> b.synthetic OR r.synthetic <> a.synthetic RETURN count(*) AS c`,
    );
    expect(mixed).toEqual([{ c: 0 }]);
    const bySource = await db.read('MATCH (e:Enterprise) RETURN e.sourceKind AS k, e.synthetic AS s, count(*) AS c ORDER BY k');
    expect(bySource).toEqual([
      { k: 'CURATED', s: false, c: 6 },
      { k: 'STATED', s: false, c: 13 },
      { k: 'SYNTHETIC', s: true, c: 2000 },
    ]);
  });

  it('can be asked how it stood at a date: future landers are visible as outside firms with ties', async () => {
    const [row] = await db.read(
      `MATCH (o:Enterprise {synthetic: true})-[r:SUPPLIES|PARTNER_OF]-(l:Enterprise)
       WHERE o.landedOn > $cut AND l.landedOn <= $cut AND r.since <= $cut
       RETURN count(DISTINCT o) AS futureLanders`,
      { cut: '2019-12' },
    );
    expect(row?.futureLanders as number).toBeGreaterThan(100);
  });

  it('is idempotent: importing it again creates and updates nothing', async () => {
    const before = await graphCounts(db);
    const again = await importDataSet(db, ds);
    expect(again.created).toEqual({ nodes: {}, rels: {} });
    expect(again.updated).toEqual({ nodes: {}, rels: {} });
    expect(await graphCounts(db)).toEqual(before);
  });
});
