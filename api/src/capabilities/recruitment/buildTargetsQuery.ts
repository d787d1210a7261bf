import { asOfFragment } from '../../cypher/asOf.ts';
import { enterpriseProjection } from '../../cypher/enterpriseProjection.ts';
import { gapFillValue, gapRuleParam } from './gapStatus.ts';
import { TARGET_KINDS, VIA_UNITS, targetKindCypher, targetKindSubquery, type TargetKind } from './targetKind.ts';
import { TIE_PATTERN, isCandidate, scopeCypher, segmentsCypher, type ScopeKind } from './buildScope.ts';
import type { CypherQuery } from '../../cypher/cypherQuery.ts';
import type { CircleKinds, RecentArrivals } from './candidateLists.ts';
import {
  DEFAULT_WEIGHTS,
  FOCUS_PRIOR_TIES,
  HALF_SATURATION,
  RECENCY_MONTHS,
  RELATION_WEIGHTS,
  SIMILARITY_WINDOW_MONTHS,
  isoMonths,
  monthsBefore,
  validateSaturation,
  validateWeights,
  type FactorWeights,
  type Saturation,
} from './scoring.ts';

export interface TargetsArgs {
  /** The cursor at the end of its period (never null here: the resolver defaults it to today). */
  asOf: string;
  chainId: string | null;
  anchorId: string | null;
  limit: number;
  weights?: FactorWeights;
  /** Half-saturation constants (the backtest fits them); absent: HALF_SATURATION. */
  saturation?: Saturation;
  /** Only candidates of these kinds (NEW, EXPANSION, WIN_BACK: targetKind.ts); null or absent: every kind. */
  kinds?: readonly TargetKind[] | null;
  /** false: ranking only (the backtest) — no evidence subqueries after the LIMIT. */
  evidence?: boolean;
  /**
   * District scope only: every segment in view with its figures and status as of the cursor, read
   * off the segment timeline (segmentTimelines.ts, `timelineSegFigs`); the statement then takes them
   * as parameters instead of walking the district's supply ties for them.
   */
  segments?: { ids: string[]; figs: Record<string, unknown>[] } | null;
  /**
   * The candidates from the candidate lists (candidateLists.ts) instead of a walk over the scope's
   * ties: `list`, these node ids plus the gap picks (the check, `buildShortlistCheckQuery`);
   * `exact`, these node ids are the shortlist.
   */
  candidates?: { mode: 'list' | 'exact'; ids: readonly number[] } | null;
  /** District scope: the recent arrivals' histograms, read off the candidate lists at a month end. */
  recent?: RecentArrivals | null;
  /** Any scope: every anchor's followers by kind (node id → kinds) at the cursor, read off the candidate lists. */
  circles?: Record<string, CircleKinds> | null;
  /** District scope: every hub's [ties begun, ties to local firms] (node id → pair), read off the candidate lists at a month end. */
  hubs?: Record<string, [number, number]> | null;
  /**
   * Any scope: for each segment (by id), node ids among which its gap picks at the cursor are — read
   * off the candidate lists (`CandidateLists.gapPicksAt`); absent, each segment's firms are read.
   */
  gapPicks?: Record<string, number[]> | null;
  /**
   * Anchor scope: the circle's node ids at the cursor, worked out from the anchor's neighbourhood
   * (anchorBall.ts), instead of the circle built hop by hop in the statement. Empty: nobody counts.
   */
  scopeIds?: readonly number[] | null;
}

/** The circle bound from its node ids (`scopeIds`): the same `scope` list as `scopeCypher('anchor').bind` binds. */
const SCOPE_FROM_IDS = `// The circle's firms at the cursor, worked out from the anchor's neighbourhood (anchorBall.ts).
UNWIND $scopeIds AS sid
MATCH (x:Enterprise) WHERE id(x) = sid
WITH collect(x) AS scope
WITH scope WHERE size(scope) > 0`;

/** Bounds that keep one request's work small on a 100k-firm district (docs/RECRUITMENT.md, "Cost"). */
export const TARGET_LIMITS = {
  firmsPerSegment: 5,
  /** Firms with no tie at all enter the ranking only through a gap/weak segment: this many per segment. */
  gapCandidatesPerSegment: 50,
  /** Adamic–Adar (two hops) is computed for the best max(shortlistMin, limit × shortlistPerTarget) by the other factors. */
  shortlistMin: 500,
  shortlistPerTarget: 10,
  evidenceTies: 8,
  evidencePaths: 4,
} as const;

