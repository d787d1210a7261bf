import { asOfFragment } from '@cangshan/api/queries';
import { TIE_PATTERN, isCandidate } from '@cangshan/api/queries';

/**
 * Every candidate at the cut (not landed by `$asOf`, the same predicate the ranking uses), whether
 * it landed in the window after the cut (the ground truth), and its degree as of the cut (ties
 * begun by then: the most-connected-first baseline), and its kind (groups never land in the
 * synthetic district: the second degree baseline leaves them out).
 */
export const CANDIDATES_AT_CUT = `MATCH (c:Enterprise) WHERE ${isCandidate('c')}
RETURN c.id AS id, c.kind AS kind,
       coalesce(c.landedOn <= $windowEnd, false) AS positive,
       COUNT { (c)-[r:${TIE_PATTERN}]-(:Enterprise) WHERE ${asOfFragment.rel('r')} } AS degree`;

/** Landing dates of every firm, to place the cuts inside the data's own history. */
export const LANDING_DATES = `MATCH (e:Enterprise) WHERE e.landedOn IS NOT NULL RETURN e.landedOn AS d ORDER BY d`;

/**
 * The heuristic baseline, as of the cut: Σ over the candidate's ties to anchors landed by `$asOf`
 * of the ranking's type weight (`$relWeights`, RELATION_WEIGHTS in scoring.ts) × the tie's own
 * `weight` (1 when absent), plus `$gapBonus` when its segment has no local firm at the cut (GAP).
 * What a planner would do by hand: court the anchors' partners first, and whoever fills an empty link.
 */
export const HEURISTIC_AT_CUT = `CALL () {
  MATCH (s:Segment) WHERE NOT EXISTS { (s)<-[:IN_SEGMENT]-(l:Enterprise) WHERE ${asOfFragment.node('l')} }
  RETURN collect(s.id) AS gapSegIds
}
MATCH (c:Enterprise) WHERE ${isCandidate('c')}
CALL (c) {
  OPTIONAL MATCH (c)-[r:${TIE_PATTERN}]-(a:Enterprise {isAnchor: true}) WHERE ${asOfFragment.rel('r')} AND ${asOfFragment.node('a')}
  RETURN sum(CASE WHEN r IS NULL THEN 0.0 ELSE toFloat($relWeights[type(r)]) * coalesce(toFloat(r.weight), 1.0) END) AS anchorTies
}
RETURN c.id AS id, anchorTies + CASE WHEN EXISTS { (c)-[:IN_SEGMENT]->(s:Segment) WHERE s.id IN gapSegIds } THEN $gapBonus ELSE 0.0 END AS heuristic`;

/**
 * The hazard process's oracle (seed/src/synthetic/simulate.ts): each candidate's landing hazard as
 * the generator computes it, from what is in the data at the cut — base + anchor × (tie weight to
 * landed anchors) + local × (tie weight to other landed firms), × (1 + gap × e^(−local firms of its
 * segment ÷ few)), × (1 + similarity × (its best anchor's followers with its segment + with its
 * origin) ÷ (2 × followers)). Groups never land in the generator: 0. What no ranking built from the
 * same data can beat except by luck (the landings are drawn at random by this hazard): an upper bound.
 */
export const ORACLE_HAZARD_AT_CUT = `CALL () {
  MATCH (l:Enterprise)-[:IN_SEGMENT]->(s:Segment) WHERE ${asOfFragment.node('l')}
  WITH s.id AS sid, count(l) AS n
  RETURN collect({k: sid, n: n}) AS localCounts
}
MATCH (c:Enterprise) WHERE ${isCandidate('c')}
CALL (c) {
  OPTIONAL MATCH (c)-[r:SUPPLIES|PARTNER_OF]-(l:Enterprise) WHERE ${asOfFragment.rel('r')} AND ${asOfFragment.node('l')}
  WITH l, coalesce(toFloat(r.weight), 1.0) AS w
  ORDER BY CASE WHEN l.isAnchor THEN w ELSE -1.0 END DESC, l.id
  RETURN sum(CASE WHEN l.isAnchor THEN w ELSE 0.0 END) AS aw, sum(CASE WHEN l IS NULL OR l.isAnchor THEN 0.0 ELSE w END) AS lw,
         head(collect(CASE WHEN l.isAnchor THEN l END)) AS best
}
OPTIONAL MATCH (c)-[:IN_SEGMENT]->(cs:Segment)
CALL (best, cs, c) {
  OPTIONAL MATCH (best)-[a:ATTRACTED]->(f:Enterprise) WHERE ${asOfFragment.rel('a')} AND ${asOfFragment.node('f')}
  RETURN count(f) AS followers, count(CASE WHEN EXISTS { (f)-[:IN_SEGMENT]->(cs) } THEN 1 END) AS sameSeg,
         count(CASE WHEN f.origin = c.origin THEN 1 END) AS sameOrigin
}
WITH c, aw, lw, followers, sameSeg, sameOrigin, toFloat(coalesce([x IN localCounts WHERE x.k = cs.id | x.n][0], 0)) AS n
RETURN c.id AS id,
       CASE WHEN c.kind = 'group' THEN 0.0 ELSE
         ($h.base + $h.anchor * aw + $h.local * lw) * (1.0 + $h.gap * exp(-n / $few)) *
         (1.0 + CASE WHEN followers > 0 THEN $h.similarity * (sameSeg + sameOrigin) / (2.0 * followers) ELSE 0.0 END)
       END AS oracle`;

/**
 * The supply process's oracle (seed/src/synthetic/simulateSupplyDriven.ts), from what is in the data
 * at the cut: (base + Σ pull of its ties to landed firms: supplying one 1, buying from one 0.5,
 * partnering 0.25, × the tie's weight) × (1 + gap when its segment has no local firm, else thin ×
 * e^(−local firms ÷ few)); hubs (`$hubs`, which the generator never lands) and groups 0. Each firm's
 * hidden readiness (log-normal noise) stays unknown even to the oracle.
 */
export const ORACLE_SUPPLY_AT_CUT = `CALL () {
  MATCH (l:Enterprise)-[:IN_SEGMENT]->(s:Segment) WHERE ${asOfFragment.node('l')}
  WITH s.id AS sid, count(l) AS n
  RETURN collect({k: sid, n: n}) AS localCounts
}
MATCH (c:Enterprise) WHERE ${isCandidate('c')}
CALL (c) {
  OPTIONAL MATCH (c)-[r:SUPPLIES|PARTNER_OF]-(l:Enterprise) WHERE ${asOfFragment.rel('r')} AND ${asOfFragment.node('l')}
  RETURN sum(CASE WHEN r IS NULL THEN 0.0
                  WHEN type(r) = 'PARTNER_OF' THEN $s.partnerLocal
                  WHEN startNode(r) = c THEN $s.suppliesLocal ELSE $s.buysFromLocal END * coalesce(toFloat(r.weight), 1.0)) AS pull
}
OPTIONAL MATCH (c)-[:IN_SEGMENT]->(cs:Segment)
WITH c, pull, toFloat(coalesce([x IN localCounts WHERE x.k = cs.id | x.n][0], 0)) AS n
RETURN c.id AS id,
       CASE WHEN c.kind = 'group' OR c.id IN $hubs THEN 0.0 ELSE
         ($s.base + pull) * (1.0 + CASE WHEN n = 0 THEN $s.gap ELSE $s.thin * exp(-n / $few) END)
       END AS oracle`;
