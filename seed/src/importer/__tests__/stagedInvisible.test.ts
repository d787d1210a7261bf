// A staged import is invisible to readers until its final transaction: its new nodes, the
// relations between them and its updates of existing nodes. What a killed one leaves is cleaned
// up as soon as its importer is known dead.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { graphCounts, resetDb, testDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import type { DataSet } from '@cangshan/model';
import { articleDataSet } from '../../article/loadArticleDataSet.ts';
import { importDataSet } from '../importDataSet.ts';
import { recoverStagedImports } from '../stagedWrite.ts';

const count = async (db: Db, cypher: string): Promise<number> => (await db.read(cypher))[0]?.c as number;

/** What the API's reads can see: firms, every model node, toutiao's description and relations. */
async function visible(db: Db): Promise<Record<string, unknown>> {
  return {
    enterprises: await count(db, 'MATCH (e:Enterprise) RETURN count(e) AS c'),
    entities: await count(db, 'MATCH (n:Entity) RETURN count(n) AS c'),
    relsOfEntities: await count(db, 'MATCH (:Entity)-[r]-() RETURN count(r) AS c'),
    toutiao: (await db.read("MATCH (n:Entity {id: 'toutiao'}) RETURN n.description AS d"))[0]?.d,
  };
}

// The article data set with an edit of a node that exists before the import.
const edited = (ds: DataSet): DataSet => ({ nodes: ds.nodes.map((n) => (n.id === 'toutiao' ? { ...n, description: 'edited' } : n)), relations: ds.relations });
const STAGED = { batchSize: 10, maxSingleTxRows: 20 };

describe('staged imports are invisible until they commit', () => {
  let db: Db;
  beforeAll(() => {
    db = testDb();
  });
  beforeEach(async () => {
    await resetDb(db);
    // Some nodes exist already, so that the import updates one and relates new nodes to old ones.
    await importDataSet(db, { nodes: articleDataSet().nodes.filter((n) => n.id === 'toutiao' || n.label === 'Document'), relations: [] });
  });
  afterAll(() => db.close());

  it('shows readers nothing of it between its batches, then all of it', async () => {
    const before = await visible(db);
    let during: Record<string, unknown> | null = null;
    let staged = 0;
    const report = await importDataSet(db, edited(articleDataSet()), {
      ...STAGED,
      stagedHooks: {
        afterStagedBatch: async () => {
          staged = await count(db, 'MATCH (n:ImportStaging) RETURN count(n) AS c');
          during = await visible(db);
        },
      },
    });
    expect(report.mode).toBe('staged');
    expect(staged).toBeGreaterThan(0);
    expect(during).toEqual(before);
    const after = await graphCounts(db);
    expect(after.nodes.ImportStaging).toBeUndefined();
    expect(after.nodes.ImportRun).toBeUndefined();
    expect((await visible(db)).toutiao).toBe('edited');
    // The same graph as one transaction gives.
    await resetDb(db);
    await importDataSet(db, { nodes: articleDataSet().nodes.filter((n) => n.id === 'toutiao' || n.label === 'Document'), relations: [] });
    await importDataSet(db, edited(articleDataSet()));
    expect(await graphCounts(db)).toEqual(after);
  });

  it('loses a race for an id cleanly: the swap fails on the unique id, nothing shows, the retry merges', async () => {
    let raced = false;
    const report = await importDataSet(db, articleDataSet(), {
      ...STAGED,
      stagedHooks: {
        afterStagedBatch: async () => {
          if (raced) return;
          raced = true;
          // Another writer creates one of the ids this import has staged.
          await db.write("CREATE (:Entity:Enterprise {id: 'dalv', name: '大吕网络科技', sourceKind: 'CURATED', reason: 'race'})");
        },
      },
    });
    expect(raced).toBe(true);
    expect(report.mode).toBe('staged');
    expect(await count(db, "MATCH (n:Entity {id: 'dalv'}) RETURN count(n) AS c")).toBe(1);
    const counts = await graphCounts(db);
    expect(counts.nodes.ImportStaging).toBeUndefined();
    expect(counts.nodes.ImportRun).toBeUndefined();
  });

  it('a failure between batches leaves nothing, and nothing was visible', async () => {
    const before = await graphCounts(db);
    const shown = await visible(db);
    const seen: Record<string, unknown>[] = [];
    await expect(
      importDataSet(db, edited(articleDataSet()), {
        ...STAGED,
        stagedHooks: {
          afterStagedBatch: async () => {
            seen.push(await visible(db));
            throw new Error('injected failure');
          },
        },
      }),
    ).rejects.toThrow('injected failure');
    expect(await graphCounts(db)).toEqual(before);
    expect(seen).toEqual([shown]);
  });
});