/** How many candidates the ranking shortlists for `limit` targets (Adamic–Adar and the rest run on these). */
export const shortlistSize = (limit: number): number => Math.max(TARGET_LIMITS.shortlistMin, limit * TARGET_LIMITS.shortlistPerTarget);

/** Months since year 0 of an ISO date, in Cypher (mirrors `isoMonths`). */
const monthsOf = (iso: string): string =>
  `(toInteger(substring(${iso}, 0, 4)) * 12 + CASE WHEN size(${iso}) >= 7 THEN toInteger(substring(${iso}, 5, 2)) ELSE 6 END)`;

/**
 * The shortlist's rows: each candidate with its direct-tie sums, best first by the optimistic score
 * (direct ties, recency, a gap pick counted as filling a gap), cut by `cut`. The candidates come
 * from a walk over the scope's ties (no `candidates`), or from the candidate lists' node ids
 * (candidateLists.ts): `list` sums the ties of those ids from their side and adds the gap picks;
 * `exact` takes the ids as the shortlist itself (the list check already chose them).
 */
function shortlistBody(
  args: TargetsArgs,
  scope: ReturnType<typeof scopeCypher>,
  imports: (...v: string[]) => string,
  cut: string,
  ret = 'c, anchorRaw, localRaw, customerRaw, customers, recency',
  filter = '',
): string {
  const rel = asOfFragment.rel;
  const mode = args.candidates?.mode ?? 'walk';
  const inChain = `($chainId IS NULL OR EXISTS { (c)-[:IN_SEGMENT]->(:Segment {chainId: $chainId}) })`;
  const tieRow = `    // A tie counts its type's weight × its own 'weight' (0–1) when it has one; same-group ties
    // (PART_OF) count once per candidate, however many of the group's units are local.
    // A supply tie that starts at the candidate makes the local firm its customer (customerTies).
    WITH c, l, type(r) = 'PART_OF' AS grp, type(r) = 'SUPPLIES' AND startNode(r) = c AS sells,
         toFloat($relWeights[type(r)]) * coalesce(toFloat(r.weight), 1.0) AS w, r.since AS since
    RETURN c, CASE WHEN l.isAnchor AND NOT grp THEN w ELSE 0.0 END AS a, CASE WHEN l.isAnchor OR grp THEN 0.0 ELSE w END AS b,
           CASE WHEN grp AND l.isAnchor THEN w ELSE 0.0 END AS ga, CASE WHEN grp AND NOT coalesce(l.isAnchor, false) THEN w ELSE 0.0 END AS gb,
           CASE WHEN sells THEN w ELSE 0.0 END AS cu, CASE WHEN sells THEN 1 ELSE 0 END AS cn,
           since, 0 AS gapPick`;
  // The picks among the firms the candidate lists name for each segment (candidateLists.ts,
  // `gapPicksAt`), or among all of the segment's firms (every one read: 0.8 M at 1M for 25 segments).
  const pickFrom = args.gapPicks
    ? `UNWIND coalesce($gapPicks[segId], []) AS pid
      MATCH (c:Enterprise) WHERE id(c) = pid AND ${isCandidate('c')}`
    : `MATCH (:Segment {id: segId})<-[:IN_SEGMENT]-(c:Enterprise) WHERE ${isCandidate('c')}`;
  const gapPicks = `    UNION ALL
    // … or one of the first $gapCandidates outside firms of a GAP/WEAK segment.
    UNWIND gapSegIds AS segId
    CALL (segId) {
      ${pickFrom}
      RETURN c ORDER BY c.id LIMIT $gapCandidates
    }
    RETURN c, 0.0 AS a, 0.0 AS b, 0.0 AS ga, 0.0 AS gb, 0.0 AS cu, 0 AS cn, null AS since, 1 AS gapPick`;
  const source =
    mode === 'walk'
      ? `    ${scope.eachTiedTo('l')}
    MATCH (l)-[r:${TIE_PATTERN}]-(c:Enterprise)
    WHERE ${rel('r')} AND ${isCandidate('c')}
      AND ${inChain}
${tieRow}
${gapPicks}`
      : mode === 'list'
        ? `    // The candidate lists' firms (node ids, stable within the data version the lists were read at).
    UNWIND $candidateIds AS cid
    MATCH (c:Enterprise) WHERE id(c) = cid AND ${isCandidate('c')} AND ${inChain}
    MATCH (c)-[r:${TIE_PATTERN}]-(l:Enterprise) WHERE ${rel('r')} AND ${scope.has('l')}
${tieRow}
${gapPicks}`
        : `    // The shortlist itself, chosen by the candidate lists' check (a firm with no tie: a gap pick).
    UNWIND $candidateIds AS cid
    MATCH (c:Enterprise) WHERE id(c) = cid
    OPTIONAL MATCH (c)-[r:${TIE_PATTERN}]-(l:Enterprise) WHERE ${rel('r')} AND ${scope.has('l')}
${tieRow}`;
  return `  CALL (${imports('gapSegIds')}) {
${source}
  }
  // ISO prefixes order as strings: the newest dated tie is the max, parsed once per candidate.
  WITH c, sum(a) + max(ga) AS anchorRaw, sum(b) + max(gb) AS localRaw, sum(cu) AS customerRaw, sum(cn) AS customers,
       max(since) AS newest, max(gapPick) AS gapPick
  WHERE $kinds IS NULL OR ${targetKindCypher('c')} IN $kinds
  WITH c, anchorRaw, localRaw, customerRaw, customers, gapPick,
       CASE WHEN newest IS NULL THEN 0.0 ELSE exp(-1.0 * ($asOfMonth - ${monthsOf('newest')}) / $recencyMonths) END AS recency
  // Shortlist on the direct ties (a gap pick counted as if it filled a gap). Rows, not a collected
  // list: a list of maps holding nodes, or indexed by row, outgrew the 1 GiB transaction memory
  // limit on the 100k district, where 40k firms are tied to local ones.
  WITH c, anchorRaw, localRaw, customerRaw, customers, recency,
       $weights.anchorTies * anchorRaw / (anchorRaw + toFloat($half.anchorTies)) +
       $weights.localTies * localRaw / (localRaw + toFloat($half.localTies)) +
       $weights.customerTies * customerRaw / (customerRaw + toFloat($half.customerTies)) +
       $weights.recency * recency + $weights.gapFill * gapPick AS optimistic${filter ? `
  WITH * WHERE ${filter}` : ''}
  // Ordered in the RETURN: as a WITH … ORDER BY … LIMIT, the planner kept the Top inside the
  // per-row Apply and it outgrew the 716 MiB transaction limit of a 1 GiB heap on the 100k district.
  RETURN ${ret} ORDER BY optimistic DESC, c.id ASC ${cut}`;
}

