// The CSV the exporter writes is safe to open in a spreadsheet and still imports unchanged: text
// that would start a formula is written with a `'` mark that the reader takes off again, numbers
// stay numbers, and the file starts with a UTF-8 BOM.
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DataSet } from '@cangshan/model';
import { readDataFiles } from '../../format/readDataFiles.ts';
import { writeCsvFiles } from '../../format/writeDataFiles.ts';

const firm = (id: string, props: Record<string, unknown>) => ({ id, label: 'Enterprise' as const, synthetic: false, sourceKind: 'CURATED' as const, reason: 'test', ...props });

const ds: DataSet = {
  nodes: [
    firm('formula-firm', { name: '=HYPERLINK("http://evil.example","点我")', nameEn: '-5', aliases: ['@home', "'=already quoted", '普通'], description: '+86 591', revenueYuan: -5 }),
    firm('tab-firm', { name: '\tTabbed', nameEn: "'plain quote", origin: '—', revenueYuan: 1200 }),
  ] as DataSet['nodes'],
  relations: [{ type: 'SUPPLIES', from: 'formula-firm', to: 'tab-firm', since: '2020-01', synthetic: false, sourceKind: 'CURATED', reason: '=1+1' }],
};

describe('formula-like cells in the exported CSV', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'seed-formula-cells-'));

  it('are marked in the file, which starts with a BOM; numbers are not marked', async () => {
    const [nodes, rels] = await writeCsvFiles(dir, ds);
    const bytes = readFileSync(nodes!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""点我"")"`);
    expect(text).toContain(",'-5,"); // nameEn: text
    expect(text).toContain(",-5,"); // revenueYuan: a number
    expect(text).toContain("'@home|'=already quoted|普通");
    expect(text).toContain("'+86 591");
    expect(text).toContain("'\tTabbed");
    expect(text).toContain(",'plain quote,"); // a quote not before a formula character: untouched
    expect(readFileSync(rels!, 'utf8')).toContain(",'=1+1,");
    // No cell of either file starts with a character a spreadsheet evaluates, but for the number.
    for (const f of [nodes!, rels!]) {
      const cells = readFileSync(f, 'utf8').replace(/^\ufeff/, '').split(/\r\n/).flatMap((l) => l.split(','));
      expect(cells.filter((c) => /^"?[=+\-@\t\r]/.test(c))).toEqual(f === nodes ? ['-5'] : []);
    }
  });

  it('read back as they were written', async () => {
    const loaded = await readDataFiles([dir]);
    expect(loaded.problems).toEqual([]);
    const byId = new Map(loaded.ds.nodes.map((n) => [n.id, n]));
    expect(byId.get('formula-firm')).toMatchObject({ name: '=HYPERLINK("http://evil.example","点我")', nameEn: '-5', aliases: ['@home', "'=already quoted", '普通'], description: '+86 591', revenueYuan: -5 });
    expect(byId.get('tab-firm')).toMatchObject({ name: '\tTabbed', nameEn: "'plain quote", origin: '—', revenueYuan: 1200 });
    expect(loaded.ds.relations[0]).toMatchObject({ type: 'SUPPLIES', reason: '=1+1' });
  });
});