describe('a swap too large for one transaction', () => {
  let db: Db;
  const base = (): DataSet => ({ nodes: articleDataSet().nodes.filter((n) => n.id === 'toutiao' || n.label === 'Document'), relations: [] });
  // The article data set has 100-odd new nodes: 60 rows a swap transaction makes several.
  const BATCHED = { ...STAGED, maxSwapTxRows: 60 };
  beforeAll(() => {
    db = testDb();
  });
  beforeEach(async () => {
    await resetDb(db);
    await importDataSet(db, base());
  });
  afterAll(() => db.close());

  it('shows new nodes batch by batch, each with all its relations to what is visible, the updates last; then all of it as one transaction gives', async () => {
    const ds = edited(articleDataSet());
    const views: Record<string, unknown>[] = [];
    await importDataSet(db, ds, {
      ...BATCHED,
      stagedHooks: {
        afterSwapBatch: async () => {
          const ids = new Set((await db.read('MATCH (n:Entity) RETURN n.id AS id')).map((r) => r.id as string));
          views.push({
            ...(await visible(db)),
            // No relation leads from a visible node to one that is not.
            toStaged: await count(db, 'MATCH (:Entity)-[r]-(n) WHERE NOT n:Entity RETURN count(r) AS c'),
            // Every relation of the data set between two visible nodes is there.
            missing: ds.relations.filter((r) => ids.has(r.from) && ids.has(r.to)).length - (await count(db, 'MATCH (:Entity)-[r]->(:Entity) RETURN count(r) AS c')),
          });
        },
      },
    });
    expect(views.length).toBeGreaterThan(2);
    expect(views.map((v) => [v.toStaged, v.missing])).toEqual(views.map(() => [0, 0]));
    const entities = views.map((v) => v.entities as number);
    expect([...entities].sort((a, b) => a - b)).toEqual(entities);
    expect(views.slice(0, -1).map((v) => v.toutiao)).not.toContain('edited');
    expect(views.at(-1)?.toutiao).toBe('edited');
    const after = await graphCounts(db);
    expect(await count(db, 'MATCH (n) WHERE n._importId IS NOT NULL RETURN count(n) AS c')).toBe(0);
    await resetDb(db);
    await importDataSet(db, base());
    await importDataSet(db, edited(articleDataSet()));
    expect(await graphCounts(db)).toEqual(after);
  });

  it('a failure or a recovery midway rolls back the nodes already shown too', async () => {
    const before = await graphCounts(db);
    await expect(
      importDataSet(db, edited(articleDataSet()), { ...BATCHED, stagedHooks: { afterSwapBatch: () => Promise.reject(new Error('injected failure')) } }),
    ).rejects.toThrow('injected failure');
    expect(await graphCounts(db)).toEqual(before);
    // Another process's start-up recovery takes the run for dead between two swap transactions.
    let recovered: unknown = null;
    await expect(
      importDataSet(db, edited(articleDataSet()), {
        ...BATCHED,
        stagedHooks: {
          afterSwapBatch: async (n) => {
            if (n === 1) recovered = await recoverStagedImports(db, { exclusive: true });
          },
        },
      }),
    ).rejects.toThrow(/rolled back meanwhile by a recovery/);
    expect(recovered).toMatchObject({ rolledBack: [expect.stringMatching(/^imp-/)] });
    expect(await graphCounts(db)).toEqual(before);
  });
});

describe('recovery knows a dead importer at once', () => {
  let db: Db;
  beforeAll(async () => {
    db = testDb();
    await resetDb(db);
  });
  afterAll(() => db.close());

  // What a killed staged import leaves: its run with a fresh heartbeat, and staged nodes.
  const leftover = async (id: string, pid: number, host = os.hostname()): Promise<void> => {
    await db.write('CREATE (:ImportRun {id: $id, heartbeat: timestamp(), committed: false, host: $host, pid: $pid})', { id, host, pid });
    await db.write("CREATE (a:ImportStaging {id: $id + '-a', _label: 'Enterprise', _importId: $id})-[:SUPPLIES]->(:ImportStaging {id: $id + '-b', _label: 'Enterprise', _importId: $id})", { id });
  };
  const deadPid = (): number => spawnSync(process.execPath, ['-e', '0']).pid as number;

  it('rolls back a run whose process on this machine is gone, keeps one that is alive', async () => {
    await leftover('imp-killed', deadPid());
    await leftover('imp-running', process.pid);
    await leftover('imp-elsewhere', 1, 'another-host');
    expect(await recoverStagedImports(db)).toEqual({ rolledBack: ['imp-killed'], finished: [] });
    expect(await count(db, "MATCH (n:ImportStaging {_importId: 'imp-killed'}) RETURN count(n) AS c")).toBe(0);
    expect(await count(db, 'MATCH (n:ImportStaging) RETURN count(n) AS c')).toBe(4);
  });

  it('at the start of the process that owns the database, rolls back every run', async () => {
    const r = await recoverStagedImports(db, { exclusive: true });
    expect(r.rolledBack.sort()).toEqual(['imp-elsewhere', 'imp-running']);
    const counts = await graphCounts(db);
    expect(counts.nodes).toEqual({});
    expect(counts.rels).toEqual({});
  });
});
