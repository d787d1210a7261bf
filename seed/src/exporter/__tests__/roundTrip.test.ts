import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphCounts, resetDb, testDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import { loadArticleDataSet } from '../../article/loadArticleDataSet.ts';
import { readDataFiles } from '../../format/readDataFiles.ts';
import { writeCsvFiles, writeJsonFile } from '../../format/writeDataFiles.ts';
import { importDataSet } from '../../importer/importDataSet.ts';
import { exportGraph } from '../exportGraph.ts';

const EXAMPLES = path.resolve(import.meta.dirname, '../../../examples');

/** A canonical text dump of the graph: every node and relation with its properties, sorted. */
async function dump(db: Db): Promise<string> {
  const ds = await exportGraph(db);
  return JSON.stringify(ds);
}

describe('export → import into an empty database gives the same graph', () => {
  let db: Db;
  let counts: Awaited<ReturnType<typeof graphCounts>>;
  let canonical: string;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seed-roundtrip-'));
  beforeAll(async () => {
    db = testDb();
    await resetDb(db);
    await loadArticleDataSet(db);
    const ex = await readDataFiles([EXAMPLES]);
    expect(ex.problems).toEqual([]);
    await importDataSet(db, ex.ds);
    counts = await graphCounts(db);
    canonical = await dump(db);
  });
  afterAll(() => db.close());

  it('the graph holds the article data set and the example files', () => {
    expect(counts.nodes.Enterprise).toBe(19 + 3);
    expect(canonical).toContain('"bolt-speech"');
    expect(canonical).toContain('"employees":120');
  });

  it('via JSON', async () => {
    const file = path.join(dir, 'graph.json');
    await writeJsonFile(file, await exportGraph(db));
    await resetDb(db);
    const loaded = await readDataFiles([file]);
    expect(loaded.problems).toEqual([]);
    const report = await importDataSet(db, loaded.ds);
    expect(report.created.nodes.Enterprise).toBe(22);
    expect(await graphCounts(db)).toEqual(counts);
    expect(await dump(db)).toEqual(canonical);
    // Derived search fields are recomputed on import, so search still works after the trip.
    const hits = await db.read("CALL db.index.fulltext.queryNodes('enterprise_names_latin', 'jrtt') YIELD node RETURN node.id AS id");
    expect(hits.map((h) => h.id)).toContain('toutiao');
  });

  it('via CSV', async () => {
    const folder = path.join(dir, 'csv');
    await writeCsvFiles(folder, await exportGraph(db));
    await resetDb(db);
    const loaded = await readDataFiles([folder]);
    expect(loaded.problems).toEqual([]);
    await importDataSet(db, loaded.ds);
    expect(await graphCounts(db)).toEqual(counts);
    expect(await dump(db)).toEqual(canonical);
  });

  it('a second import of the export changes nothing', async () => {
    const file = path.join(dir, 'graph.json');
    const report = await importDataSet(db, (await readDataFiles([file])).ds);
    expect(report.created).toEqual({ nodes: {}, rels: {} });
    expect(report.updated).toEqual({ nodes: {}, rels: {} });
  });
});
