import { offsetToCursor } from 'graphql-relay';
import { describe, expect, it } from 'vitest';
import { libraryCursor } from '../peerParams.ts';
import { peerShapes, type PeerParams } from '../peerShapes.ts';
import { profiled } from '../profileStatements.ts';
import { firstDifference } from '../sameAnswer.ts';

const PARAMS: PeerParams = {
  anchor: 'toutiao',
  segmentId: 'seg-ai-chip',
  landedFrom: '2016',
  landedTo: '2019-12-31',
  deepAt: 5000,
  oursCursor: 'ZTpzeW4tZTA1MDAw',
  libraryCursor: 'YXJyYXljb25uZWN0aW9uOjQ5OTk=',
};

const shape = (prefix: string) => {
  const s = peerShapes(PARAMS).find((x) => x.name.startsWith(prefix));
  if (!s) throw new Error(`no shape ${prefix}`);
  return s;
};

describe('firstDifference', () => {
  it('finds equal answers equal whatever the key order', () => {
    expect(firstDifference({ id: 'a', name: '头条', list: [{ id: 'x', name: 'X' }] }, { list: [{ name: 'X', id: 'x' }], name: '头条', id: 'a' })).toBeNull();
  });

  it('treats list order as part of the answer', () => {
    expect(firstDifference([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'a' }])).toBe('$[0].id: "a" vs "b"');
  });

  it('names a missing item, a missing field and a type mismatch', () => {
    expect(firstDifference({ attracted: [{ id: 'a' }, { id: 'b' }] }, { attracted: [{ id: 'a' }] })).toBe('$.attracted: 2 items vs 1');
    expect(firstDifference({ id: 'a', name: 'A' }, { id: 'a' })).toBe('$.name: "A" vs missing');
    expect(firstDifference({ n: 3 }, { n: '3' })).toBe('$.n: 3 vs "3"');
    expect(firstDifference({ upstream: [] }, { upstream: null })).toBe('$.upstream: [] vs null');
  });
});

describe('the shapes map both servers onto one answer', () => {
  it('our enterprise(id) and the library\'s one-item list', () => {
    const s = shape('enterprise(id)');
    const firm = { id: 'toutiao', name: '今日头条', attracted: [{ id: 'f1', name: 'F1' }], upstream: [], downstream: [] };
    expect(firstDifference(s.normalise.ours({ enterprise: firm }), s.normalise.library({ enterprises: [firm] }))).toBeNull();
    expect(() => s.normalise.library({ enterprises: [] })).toThrow('answered 0 firms, not 1');
  });

  it('our nodes + pageInfo and the library\'s edges + pageInfo', () => {
    const s = shape('deep page');
    const ours = { enterprises: { nodes: [{ id: 'syn-e05000', name: '甲' }, { id: 'syn-e05001', name: '乙' }], pageInfo: { hasNextPage: true } } };
    const lib = { enterprisesConnection: { edges: [{ node: { id: 'syn-e05000', name: '甲' } }, { node: { id: 'syn-e05001', name: '乙' } }], pageInfo: { hasNextPage: true } } };
    expect(firstDifference(s.normalise.ours(ours), s.normalise.library(lib))).toBeNull();
    const shifted = { enterprisesConnection: { ...lib.enterprisesConnection, edges: lib.enterprisesConnection.edges.slice(1) } };
    expect(firstDifference(s.normalise.ours(ours), s.normalise.library(shifted))).toBe('$.nodes[0].id: "syn-e05000" vs "syn-e05001"');
  });

  it('a count: our totalCount and the library\'s', () => {
    const s = shape('filtered count');
    expect(firstDifference(s.normalise.ours({ enterprises: { totalCount: 640 } }), s.normalise.library({ enterprisesConnection: { totalCount: 640 } }))).toBeNull();
    expect(firstDifference(s.normalise.ours({ enterprises: { totalCount: 640 } }), s.normalise.library({ enterprisesConnection: { totalCount: 641 } }))).toBe('$: 640 vs 641');
  });

  it('the district counts: stats and three aliased aggregates', () => {
    const s = shape('district counts: firms, anchors, generated (ours: stats)');
    const agg = (n: number) => ({ aggregate: { count: { nodes: n } } });
    const lib = { enterprises: agg(1400), anchors: agg(8), synthetic: agg(1392) };
    expect(firstDifference(s.normalise.ours({ stats: { enterprises: 1400, anchors: 8, synthetic: 1392 } }), s.normalise.library(lib))).toBeNull();
    expect(firstDifference(s.normalise.ours({ stats: { enterprises: 1400, anchors: 9, synthetic: 1392 } }), s.normalise.library(lib))).toBe('$.anchors: 9 vs 8');
  });

  it('asks each side for the same page: the library gets our nested order and default page size', () => {
    const s = shape('enterprise(id)');
    expect(s.library.query).toContain('attracted(sort: [{ landedOn: ASC }, { id: ASC }], limit: 100)');
    expect(s.library.query).toContain('upstream(sort: [{ id: ASC }], limit: 100)');
    expect(s.ours.variables).toEqual(s.library.variables);
  });
});

describe('profiled', () => {
  it('puts PROFILE after the library\'s CYPHER 5 prefix, and first otherwise', () => {
    expect(profiled('CYPHER 5\nMATCH (this:Enterprise) RETURN this')).toBe('CYPHER 5\nPROFILE MATCH (this:Enterprise) RETURN this');
    expect(profiled('MATCH (e:Enterprise {id: $id}) RETURN e')).toBe('PROFILE MATCH (e:Enterprise {id: $id}) RETURN e');
  });
});

describe('libraryCursor', () => {
  it('is the cursor the library itself gives the item at an offset (graphql-relay, which it pages with)', () => {
    expect(libraryCursor(4999)).toBe(offsetToCursor(4999));
    expect(libraryCursor(0)).toBe('YXJyYXljb25uZWN0aW9uOjA=');
  });
});
