import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { DataSet } from '@cangshan/model';
import { ARRAY_DELIMITER, BulkCsvError, writeBulkCsv } from '../writeBulkCsv.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'bulk-csv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const firm = (id: string, extra: Record<string, unknown> = {}): DataSet['nodes'][number] =>
  ({ id, label: 'Enterprise', name: '星辰科技', nameEn: 'Star Chen Tech', aliases: ['星辰'], isAnchor: false, revenueYuan: 120000, sourceKind: 'SYNTHETIC', description: null, ...extra }) as DataSet['nodes'][number];

describe('writeBulkCsv', () => {
  it('writes the importer’s own properties with their types, one source per label and property set', async () => {
    const chunks: DataSet[] = [
      { nodes: [firm('e1'), firm('e2', { description: '他说："好"，\n第二行' })], relations: [{ type: 'SUPPLIES', from: 'e1', to: 'e2', since: '2020-01', weight: 1 }] },
      { nodes: [firm('e3', { aliases: [] })], relations: [{ type: 'SUPPLIES', from: 'e2', to: 'e3', since: null, weight: 0.35 }] },
    ];
    const csv = await writeBulkCsv(chunks, dir);
    expect(csv).toMatchObject({ nodes: 3, relations: 2, multiline: true });
    const nodeSources = csv.sources.filter((s) => s.kind === 'nodes');
    expect(nodeSources.map((s) => [s.name, s.rows])).toEqual([
      ['Entity:Enterprise', 1],
      ['Entity:Enterprise', 1],
      ['Entity:Enterprise', 1],
    ]);
    const [first] = nodeSources;
    const header = readFileSync(first?.header as string, 'utf8');
    // Derived search fields and the name key are there; the null description is not.
    expect(header.trim().split(',')).toEqual(expect.arrayContaining(['id:ID', 'aliases:string[]', 'isAnchor:boolean', 'revenueYuan:long', 'searchZh:string', 'searchLatin:string', 'nameKey:string']));
    expect(header).not.toContain('description');
    const line = readFileSync(first?.data as string, 'utf8');
    expect(line).toMatch(/^"e1",/);
    expect(line).toContain(',false,');
    expect(line).toContain(',120000,');
    // The second firm's description: quotes doubled, the line break kept inside the quotes.
    expect(readFileSync(nodeSources[1]?.data as string, 'utf8')).toContain('"他说：""好""，\n第二行"');
    // An empty list is not stored, as the online import does not store it.
    expect(readFileSync(nodeSources[2]?.header as string, 'utf8')).not.toContain('aliases');
    // weight 1 goes as an integer (the driver sends it so), 0.35 as a float: two sources.
    const relHeaders = csv.sources.filter((s) => s.kind === 'relationships').map((s) => readFileSync(s.header, 'utf8').trim());
    expect(relHeaders).toEqual([':START_ID,:END_ID,since:string,weight:long', ':START_ID,:END_ID,weight:double']);
  });

  it('joins a list with the unit separator, and refuses an element that holds it', async () => {
    const csv = await writeBulkCsv([{ nodes: [firm('e9', { aliases: ['甲', '乙'] })], relations: [] }], path.join(dir));
    expect(readFileSync(csv.sources[0]?.data as string, 'utf8')).toContain(`"甲${ARRAY_DELIMITER}乙"`);
    expect(csv.multiline).toBe(false);
    await expect(writeBulkCsv([{ nodes: [firm('e10', { aliases: [`甲${ARRAY_DELIMITER}乙`] })], relations: [] }], dir)).rejects.toThrow(BulkCsvError);
  });
});