/**
 * One round-trip ranks the candidates of a scope: the firms not landed by the cursor that are tied
 * to the scope's local firms, plus up to `$gapCandidates` firms of each GAP/WEAK segment. Every
 * factor is computed here from what was known at the cursor (ties begun by then, firms landed by
 * then), combined with the weights passed as parameters, ordered and limited in Neo4j; only the
 * top `$limit` get their evidence (the connecting ties and two-step paths with their sources).
 */
export function buildTargetsQuery(args: TargetsArgs): CypherQuery {
  const kind: ScopeKind = args.anchorId === null ? 'district' : 'anchor';
  const scope = scopeCypher(kind);
  const rel = asOfFragment.rel;
  const weights = args.weights ?? DEFAULT_WEIGHTS;
  validateWeights(weights);
  const saturation = args.saturation ?? HALF_SATURATION;
  validateSaturation(saturation);
  const withEvidence = args.evidence ?? true;

  const sc = scope.carry;
  const imports = (...vars: string[]): string => [sc.replace(/, $/, ''), ...vars].filter(Boolean).join(', ');
  const given = kind === 'district' && args.segments != null;
  const segmentPart = given
    ? '// Every segment in view with its figures and status, as of the cursor (the segment timeline).\nWITH $segIds AS segIds, $segFigs AS segFigs'
    : segmentsCypher(scope, true);
  const recentPart = given && args.recent
    ? '// Recent arrivals of the scope, by segment and by origin (similarity): read off the candidate lists.\nWITH segIds, segFigs, $segCounts AS segCounts, $segMax AS segMax, $originCounts AS originCounts, $originMax AS originMax\n'
    : `// Recent arrivals of the scope: the segments and origins it has drawn in lately (similarity).
CALL (${imports()}) {
  ${kind === 'district' ? `MATCH (r:Enterprise) WHERE r.landedOn > $recentFrom AND ${asOfFragment.nodeAtCursor('r')}` : 'UNWIND scope AS r\n  WITH r WHERE r.landedOn > $recentFrom'}
  OPTIONAL MATCH (r)-[:IN_SEGMENT]->(rs:Segment)
  // Counted by (segment, origin) pair first: a few hundred rows, where lists of every arrival's
  // segment and origin (180k at 1M) stayed in the plan's slots and rode along every row of the
  // shortlist's Top (380 MB for 50 rows), past the 716 MiB transaction limit of a 1 GiB heap.
  WITH rs.id AS sid, r.origin AS o, count(*) AS n
  WITH collect({sid: sid, o: o, n: n}) AS pairs
  CALL (pairs) {
    UNWIND pairs AS p WITH p WHERE p.sid IS NOT NULL
    WITH p.sid AS id, sum(p.n) AS n
    RETURN collect({key: id, n: n}) AS segCounts, max(n) AS segMax
  }
  CALL (pairs) {
    UNWIND pairs AS p WITH p WHERE p.o IS NOT NULL
    WITH p.o AS o, sum(p.n) AS n
    RETURN collect({key: o, n: n}) AS originCounts, max(n) AS originMax
  }
  RETURN segCounts, segMax, originCounts, originMax
}
`;
  const similarityPart =
    // Any scope: an anchor's followers do not depend on it.
    args.circles
      ? `CALL (${imports('likelyAnchor', 'group')}) {
  // The anchor's followers by kind, read off the candidate lists.
  WITH group, CASE WHEN likelyAnchor IS NULL THEN null ELSE $circles[toString(id(likelyAnchor))] END AS h
  UNWIND group AS g
  WITH g, h, g.c AS c
  WITH g, h, c.origin AS origin, [(c)-[:IN_SEGMENT]->(x:Segment) | x.id] AS segOfC
  RETURN g, coalesce(h.n, 0) AS followers,
         CASE WHEN h IS NULL THEN 0 ELSE reduce(n = 0, i IN range(0, size(h.segs) - 1) | n + CASE WHEN any(x IN h.segs[i] WHERE x IN segOfC) THEN h.segN[i] ELSE 0 END) END AS sameSegment,
         CASE WHEN h IS NULL THEN 0 ELSE reduce(n = 0, i IN range(0, size(h.origins) - 1) | n + CASE WHEN h.origins[i] = origin THEN h.originN[i] ELSE 0 END) END AS sameOrigin
}
`
      : `CALL (${imports('likelyAnchor', 'group')}) {
  OPTIONAL MATCH (likelyAnchor)-[r2:ATTRACTED]->(f:Enterprise) WHERE ${rel('r2')} AND ${asOfFragment.node('f')}
  // Counted by (segments, origin) first: an anchor of a province has thousands of followers, and
  // each of its candidates is compared with a few dozen kinds of follower instead of every one.
  WITH [(f)-[:IN_SEGMENT]->(x:Segment) | x.id] AS segs, f.origin AS origin, count(f) AS k
  WITH collect(CASE WHEN k = 0 THEN null ELSE {segs: segs, origin: origin, k: k} END) AS circle
  UNWIND group AS g
  WITH g, circle, g.c AS c
  WITH g, circle, c.origin AS origin, [(c)-[:IN_SEGMENT]->(x:Segment) | x.id] AS segOfC
  RETURN g, reduce(n = 0, f IN circle | n + f.k) AS followers,
         reduce(n = 0, f IN circle | n + CASE WHEN any(x IN f.segs WHERE x IN segOfC) THEN f.k ELSE 0 END) AS sameSegment,
         reduce(n = 0, f IN circle | n + CASE WHEN f.origin = origin THEN f.k ELSE 0 END) AS sameOrigin
}
`;
  const bind = kind === 'anchor' && args.scopeIds ? SCOPE_FROM_IDS : scope.bind;
  const ranking = `${[bind, segmentPart].filter(Boolean).join('\n')}
${recentPart}// Candidates and their direct ties in one pass from the scope's side: not landed by the cursor and
// tied to a local firm (weighted by type, anchors apart; recency of the newest dated tie) …
WITH ${sc}segIds, segFigs, segCounts, segMax, originCounts, originMax,
     [i IN range(0, size(segIds) - 1) WHERE segFigs[i].status <> 'STRONG' | segIds[i]] AS gapSegIds
// The shortlist is built inside one subquery that imports only what it needs, so the 10k–40k
// candidate rows carry no lists (Neo4j accounts a carried list on every row).
CALL (${imports('gapSegIds')}) {
${shortlistBody(args, scope, imports, 'LIMIT $shortlist')}
}
// Focus: how many of its ties (as of the cursor) go to the scope's firms, of how many in all — a
// hub tied everywhere has many of both, a supplier committed to the scope mostly the first.
CALL (${imports('c')}) {
  OPTIONAL MATCH (c)-[r:${TIE_PATTERN}]-(o:Enterprise) WHERE ${rel('r')}
  RETURN count(CASE WHEN ${scope.has('o')} THEN 1 END) AS focusTies, count(o) AS degree
}
// Its segment in view, the neediest first (GAP, WEAK, then the fewest firms): what landing it would fill.
CALL (c, segIds, segFigs) {
  OPTIONAL MATCH (c)-[:IN_SEGMENT]->(cs:Segment)
  WITH cs, [i IN range(0, size(segIds) - 1) WHERE segIds[i] = cs.id][0] AS i
  WITH cs, i, segFigs[i] AS gn
  RETURN CASE WHEN i IS NULL THEN null ELSE cs END AS gs, gn
  ORDER BY i IS NULL, CASE gn.status WHEN 'GAP' THEN 0 WHEN 'WEAK' THEN 1 ELSE 2 END, gn.n LIMIT 1
}
// Its likely anchor: the local anchor it is most strongly tied to, whose circle it would join.
CALL (${imports('c')}) {
  OPTIONAL MATCH (c)-[r:${TIE_PATTERN}]-(a:Enterprise {isAnchor: true})
  WHERE ${rel('r')} AND ${scope.has('a')}
  RETURN a AS likelyAnchor ORDER BY coalesce(toFloat(r.weight), 1.0) DESC, a.id LIMIT 1
}
// Similarity to that anchor's circle: the share of its followers (as of the cursor) with the
// candidate's segment, and with its origin. Grouped by anchor, so each anchor's followers are read
// once for all its candidates (a few dozen anchors), not once per candidate (the shortlist's 500).
WITH ${sc}likelyAnchor, segCounts, segMax, originCounts, originMax,
     collect({c: c, gs: gs, gn: gn, anchorRaw: anchorRaw, localRaw: localRaw, customerRaw: customerRaw, customers: customers, recency: recency,
              focusTies: focusTies, degree: degree}) AS group
${similarityPart}// Without a likely anchor with followers: resemblance to the scope's recent arrivals instead.
WITH ${sc}g.c AS c, g.gs AS gs, g.gn AS gn, g.anchorRaw AS anchorRaw, g.localRaw AS localRaw, g.customerRaw AS customerRaw, g.customers AS customers,
     g.recency AS recency, g.focusTies AS focusTies, g.degree AS degree,
     likelyAnchor, followers > 0 AS byCircle,
     CASE WHEN g.gs IS NULL THEN 0.0 ELSE toFloat($gapValues[g.gn.status]) END AS gapFill,
     CASE WHEN followers > 0 THEN toFloat(sameSegment) / followers
          WHEN g.gs IS NULL OR segMax IS NULL THEN 0.0
          ELSE toFloat(coalesce([x IN segCounts WHERE x.key = g.gs.id | x.n][0], 0)) / segMax END AS simSegment,
     CASE WHEN followers > 0 THEN toFloat(sameOrigin) / followers
          WHEN g.c.origin IS NULL OR originMax IS NULL THEN 0.0
          ELSE toFloat(coalesce([x IN originCounts WHERE x.key = g.c.origin | x.n][0], 0)) / originMax END AS simOrigin
WITH ${sc}{c: c, gs: gs, gn: gn, likelyAnchor: likelyAnchor, byCircle: byCircle, anchorRaw: anchorRaw, localRaw: localRaw,
       customerRaw: customerRaw, customers: customers, simSegment: simSegment, simOrigin: simOrigin, focusTies: focusTies, degree: degree, v: {
         anchorTies: anchorRaw / (anchorRaw + toFloat($half.anchorTies)),
         localTies: localRaw / (localRaw + toFloat($half.localTies)),
         gapFill: gapFill,
         similarity: (simSegment + simOrigin) / 2.0,
         recency: recency,
         focus: toFloat(focusTies) / (degree + $focusPrior),
         customerTies: customerRaw / (customerRaw + toFloat($half.customerTies))
       }} AS s
// Adamic–Adar between the candidate and the scope: each neighbour z it shares with local firms is
// worth (z's ties to local firms) / log(z's degree), both as of the cursor. Grouped by z, so a hub
// tied to many candidates has its ties read once, not once per candidate.
WITH ${sc}collect(s) AS short
CALL (${imports('short')}) {
  UNWIND short AS s
  WITH s, s.c AS c
  OPTIONAL MATCH (c)-[r1:${TIE_PATTERN}]-(z:Enterprise)
  WHERE ${rel('r1')}
  WITH z, collect(DISTINCT s) AS ss
  ${
    given && args.hubs
      ? `// A hub's two counts are read off the candidate lists; any other neighbour's are counted here.
  WITH z, ss, CASE WHEN z IS NULL THEN null ELSE $hubs[toString(id(z))] END AS hub
  CALL (${imports('z', 'hub')}) {
    WITH z, hub WHERE hub IS NULL
    OPTIONAL MATCH (z)-[r2:${TIE_PATTERN}]-(o:Enterprise) WHERE ${rel('r2')}
    RETURN z AS zz, count(o) AS dz, count(CASE WHEN ${scope.has('o')} THEN 1 END) AS nl
    UNION ALL
    WITH z, hub WHERE hub IS NOT NULL
    RETURN z AS zz, hub[0] AS dz, hub[1] AS nl
  }`
      : `CALL (${imports('z')}) {
    OPTIONAL MATCH (z)-[r2:${TIE_PATTERN}]-(o:Enterprise) WHERE ${rel('r2')}
    RETURN count(o) AS dz, count(CASE WHEN ${scope.has('o')} THEN 1 END) AS nl
  }`
  }
  WITH ss, CASE WHEN nl = 0 OR dz < 2 THEN 0.0 ELSE toFloat(nl) / log(toFloat(dz)) END AS w
  UNWIND ss AS s
  RETURN s, sum(w) AS aaRaw
}
WITH ${sc}s.c AS c, s.gs AS gs, s.gn AS gn, s.anchorRaw AS anchorRaw, s.localRaw AS localRaw, s.customerRaw AS customerRaw, s.customers AS customers,
     s.simSegment AS simSegment, s.simOrigin AS simOrigin,
     s.focusTies AS focusTies, s.degree AS degree, s.likelyAnchor AS likelyAnchor, s.byCircle AS byCircle, s.v AS partialValues, aaRaw
WITH ${sc}c, gs, gn, anchorRaw, localRaw, customerRaw, customers, simSegment, simOrigin, focusTies, degree, likelyAnchor, byCircle, aaRaw,
     partialValues {.*, adamicAdar: aaRaw / (aaRaw + toFloat($half.adamicAdar))} AS v
WITH ${sc}c, gs, gn, anchorRaw, localRaw, customerRaw, customers, simSegment, simOrigin, focusTies, degree, likelyAnchor, byCircle, aaRaw, v,
     $weights.anchorTies * v.anchorTies + $weights.localTies * v.localTies + $weights.gapFill * v.gapFill +
     $weights.similarity * v.similarity + $weights.recency * v.recency + $weights.adamicAdar * v.adamicAdar +
     $weights.focus * v.focus + $weights.customerTies * v.customerTies AS score
ORDER BY score DESC, c.id ASC
LIMIT $limit
WITH ${sc}collect({c: c, gs: gs, gn: gn, v: v, score: score,
     raw: {anchorTies: anchorRaw, localTies: localRaw, adamicAdar: aaRaw, customerTies: customerRaw, customers: customers,
           simSegment: simSegment, simOrigin: simOrigin, byCircle: byCircle, focusTies: focusTies, degree: degree,
           likelyAnchor: likelyAnchor {.id, .name, .nameEn}}}) AS top
${
  kind === 'anchor'
    ? `// The segments the targets would fill, each with its circle's firms in it: read once from the
// circle's side for all targets (from the segment's side, each target read all of its segment's
// firms: 1.0 M db hits for ten targets at 1M).
CALL (scope, top) {
  UNWIND scope AS e
  MATCH (e)-[:IN_SEGMENT]->(s) WHERE s IN [t IN top | t.gs]
  WITH s, e ORDER BY e.landedOn, e.id
  WITH s, collect(e) AS es
  RETURN collect({seg: s, firms: [x IN es[..$firmsPerSegment] | ${enterpriseProjection('x')}],
                  firstLandedOn: es[0].landedOn, strongSince: es[$gapRule.strongMin - 1].landedOn}) AS segFirms
}
`
    : ''
}UNWIND range(0, size(top) - 1) AS i
WITH ${sc}${kind === 'anchor' ? 'segFirms, ' : ''}i + 1 AS rank, top[i] AS t, top[i].c AS c, top[i].gs AS s`;

  const evidence = `
// Evidence for the top few: the ties themselves, and two-step paths through firms outside the scope.
CALL (${imports('c')}) {
  OPTIONAL MATCH (c)-[r:${TIE_PATTERN}]-(l:Enterprise)
  WHERE ${rel('r')} AND ${scope.has('l')}
  WITH r, l ORDER BY l.isAnchor DESC, $relWeights[type(r)] DESC, l.id LIMIT $evidenceTies
  RETURN collect(CASE WHEN r IS NULL THEN null ELSE {
           rel: r {type: type(r), from: startNode(r).id, to: endNode(r).id, .since, .sourceKind, .quotes, .reason, .synthetic},
           other: l {.id, .name, .nameEn, .isAnchor, .landedOn, .leftOn, .synthetic, .local}
         } END) AS ties
}
CALL (${imports('c')}) {
  OPTIONAL MATCH (c)-[r1:${TIE_PATTERN}]-(z:Enterprise)-[r2:${TIE_PATTERN}]-(l:Enterprise)
  WHERE NOT ${scope.has('z')} AND l <> c AND ${rel('r1')} AND ${rel('r2')} AND ${scope.has('l')}
  WITH r1, z, r2, l ORDER BY l.isAnchor DESC, z.id, l.id LIMIT $evidencePaths
  RETURN collect(CASE WHEN r1 IS NULL THEN null ELSE {
           via: z {.id, .name, .nameEn, .isAnchor, .landedOn, .leftOn, .synthetic, .local},
           other: l {.id, .name, .nameEn, .isAnchor, .landedOn, .leftOn, .synthetic, .local},
           rels: [x IN [r1, r2] | x {type: type(x), from: startNode(x).id, to: endNode(x).id, .since, .sourceKind, .quotes, .reason, .synthetic}]
         } END) AS paths
}`;

  // With the segment timeline, the service fills the segment's first firms from it (`segmentFirmsFromTimeline`):
  // read here, they are every local firm of the segment sorted (≈ 20k each at 1M, 1.2 s for ten targets).
  const segmentFirmsPart = given
    ? ''
    : kind === 'anchor'
      ? `// The segment it would fill, with the circle's firms in it (segFirms, read above for all targets).
WITH *, [x IN segFirms WHERE x.seg = s][0] AS sf
WITH *, coalesce(sf.firms, []) AS firms, sf.firstLandedOn AS firstLandedOn, sf.strongSince AS strongSince
`
      : `// The segment it would fill, in full, for the few targets returned, and its own supply ties with
// the scope (met locally once it lands: its status if landed).
CALL (${imports('s')}) {
  OPTIONAL MATCH (s)<-[:IN_SEGMENT]-(e:Enterprise) WHERE ${scope.has('e')}
  WITH e ORDER BY e.landedOn, e.id
  WITH collect(e) AS es
  RETURN [x IN es[..$firmsPerSegment] | ${enterpriseProjection('x')}] AS firms,
         es[0].landedOn AS firstLandedOn, es[$gapRule.strongMin - 1].landedOn AS strongSince
}
`;
  const projection = `
// Its kind (new, expansion of a group already here, win-back) and the units that tie it.
${targetKindSubquery('c', imports('c'))}
${segmentFirmsPart}OPTIONAL MATCH (ch:Chain)-[:HAS_SEGMENT]->(s)
RETURN rank, t.score AS score, t.v AS values, t.raw AS raw,
       ${enterpriseProjection('c')} AS enterprise, kind, via, viaGroup,
       COUNT { (c)-[r:SUPPLIES]-(l:Enterprise) WHERE ${rel('r')} AND ${scope.has('l')} } AS candidateTies,
       CASE WHEN s IS NULL THEN null ELSE {
         chain: ch {.id, .name, .nameEn, .order},
         segment: s {.id, .name, .nameEn, .order, .layer, .layerEn, .chainId},
         figs: t.gn, ${given ? "firms: [], firstLandedOn: null, strongSince: null" : `firms: firms, firstLandedOn: firstLandedOn,
         strongSince: CASE WHEN t.gn.status = 'STRONG' THEN strongSince END`}
       } END AS gap${withEvidence ? ', ties, paths' : ''}
ORDER BY rank`;

  const cypher = ranking + (withEvidence ? evidence : '') + projection;
  const params = targetsParams(args, weights, saturation);
  if (withEvidence) {
    params.evidenceTies = TARGET_LIMITS.evidenceTies;
    params.evidencePaths = TARGET_LIMITS.evidencePaths;
  }
  return { cypher, params };
}

