import type { KnownIds } from './district.ts';

type Query = { query: string; variables?: Record<string, unknown> };

/** One request of each shape the web view sends, by name. */
function shapes(k: KnownIds): Record<'enterprise' | 'search' | 'circle' | 'chain' | 'path' | 'growth' | 'page' | 'anchors', Query> {
  const anchor = k.anchors[0] ?? '';
  const firm = k.enterprises[Math.floor(k.enterprises.length / 2)] ?? '';
  return {
    enterprise: {
      query: 'query($id: ID!) { enterprise(id: $id) { id name isAnchor attracted { id name } upstream { id } downstream { id } park { id } segment { id } sources { kind } } }',
      variables: { id: anchor },
    },
    search: { query: 'query($q: String!) { search(query: $q, limit: 10) { id name } }', variables: { q: 'ke' } },
    circle: { query: 'query($a: ID!) { circle(anchorId: $a, depth: 2, asOf: "2019-06") { nodes { id } edges { id } } }', variables: { a: anchor } },
    chain: { query: 'query($e: ID!) { chain(enterpriseId: $e, depth: 3) { nodes { id } edges { id } } }', variables: { e: firm } },
    path: { query: 'query($f: ID!, $t: ID!) { path(fromId: $f, toId: $t) { nodes { id } } }', variables: { f: k.pathPair[0], t: k.pathPair[1] } },
    growth: { query: 'query($a: ID) { growth(anchorId: $a, interval: QUARTER) { period landed cumulative } }', variables: { a: anchor } },
    page: { query: '{ enterprises(first: 50) { totalCount edges { node { id name attracted { id } } } } }' },
    anchors: { query: '{ anchors { id name } }' },
  };
}

/** The read mix of the load and shutdown tests: one request of each shape the web view sends. */
export function readMix(k: KnownIds): Query[] {
  return Object.values(shapes(k));
}

/**
 * The quick shapes of the read mix (search, chain, path, the anchors): about 15 ms each on the test
 * district, so thousands of requests fit in seconds and memory kept per request adds up past the
 * noise of the heap. Every layer runs for them (HTTP, GraphQL, resolvers, the driver).
 */
export function quickMix(k: KnownIds): Query[] {
  const s = shapes(k);
  return [s.search, s.chain, s.path, s.anchors];
}
