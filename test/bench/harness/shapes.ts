import type { SampleIds } from './sampleIds.ts';

/** One request shape the API serves, as a client sends it. */
export interface Shape {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/**
 * The month the recruitment shapes ask about: inside the synthetic firms' arrivals (2014–2024), so
 * a scope holds many local firms and many candidates still outside.
 */
export const RECRUITMENT_AS_OF = '2022-06';

/** The three scopes of a recruitment question: the whole data set, one chain, one anchor's circle. */
export function recruitmentScopes(ids: SampleIds): { scope: string; args: { chainId?: string; anchorId?: string } }[] {
  return [
    { scope: 'district', args: {} },
    ...(ids.chainId ? [{ scope: 'chain', args: { chainId: ids.chainId } }] : []),
    { scope: 'anchor', args: { anchorId: ids.anchor } },
  ];
}

/** chainGaps and recruitmentTargets as of RECRUITMENT_AS_OF in each scope, as the leaders' desk asks them. */
export function recruitmentShapes(ids: SampleIds): Shape[] {
  return recruitmentScopes(ids).flatMap(({ scope, args }) => [
    {
      name: `recruitmentTargets ${scope} ${RECRUITMENT_AS_OF}`,
      query: `query($a: ID, $c: ID, $asOf: AsOf) { recruitmentTargets(anchorId: $a, chainId: $c, asOf: $asOf, limit: 10) {
        enterprise { id name } kind score reasonZh fillsGap { segment { id } status } } }`,
      variables: { a: args.anchorId ?? null, c: args.chainId ?? null, asOf: RECRUITMENT_AS_OF },
    },
    {
      name: `chainGaps ${scope} ${RECRUITMENT_AS_OF}`,
      query: `query($a: ID, $c: ID, $asOf: AsOf) { chainGaps(anchorId: $a, chainId: $c, asOf: $asOf) {
        chain { id } segments { segment { id name } status localCount outsideTies firms { id name } } } }`,
      variables: { a: args.anchorId ?? null, c: args.chainId ?? null, asOf: RECRUITMENT_AS_OF },
    },
  ]);
}

/** The API suite's shapes: enterprise (nested), search, circle, chain(depth: 3), path, growth, recruitmentTargets, then recruitmentShapes. */
export function apiShapes(ids: SampleIds): Shape[] {
  return [
    {
      name: 'enterprise (nested)',
      query: `query($id: ID!) { enterprise(id: $id) { id name nameEn isAnchor landedOn
        attracted { id name landedOn } attractedBy { id name } upstream { id name } downstream { id name }
        park { id name } segment { id name } } }`,
      variables: { id: ids.anchor },
    },
    { name: 'search', query: 'query($q: String!) { search(query: $q, limit: 10) { id name nameEn } }', variables: { q: ids.searchTerm } },
    {
      name: 'circle',
      query: 'query($a: ID!) { circle(anchorId: $a, depth: 2) { nodes { id label kind } edges { id source target type } } }',
      variables: { a: ids.anchor },
    },
    {
      name: 'chain(depth: 3)',
      query: 'query($e: ID!) { chain(enterpriseId: $e, direction: BOTH, depth: 3) { nodes { id label kind } edges { id source target type } } }',
      variables: { e: ids.firm },
    },
    {
      name: 'path',
      query: 'query($f: ID!, $t: ID!) { path(fromId: $f, toId: $t, maxLength: 6) { nodes { id label } edges { id source target type } } }',
      variables: { f: ids.pathFrom, t: ids.pathTo },
    },
    {
      name: 'growth',
      query: 'query($a: ID) { growth(anchorId: $a, interval: MONTH) { period landed cumulative investmentYuan } }',
      variables: { a: ids.anchor },
    },
    {
      name: 'recruitmentTargets',
      query: 'query($a: ID) { recruitmentTargets(anchorId: $a, limit: 10) { enterprise { id name } score } }',
      variables: { a: ids.anchor },
    },
    ...recruitmentShapes(ids),
  ];
}