function targetsParams(args: TargetsArgs, weights: FactorWeights, saturation: Saturation): Record<string, unknown> {
  const kind: ScopeKind = args.anchorId === null ? 'district' : 'anchor';
  const params: Record<string, unknown> = {
    asOf: args.asOf,
    asOfMonth: isoMonths(args.asOf),
    recentFrom: monthsBefore(args.asOf, SIMILARITY_WINDOW_MONTHS),
    chainId: args.chainId,
    limit: args.limit,
    shortlist: shortlistSize(args.limit),
    weights: { ...weights },
    half: { ...saturation },
    focusPrior: FOCUS_PRIOR_TIES,
    relWeights: { ...RELATION_WEIGHTS },
    gapValues: { GAP: gapFillValue('GAP'), WEAK: gapFillValue('WEAK'), STRONG: gapFillValue('STRONG') },
    gapRule: gapRuleParam(),
    kinds: args.kinds == null ? null : [...new Set(args.kinds)].filter((k) => TARGET_KINDS.includes(k)),
    viaUnits: VIA_UNITS,
    firmsPerSegment: TARGET_LIMITS.firmsPerSegment,
    gapCandidates: TARGET_LIMITS.gapCandidatesPerSegment,
    recencyMonths: RECENCY_MONTHS,
  };
  if (kind === 'anchor') params.anchorId = args.anchorId;
  if (kind === 'anchor' && args.scopeIds) params.scopeIds = [...args.scopeIds];
  if (args.candidates) params.candidateIds = [...args.candidates.ids];
  if (args.gapPicks) params.gapPicks = args.gapPicks;
  if (args.anchorId === null && args.segments && args.recent) Object.assign(params, args.recent);
  if (args.circles) params.circles = args.circles;
  if (args.anchorId === null && args.segments && args.hubs) params.hubs = args.hubs;
  if (args.anchorId === null && args.segments) {
    params.segIds = args.segments.ids;
    params.segFigs = args.segments.figs;
  }
  return params;
}

