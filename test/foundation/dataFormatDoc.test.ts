import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_LABELS, type NodeLabel } from '@cangshan/model';
import { NODE_PROPS, REL_PROPS } from '@cangshan/model/records';
import { REPO_ROOT } from '@cangshan/neo4j';
import { readDataFiles } from '@cangshan/seed';

// docs/DATA-FORMAT.md, "Properties", must name every property the model types: a property added to
// model/src/records.ts (as weight, creditCode and leftOn were) without a line there fails here.

const doc = readFileSync(path.join(REPO_ROOT, 'docs/DATA-FORMAT.md'), 'utf8');
const start = doc.indexOf('\n## Properties\n');
const section = doc.slice(start, doc.indexOf('\n## ', start + 1));
/** Rows of the "Other labels" table: labels in the first cell, properties in the second. */
const rows = section.split('\n').filter((l) => /^\| [A-Z][a-z]+(, [A-Z][a-z]+)* \| `/.test(l));
const named = (cell: string): string[] => [...cell.matchAll(/`([A-Za-z]+)`/g)].map((m) => m[1]!);

describe('docs/DATA-FORMAT.md, "Properties"', () => {
  it('exists', () => {
    expect(start).toBeGreaterThan(0);
  });

  it('names every property of every label the model types', () => {
    const common = new Set(Object.keys(REL_PROPS.shape).filter((k) => ['synthetic', 'sourceKind', 'quotes', 'reason', 'docId'].includes(k)));
    const missing: string[] = [];
    /** The properties named in the first column of the table under the bold heading `title`. */
    const tableOf = (title: string): Set<string> => {
      const from = section.indexOf(`**${title}**`);
      expect(from, `a table headed **${title}**`).toBeGreaterThan(0);
      const to = section.indexOf('\n**', from + 1);
      const table = section.slice(from, to < 0 ? undefined : to);
      return new Set(table.split('\n').flatMap((l) => named(l.split('|')[1] ?? '')));
    };
    const enterprise = tableOf('Enterprise');
    const other = new Map<string, Set<string>>();
    for (const l of rows) {
      const cells = l.split('|').map((c) => c.trim());
      for (const label of (cells[1] ?? '').split(', ')) {
        const set = other.get(label) ?? new Set<string>();
        for (const p of named(cells[2] ?? '')) set.add(p);
        other.set(label, set);
      }
    }
    for (const label of NODE_LABELS as readonly NodeLabel[]) {
      const have = label === 'Enterprise' ? enterprise : (other.get(label) ?? new Set<string>());
      for (const prop of Object.keys(NODE_PROPS[label].shape)) {
        if (common.has(prop) || have.has(prop)) continue;
        missing.push(`${label}.${prop}`);
      }
    }
    const rel = tableOf('Relations');
    for (const prop of Object.keys(REL_PROPS.shape)) if (!common.has(prop) && !rel.has(prop)) missing.push(`relation.${prop}`);
    const every = tableOf('Every node and relation');
    for (const prop of common) if (!every.has(prop)) missing.push(`every record.${prop}`);
    expect(missing).toEqual([]);
  });

  it('names every source kind, REGISTRY among them', () => {
    expect(section).toMatch(/`STATED` \\\| `CURATED` \\\| `REGISTRY` \\\| `SYNTHETIC`/);
  });
});

describe('a CSV cell is read as its property’s type in the model (DATA-FORMAT.md, "CSV")', () => {
  it('reads weight and confidence, registry amounts and lists as numbers and lists, so they validate', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'cangshan-csv-types-'));
    try {
      writeFileSync(
        path.join(dir, 'nodes.csv'),
        'id,label,name,creditCode,formerNames,industryCodes,registeredCapitalAmount,insuredStaff,placementConfidence,synthetic,sourceKind,reason\n' +
          'acme,Enterprise,艾克姆,91350104MA2XN0Q16U,艾克姆旧名|艾克姆科技,I6513|I6520,500,12,0.8,false,CURATED,a test firm\n' +
          'bolt,Enterprise,博尔特,,,,,,,false,CURATED,another\n',
      );
      writeFileSync(path.join(dir, 'relations.csv'), 'type,from,to,weight,confidence,reviewedBy,synthetic,sourceKind,reason\nSUPPLIES,acme,bolt,0.5,,,false,CURATED,a tie\nIN_SEGMENT,acme,seg-ai-vision,,0.9,li,false,CURATED,placed\n');
      const { ds, problems } = await readDataFiles([dir]);
      expect(problems).toEqual([]);
      const acme = ds.nodes.find((n) => n.id === 'acme');
      expect(acme).toMatchObject({ formerNames: ['艾克姆旧名', '艾克姆科技'], industryCodes: ['I6513', 'I6520'], registeredCapitalAmount: 500, insuredStaff: 12, placementConfidence: 0.8 });
      expect(ds.relations.map((r) => [r.type, r.weight, r.confidence, r.reviewedBy])).toEqual([
        ['SUPPLIES', 0.5, undefined, undefined],
        ['IN_SEGMENT', undefined, 0.9, 'li'],
      ]);
      const { id: _id, label: _label, ...props } = acme ?? { id: '', label: 'Enterprise' };
      expect(NODE_PROPS.Enterprise.safeParse(props).success).toBe(true);
      for (const r of ds.relations) {
        const { type: _t, from: _f, to: _to, ...rp } = r;
        expect(REL_PROPS.safeParse(rp).success, r.type).toBe(true);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
