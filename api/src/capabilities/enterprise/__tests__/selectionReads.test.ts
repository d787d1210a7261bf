// Reads that follow the selection (cypher/selectedProperties.ts), through the HTTP server over the
// article data set: narrower reads must never change an answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataOf, startHarness, type Harness } from '../../../__tests__/harness.ts';

let h: Harness;
let TOUTIAO: string;

beforeAll(async () => {
  h = await startHarness();
  TOUTIAO = (await h.db.read('MATCH (e:Enterprise {name: $name}) RETURN e.id AS id', { name: '今日头条' }))[0]?.id as string;
});
afterAll(() => h.close());

type Firm = Record<string, unknown>;

describe('reads follow the selection', () => {
  it('two selections of one list in one request each get what they asked (no shared narrow cache entry)', async () => {
    const d = dataOf(
      await h.gql(
        `query($id: ID!) { a: enterprise(id: $id) { attracted { id } } b: enterprise(id: $id) { attracted { id name landedOn local sourceKind } } }`,
        { id: TOUTIAO },
      ),
    );
    const narrow = (d.a as { attracted: Firm[] }).attracted;
    const wide = (d.b as { attracted: Firm[] }).attracted;
    expect(narrow.length).toBeGreaterThan(0);
    expect(wide.map((f) => f.id)).toEqual(narrow.map((f) => f.id));
    for (const f of wide) {
      expect(typeof f.name).toBe('string');
      expect(typeof f.local).toBe('boolean');
      expect(['STATED', 'CURATED', 'REGISTRY', 'SYNTHETIC']).toContain(f.sourceKind);
    }
  });

  it('a narrow selection answers like the full one, fragments and aliases included', async () => {
    const full = dataOf(await h.gql('query($id: ID!) { enterprise(id: $id) { upstream { id name local landedOn leftOn sourceKind synthetic } } }', { id: TOUTIAO }));
    const viaFragment = dataOf(
      await h.gql(
        `query($id: ID!) { enterprise(id: $id) { upstream { ...F here: local } } }
         fragment F on Enterprise { id name ... on Enterprise { sourceKind } }`,
        { id: TOUTIAO },
      ),
    );
    const want = ((full.enterprise as { upstream: Firm[] }).upstream).map((f) => ({ id: f.id, name: f.name, here: f.local, sourceKind: f.sourceKind }));
    expect((viaFragment.enterprise as { upstream: Firm[] }).upstream).toEqual(want);
  });

  it('a count alone (first: 0) gives the same total as a count with its page', async () => {
    const filter = { isAnchor: false, landedFrom: '2018' };
    const alone = dataOf(await h.gql('query($f: EnterpriseFilter) { enterprises(first: 0, filter: $f) { totalCount } }', { f: filter }));
    const withPage = dataOf(await h.gql('query($f: EnterpriseFilter) { enterprises(first: 5, filter: $f) { totalCount nodes { id } } }', { f: filter }));
    const total = (withPage.enterprises as { totalCount: number }).totalCount;
    expect(total).toBeGreaterThan(0);
    expect(alone.enterprises).toEqual({ totalCount: total });
  });
});
