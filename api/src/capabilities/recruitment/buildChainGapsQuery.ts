import type { CypherQuery } from '../../cypher/cypherQuery.ts';
import { gapRuleParam } from './gapStatus.ts';
import { isCandidate, scopeCypher, segmentsCypher, type ScopeKind } from './buildScope.ts';
import { asOfFragment } from '../../cypher/asOf.ts';

export interface ChainGapsArgs {
  /** The cursor at the end of its period (the AsOf scalar), never null here: the resolver defaults it to today. */
  asOf: string;
  chainId: string | null;
  anchorId: string | null;
  firmsPerSegment: number;
  /**
   * What-if: firms assumed to land at the cursor; their segments get `landing` (how many land in it)
   * and `landingTies` (the segment's outside ties that are ties with them, which would be met locally).
   */
  landingIds?: string[];
}

/**
 * One round-trip: every segment of the chain(s) in view with the scope's local firms as of the
 * cursor, its supply ties, its GAP / WEAK / STRONG status (gapStatus.ts), and — for the what-if —
 * how many of `$landingIds` would join it. Rows come ordered by chain, then segment (upstream first).
 */
export function buildChainGapsQuery(args: ChainGapsArgs): CypherQuery {
  const kind: ScopeKind = args.anchorId === null ? 'district' : 'anchor';
  const scope = scopeCypher(kind);
  const whatIf = args.landingIds !== undefined;
  const landingFirm = `f.id IN $landingIds AND NOT ${scope.has('f')} AND ${isCandidate('f')}`;
  const landing = whatIf
    ? `,
       COUNT { (s)<-[:IN_SEGMENT]-(f:Enterprise) WHERE ${landingFirm} } AS landing,
       COUNT { MATCH (s)<-[:IN_SEGMENT]-(f:Enterprise)-[r:SUPPLIES]-(l:Enterprise) WHERE ${landingFirm} AND ${asOfFragment.rel('r')} AND ${scope.has('l')} } AS landingTies`
    : '';
  const cypher = `${[scope.bind, segmentsCypher(scope)].filter(Boolean).join('\n')}
UNWIND segs AS g
WITH ${scope.carry}g, g.seg AS s
MATCH (ch:Chain)-[:HAS_SEGMENT]->(s)
RETURN ch {.id, .name, .nameEn, .order} AS chain, s {.id, .name, .nameEn, .order, .layer, .layerEn, .chainId} AS segment,
       g.figs AS figs, g.firms AS firms, g.firstLandedOn AS firstLandedOn, g.strongSince AS strongSince${landing}
ORDER BY chain.order, chain.id, segment.order, segment.id`;
  const params: Record<string, unknown> = {
    asOf: args.asOf,
    chainId: args.chainId,
    firmsPerSegment: args.firmsPerSegment,
    gapRule: gapRuleParam(),
  };
  if (kind === 'anchor') params.anchorId = args.anchorId;
  if (whatIf) params.landingIds = args.landingIds;
  return { cypher, params };
}