/**
 * The candidate lists' check (candidateLists.ts): of the listed firms, the firms changed since the
 * list's month end and the gap picks, those whose optimistic score is above `bound` — the best
 * any other candidate can have — best first, up to the shortlist's size. When it is full, these are
 * the shortlist the walk would have chosen; the ranking then runs on them (`candidates.mode: 'exact'`).
 * District scope (a chain too), with the segment figures given.
 */
export function buildShortlistCheckQuery(args: TargetsArgs & { candidates: { mode: 'list'; ids: readonly number[] } }, bound: number): CypherQuery {
  if (args.anchorId !== null || !args.segments) throw new Error('the candidate lists serve the district scope with its segment figures given');
  const weights = args.weights ?? DEFAULT_WEIGHTS;
  const saturation = args.saturation ?? HALF_SATURATION;
  const scope = scopeCypher('district');
  const imports = (...vars: string[]): string => vars.join(', ');
  const cypher = `WITH $segIds AS segIds, $segFigs AS segFigs
WITH [i IN range(0, size(segIds) - 1) WHERE segFigs[i].status <> 'STRONG' | segIds[i]] AS gapSegIds
CALL (gapSegIds) {
${shortlistBody(args, scope, imports, 'LIMIT $shortlist', 'id(c) AS nid', 'optimistic > $bound')}
}
RETURN nid`;
  return { cypher, params: { ...targetsParams(args, weights, saturation), bound } };
}
