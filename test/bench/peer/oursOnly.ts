import type { SampleIds } from '../harness/sampleIds.ts';
import type { GraphQLRequest } from './peerShapes.ts';

/** A question our API answers that the library's generated schema cannot ask, and why. */
export interface OursOnly extends GraphQLRequest {
  name: string;
  why: string;
}

// The library generates, per type, lists and connections with filters, sorting, offset or cursor
// paging and aggregates, and follows one declared relationship per level of the selection. What
// needs more is written as Cypher by hand (`@cypher` fields), which is no longer the library's
// generated query — and would be our Cypher again.
const ASOF = '2019-06';

export function oursOnly(ids: SampleIds): OursOnly[] {
  return [
    {
      name: 'circle(anchor, depth 2, asOf)',
      query: 'query($a: ID!, $asOf: AsOf) { circle(anchorId: $a, depth: 2, asOf: $asOf) { nodes { id } edges { id } } }',
      variables: { a: ids.anchor, asOf: ASOF },
      why: 'every firm within 2 steps over four relation types in either direction, de-duplicated, each firm and tie counting as of a date, plus the ties among them: no variable-length traversal, no set of reached nodes, no "edges among a set"',
    },
    {
      name: 'chain(firm, BOTH, depth 3)',
      query: 'query($e: ID!) { chain(enterpriseId: $e, direction: BOTH, depth: 3) { nodes { id } edges { id } } }',
      variables: { e: ids.firm },
      why: 'suppliers and customers to any depth, de-duplicated: a client can nest `upstream` three levels but gets a tree with repeats, not the set and its ties',
    },
    {
      name: 'path(from, to, maxLength 6)',
      query: 'query($f: ID!, $t: ID!) { path(fromId: $f, toId: $t, maxLength: 6) { nodes { id } edges { id } } }',
      variables: { f: ids.pathFrom, t: ids.pathTo },
      why: 'a shortest path: no shortest-path or variable-length operation in the generated schema',
    },
    {
      name: 'growth(anchor, MONTH)',
      query: 'query($a: ID) { growth(anchorId: $a, interval: MONTH) { period landed departures net } }',
      variables: { a: ids.anchor },
      why: 'arrivals and departures per month over an anchor\'s circle: no grouping by a computed key (the month of a date at any precision) and no circle',
    },
    {
      name: 'stats byChain / byYear',
      query: '{ stats { byChain { chainId count } byYear { year count } } }',
      variables: {},
      why: 'counts grouped by the chain reached through segment → chain, and by landing year: aggregates are over one filtered set, not grouped by a related node or a computed key',
    },
    {
      name: 'chainGaps(chain)',
      query: 'query($c: ID) { chainGaps(chainId: $c) { gaps weak strong segments { status } } }',
      variables: { c: ids.chainId },
      why: 'per segment, the local firms as of a date and a GAP / WEAK / STRONG status: a computed classification, not a stored field',
    },
    {
      name: 'recruitmentTargets(anchor)',
      query: 'query($a: ID) { recruitmentTargets(anchorId: $a, limit: 10) { enterprise { id } score } }',
      variables: { a: ids.anchor },
      why: 'outside firms ranked by a weighted score over graph evidence (ties into the circle, gaps filled): scoring and ranking are our service\'s, not a filter or a sort on a property',
    },
    {
      name: 'search(name, any script)',
      query: 'query($q: String!) { search(query: $q, limit: 10) { id } }',
      variables: { q: ids.searchTerm },
      why: 'simplified, traditional, pinyin, initials, former names and credit codes, best first: the library\'s `@fulltext` can query one full-text index, but not our normalisation of the typed text, the exact-match boosts or the merging of indexes',
    },
  ];
}
