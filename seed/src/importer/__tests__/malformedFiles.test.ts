import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { graphCounts, resetDb, testDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import { loadArticleDataSet } from '../../article/loadArticleDataSet.ts';
import { readDataFiles } from '../../format/readDataFiles.ts';
import type { Problem } from '../../format/validateDataSet.ts';
import { ImportValidationError } from '../../format/validateDataSet.ts';
import { checkDataSet, importDataSet } from '../importDataSet.ts';

const dir = mkdtempSync(path.join(os.tmpdir(), 'seed-malformed-'));
function file(name: string, text: string): string {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}
const ok = { synthetic: false, sourceKind: 'CURATED', reason: 'a test fact' };
const firm = (id: string, extra: Record<string, unknown> = {}) => ({ id, label: 'Enterprise', name: `企业${id}`, ...ok, ...extra });
const json = (nodes: unknown[], relations: unknown[] = []) => JSON.stringify({ format: 'cangshan-graph/1', nodes, relations }, null, 1);

/** Reads the files and checks them against the database, as the CLI does: every problem, nothing written. */
async function problemsOf(db: Db, ...files: string[]): Promise<Problem[]> {
  const loaded = await readDataFiles(files);
  const { problems } = await checkDataSet(db, loaded.ds, { nodes: loaded.nodeOrigins, relations: loaded.relOrigins });
  return [...loaded.problems, ...problems];
}

describe('malformed input is reported in full and nothing is written', () => {
  let db: Db;
  let before: Awaited<ReturnType<typeof graphCounts>>;
  beforeAll(async () => {
    db = testDb();
    await resetDb(db);
    await loadArticleDataSet(db);
    before = await graphCounts(db);
  });
  afterAll(async () => {
    expect(await graphCounts(db)).toEqual(before);
    await db.close();
  });

  it('bad JSON: names the file and the line', async () => {
    const f = file('bad.json', '{"nodes": [\n{"id": "a", "label": "Enterprise"},\n{"id": "b" "label": "Enterprise"}\n]}');
    const p = await problemsOf(db, f);
    expect(p).toEqual([expect.objectContaining({ file: f, row: 3, reason: expect.stringMatching(/^bad JSON/) })]);
  });

  it('missing ids and missing relation ends', async () => {
    const f = file('missing.json', json([firm('ok-1'), { label: 'Enterprise', name: '无名', ...ok }], [{ type: 'SUPPLIES', from: 'ok-1', ...ok }]));
    const p = await problemsOf(db, f);
    expect(p).toContainEqual({ file: f, row: 2, field: 'id', reason: 'node: is missing' });
    expect(p).toContainEqual({ file: f, row: 1, field: 'to', reason: 'relation: is missing' });
  });

  it('unknown labels and relationship types', async () => {
    const f = file('unknown.json', json([{ ...firm('x-1'), label: 'Company' }], [{ type: 'OWNS', from: 'toutiao', to: 'dalv', ...ok }]));
    const p = await problemsOf(db, f);
    expect(p).toContainEqual(expect.objectContaining({ file: f, row: 1, field: 'label', reason: expect.stringContaining('"Company" is not a node label') }));
    expect(p).toContainEqual(expect.objectContaining({ file: f, row: 1, field: 'type', reason: expect.stringContaining('"OWNS" is not a relationship type') }));
  });

  it('dangling references, while references to nodes already in the database are fine', async () => {
    const f = file(
      'dangling.json',
      json(
        [firm('new-firm')],
        [
          { type: 'SUPPLIES', from: 'new-firm', to: 'toutiao', ...ok },
          { type: 'SUPPLIES', from: 'new-firm', to: 'no-such-firm', ...ok },
          { type: 'IN_SEGMENT', from: 'new-firm', to: 'toutiao', ...ok },
        ],
      ),
    );
    const p = await problemsOf(db, f);
    expect(p).toEqual([
      { file: f, row: 2, field: 'to', reason: 'relation: refers to "no-such-firm", which is neither in the data set nor in the database' },
      expect.objectContaining({ file: f, row: 3, field: 'type', reason: expect.stringContaining('IN_SEGMENT cannot join a Enterprise to a Enterprise') }),
    ]);
  });

  it('wrong date formats', async () => {
    const f = file('dates.json', json([firm('d-1', { landedOn: '2019/11' }), firm('d-2', { signedOn: '2019-13' }), firm('d-3', { landedOn: '2019-02-30' }), firm('d-4', { landedOn: '2019-11-05' })]));
    const p = await problemsOf(db, f);
    expect(p.map((x) => [x.row, x.field])).toEqual([
      [1, 'landedOn'],
      [2, 'signedOn'],
      [3, 'landedOn'],
    ]);
    expect(p[0]?.reason).toContain('ISO date');
  });

  it('duplicate ids, in the file and against a different label in the database', async () => {
    const f = file('dupes.json', json([firm('dup-1'), firm('dup-1'), { id: 'toutiao', label: 'Project', name: '头条', ...ok }]));
    const p = await problemsOf(db, f);
    expect(p).toContainEqual({ file: f, row: 2, field: 'id', reason: 'node: duplicate id "dup-1" (first at row 1)' });
    expect(p).toContainEqual({ file: f, row: 3, field: 'label', reason: 'node: id "toutiao" is a Enterprise in the database, not a Project' });
  });

  it('a bad row in the middle of a large CSV file: its line is named, every other row is fine, nothing is written', async () => {
    const lines = ['id,label,name,landedOn,local,synthetic,sourceKind,reason'];
    for (let i = 0; i < 5000; i++) lines.push(`big-${i},Enterprise,企业${i},${i === 2500 ? '2019-11-31' : '2019-11'},true,false,CURATED,from a big file`);
    const f = file('big.csv', lines.join('\n') + '\n');
    const loaded = await readDataFiles([f]);
    expect(loaded.ds.nodes).toHaveLength(5000);
    await expect(importDataSet(db, loaded.ds, { origins: { nodes: loaded.nodeOrigins, relations: loaded.relOrigins } })).rejects.toSatisfy(
      (e: unknown) => e instanceof ImportValidationError && e.problems.length === 1 && e.problems[0]?.row === 2502 && e.problems[0]?.field === 'landedOn' && e.problems[0]?.file === f,
    );
    expect(await graphCounts(db)).toEqual(before);
  });

  it('bad CSV cells: a non-number, a non-boolean, an unknown column, a short row', async () => {
    const f = file('cells.csv', 'id,label,name,revenueYuan,local,synthetic,sourceKind,reason\nc-1,Enterprise,甲,lots,true,false,CURATED,r\nc-2,Enterprise,乙,5,maybe,false,CURATED,r\nc-3,Enterprise\n');
    const g = file('cols.csv', 'id,label,name,colour\nc-9,Enterprise,丙,red\n');
    const p = await problemsOf(db, f, g);
    expect(p.map((x) => [path.basename(x.file ?? ''), x.row, x.field])).toEqual([
      ['cells.csv', 4, null],
      ['cols.csv', 1, 'colour'],
      ['cells.csv', 2, 'revenueYuan'],
      ['cells.csv', 3, 'local'],
    ]);
  });

  it('provenance: STATED without quotes, CURATED without a reason', async () => {
    const f = file('prov.json', json([{ id: 'p-1', label: 'Enterprise', name: '甲', synthetic: false, sourceKind: 'STATED', docId: 'doc-cangshan-investment-2020-04-20' }, { id: 'p-2', label: 'Enterprise', name: '乙', synthetic: false, sourceKind: 'CURATED' }]));
    const p = await problemsOf(db, f);
    expect(p.map((x) => [x.row, x.field])).toEqual([
      [1, 'quotes'],
      [2, 'reason'],
    ]);
  });

  it('the CLI prints every problem with file, row and field, exits 1, and writes nothing', async () => {
    const a = file('cli-a.json', json([firm('cli-1', { landedOn: '11/2019' })], [{ type: 'SUPPLIES', from: 'cli-1', to: 'nowhere', ...ok }]));
    const b = file('cli-b.json', '{"nodes": [}');
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'seed/src/cli/seedCli.ts', a, b], {
      env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.status, r.stderr).toBe(1);
    expect(r.stderr).toContain(`${a}, row 1, field landedOn: node: must be an ISO date`);
    expect(r.stderr).toContain(`${a}, row 1, field to: relation: refers to "nowhere"`);
    expect(r.stderr).toContain(`${b}, row 1: bad JSON`);
    expect(await graphCounts(db)).toEqual(before);
  });
});
