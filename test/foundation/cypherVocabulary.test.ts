// Every label and relation type written in the Cypher of the server packages is one the model
// knows (@cangshan/model: NODE_LABELS, REL_TYPES, SYSTEM_LABELS). The Cypher text of a builder
// spells `-[:SUPPLIES]->` for the planner and the reader; this test is what keeps those spellings
// from drifting from the model: a typo, or a type the model dropped, fails here.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { NODE_LABELS, REL_TYPES, SYSTEM_LABELS } from '@cangshan/model';
import { REPO_ROOT } from '@cangshan/neo4j';
import { describe, expect, it } from 'vitest';

/** `[r:SUPPLIES|PART_OF*..3]`, `[:IN_SEGMENT]`: the types of a relationship pattern. */
const REL_PATTERN = /\[\w*:([A-Z][A-Z_]*(?:\|[A-Z][A-Z_]*)*)/g;
/** `(e:Entity:Enterprise {…})`, `(:Segment)`: the labels of a node pattern (TypeScript writes `(x: T)`, with a space). */
const NODE_PATTERN = /\(\w*((?::[A-Z][A-Za-z]+)+)/g;

/** The packages whose code sends Cypher; the web sends none, and the benchmark's scratch labels are its own. */
const ROOTS = ['neo4j/src', 'seed/src', 'api/src', 'test/eval', 'test/reliability'];

function sources(): { file: string; text: string }[] {
  return ROOTS.flatMap((root) =>
    readdirSync(path.join(REPO_ROOT, root), { recursive: true, encoding: 'utf8' })
      .filter((f) => /\.tsx?$/.test(f) && !f.includes('node_modules'))
      .map((f) => ({ file: path.join(root, f), text: readFileSync(path.join(REPO_ROOT, root, f), 'utf8') })),
  );
}

/** Every name a pattern captures, with the files it was found in. */
function spelled(files: { file: string; text: string }[], pattern: RegExp, split: (capture: string) => string[]): Map<string, Set<string>> {
  const found = new Map<string, Set<string>>();
  for (const { file, text } of files) {
    for (const m of text.matchAll(pattern)) {
      for (const name of split(m[1] ?? '')) found.set(name, (found.get(name) ?? new Set()).add(file));
    }
  }
  return found;
}

const unknown = (found: Map<string, Set<string>>, known: readonly string[]) =>
  [...found].filter(([name]) => !known.includes(name)).map(([name, files]) => `${name} (in ${[...files].join(', ')})`);

describe('the Cypher of every package speaks the model', () => {
  const files = sources();

  it('uses only relation types of the model', () => {
    const rels = spelled(files, REL_PATTERN, (c) => c.split('|'));
    expect(rels.size).toBeGreaterThan(5); // the scan sees the builders at all
    expect(unknown(rels, REL_TYPES)).toEqual([]);
  });

  it('uses only labels of the model and its bookkeeping', () => {
    const labels = spelled(files, NODE_PATTERN, (c) => c.split(':').filter(Boolean));
    expect(labels.has('Enterprise')).toBe(true);
    expect(unknown(labels, [...NODE_LABELS, ...SYSTEM_LABELS])).toEqual([]);
  });
});
