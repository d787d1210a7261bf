// The examples of docs/API.md are run, not just written: every ```graphql block that a ```json
// block follows is sent to the API over the article's data set, and its answer must equal the JSON
// shown. `UPDATE_DOC_EXAMPLES=1` rewrites the JSON blocks with the answers instead (then read the
// diff: a changed answer is a changed API).
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from './harness.ts';

const DOC = fileURLToPath(new URL('../../../docs/API.md', import.meta.url));
const UPDATE = process.env.UPDATE_DOC_EXAMPLES === '1';

interface Example {
  /** The heading the example sits under, and its position there. */
  title: string;
  query: string;
  /** Where the JSON block's text starts and ends in the file. */
  answer: { start: number; end: number; text: string };
}

/** Every graphql block followed (after blank lines only) by a json block. */
function docExamples(text: string): Example[] {
  const out: Example[] = [];
  // A block's text never holds a fence: a graphql block with no answer under it is skipped, not run
  // together with a later one.
  const re = /```graphql\n((?:(?!```)[\s\S])*)```\n\s*```json\n((?:(?!```)[\s\S])*)```/g;
  for (const m of text.matchAll(re)) {
    const before = text.slice(0, m.index);
    const heading = [...before.matchAll(/^#+ (.*)$/gm)].at(-1)?.[1] ?? '(top)';
    const n = out.filter((e) => e.title.startsWith(heading)).length + 1;
    const start = (m.index ?? 0) + m[0].length - 3 - (m[2]?.length ?? 0);
    out.push({ title: `${heading} #${n}`, query: m[1] ?? '', answer: { start, end: start + (m[2]?.length ?? 0), text: m[2] ?? '' } });
  }
  return out;
}

/** JSON laid out as the doc lays it out: one line when short, else one top-level key per line. */
function layout(value: unknown): string {
  const flat = JSON.stringify(value);
  if (flat.length <= 110) return `${flat}\n`;
  const top = value as Record<string, unknown>;
  const inner = Object.values(top)[0];
  if (Object.keys(top).length === 1 && inner && typeof inner === 'object' && !Array.isArray(inner)) {
    const key = Object.keys(top)[0] as string;
    const parts = Object.entries(inner as Record<string, unknown>).map(([k, v]) => ` ${JSON.stringify(k)}:${JSON.stringify(v)}`);
    return `{${JSON.stringify(key)}:{\n${parts.join(',\n')}}}\n`;
  }
  return `${JSON.stringify(value, null, 1)}\n`;
}

let h: Harness;
const text = readFileSync(DOC, 'utf8');
const examples = docExamples(text);

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('docs/API.md examples answer what they show', () => {
  it('has examples to check', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
  });

  it('every example, run against the article data set', async () => {
    let updated = text;
    const failures: string[] = [];
    // From the end, so that rewriting one answer leaves the offsets of those before it right.
    for (const ex of [...examples].reverse()) {
      const r = await h.gql(ex.query);
      const got = r.body.errors?.length ? { errors: r.body.errors.map((e) => e.message) } : r.body.data;
      let want: unknown;
      try {
        want = JSON.parse(ex.answer.text);
      } catch (e) {
        want = new Error((e as Error).message);
      }
      let same = false;
      try {
        expect(got).toEqual(want);
        same = true;
      } catch {
        same = false;
      }
      if (same) continue;
      // Only an answer that differs is rewritten, so the doc's own layout of the others stays.
      if (UPDATE) {
        updated = updated.slice(0, ex.answer.start) + layout(got) + updated.slice(ex.answer.end);
        continue;
      }
      if (want instanceof Error) failures.push(`${ex.title}: the doc's JSON does not parse (${want.message})`);
      else {
        failures.push(`${ex.title}:\n  query ${ex.query.trim().slice(0, 200)}\n  doc    ${JSON.stringify(want).slice(0, 400)}\n  answer ${JSON.stringify(got).slice(0, 400)}`);
      }
    }
    if (UPDATE) writeFileSync(DOC, updated);
    expect(failures, failures.join('\n\n')).toEqual([]);
  }, 120_000);
});
