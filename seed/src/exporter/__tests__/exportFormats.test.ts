// `npm run export` against the real Neo4j with the article data: every format it writes is read
// back by the library that reads it (graphology-gexf, graphology-graphml, exceljs, our CSV reader)
// with the graph's node and relation counts; the filter keeps a consistent part; bad arguments
// are refused with a message.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import ExcelJS from 'exceljs';
import { MultiDirectedGraph } from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { resetDb, testDb } from '@cangshan/neo4j/testing';
import type { Db } from '@cangshan/neo4j';
import type { DataSet } from '@cangshan/model';
import { loadArticleDataSet } from '../../article/loadArticleDataSet.ts';
import { readDataFiles } from '../../format/readDataFiles.ts';
import { exportGraph } from '../exportGraph.ts';
import { filterDataSet } from '../filterDataSet.ts';

let db: Db;
let whole: DataSet;
const dir = mkdtempSync(path.join(os.tmpdir(), 'seed-export-formats-'));

function exportCli(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'seed/src/cli/exportCli.ts', ...args], {
    env: { ...process.env, NEO4J_URI: inject('neo4jUri') },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

async function xlsxRows(file: string): Promise<Record<string, unknown[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, unknown[][]> = {};
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    out[ws.name] = rows;
  });
  return out;
}

beforeAll(async () => {
  db = testDb();
  await resetDb(db);
  await loadArticleDataSet(db);
  whole = await exportGraph(db);
});
afterAll(() => db.close());

describe('npm run export', () => {
  it('writes GEXF, GraphML, xlsx, CSV and JSON of the whole graph, each read back with the same counts', async () => {
    const out = path.join(dir, 'all');
    const r = exportCli(out, '--format', 'gexf,graphml,xlsx,csv,json');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`Exported ${whole.nodes.length} nodes, ${whole.relations.length} relations`);
    expect(whole.nodes.length).toBeGreaterThan(100);

    const gexf = parseGexf(MultiDirectedGraph, readFileSync(path.join(out, 'graph.gexf'), 'utf8'));
    expect([gexf.order, gexf.size]).toEqual([whole.nodes.length, whole.relations.length]);
    expect(gexf.getNodeAttributes('toutiao')).toMatchObject({ label: '今日头条', nodeLabel: 'Enterprise', isAnchor: true });
    expect(gexf.hasEdge('ATTRACTED:toutiao->dalv')).toBe(true);
    expect(gexf.getEdgeAttribute('ATTRACTED:toutiao->dalv', 'type')).toBe('ATTRACTED');

    const graphml = parseGraphml(MultiDirectedGraph, readFileSync(path.join(out, 'graph.graphml'), 'utf8'));
    expect([graphml.order, graphml.size]).toEqual([whole.nodes.length, whole.relations.length]);
    expect(graphml.getNodeAttributes('dalv')).toMatchObject({ label: '大吕网络科技', nodeLabel: 'Enterprise', landedOn: '2019-07' });
    expect(graphml.source('ATTRACTED:toutiao->dalv')).toBe('toutiao');

    const sheets = await xlsxRows(path.join(out, 'graph.xlsx'));
    expect(Object.keys(sheets)).toEqual(['nodes', 'relations']);
    expect(sheets.nodes!.length - 1).toBe(whole.nodes.length);
    expect(sheets.relations!.length - 1).toBe(whole.relations.length);
    const head = sheets.nodes![0] as string[];
    const toutiao = sheets.nodes!.find((row) => row[0] === 'toutiao')!;
    expect(toutiao[head.indexOf('name')]).toBe('今日头条');
    expect(toutiao[head.indexOf('isAnchor')]).toBe(true);

    const nodesCsv = readFileSync(path.join(out, 'nodes.csv'));
    expect([...nodesCsv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = await readDataFiles([path.join(out, 'nodes.csv'), path.join(out, 'relations.csv')]);
    expect(csv.problems).toEqual([]);
    expect([csv.ds.nodes.length, csv.ds.relations.length]).toEqual([whole.nodes.length, whole.relations.length]);
    const json = await readDataFiles([path.join(out, 'graph.json')]);
    expect([json.ds.nodes.length, json.ds.relations.length]).toEqual([whole.nodes.length, whole.relations.length]);
  }, 180_000);

  it('exports a filtered part: the chain’s firms, what they are tied to, and the relations among them', async () => {
    const out = path.join(dir, 'content');
    const r = exportCli(out, '--format', 'graphml', '--filter', 'chainId=chain-content', '--filter', 'asOf=2019-08');
    expect(r.status, r.stderr).toBe(0);
    const part = filterDataSet(whole, { chainId: 'chain-content', asOf: '2019-08' });
    const g = parseGraphml(MultiDirectedGraph, readFileSync(path.join(out, 'graph.graphml'), 'utf8'));
    expect([g.order, g.size]).toEqual([part.nodes.length, part.relations.length]);
    const firms = g.filterNodes((_, a) => a.nodeLabel === 'Enterprise');
    // 今日头条 and 大吕 (landed 2019-07) are in the content chain by the end of 2019-08; Foxconn is not.
    expect(firms).toEqual(expect.arrayContaining(['toutiao', 'dalv']));
    expect(firms).not.toContain('fii');
    expect(firms.length).toBeLessThan(whole.nodes.filter((n) => n.label === 'Enterprise').length);
    g.forEachEdge((_e, _a, s, t) => expect(g.hasNode(s) && g.hasNode(t)).toBe(true));
  }, 120_000);

  it('refuses a bad format or filter with a message, and prints its usage on --help', () => {
    const bad = exportCli(path.join(dir, 'x'), '--format', 'pdf');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format: unknown pdf');
    const badFilter = exportCli(path.join(dir, 'x'), '--filter', 'colour=red');
    expect(badFilter.status).toBe(2);
    expect(badFilter.stderr).toMatch(/--filter "colour=red": expected key=value with key one of chainId/);
    const badDate = exportCli(path.join(dir, 'x'), '--filter', 'asOf=2019-13');
    expect(badDate.status).toBe(2);
    expect(badDate.stderr).toContain('--filter asOf:');
    const unknownOption = exportCli(path.join(dir, 'x'), '--colour');
    expect(unknownOption.status).toBe(2);
    expect(unknownOption.stderr).toContain("Unknown option '--colour'");
    const help = exportCli('--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('--format');
    expect(help.stdout).toContain('--filter');
  });

  it('names a filter id that matches nothing', () => {
    const r = exportCli(path.join(dir, 'y'), '--filter', 'chainId=chain-nope');
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('--filter chainId: no Chain with id "chain-nope"');
  });
});
