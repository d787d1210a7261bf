import { asOfFragment } from '../../cypher/asOf.ts';
import { enterpriseProjection } from '../../cypher/enterpriseProjection.ts';
import { TIE_TYPES } from './scoring.ts';
import { gapStatusCypher, referenceShareCypher } from './gapStatus.ts';
import { GONE_HOWS_CYPHER } from './targetKind.ts';

/**
 * What "local" means for one recruitment question: the whole district (every firm landed by
 * `$asOf` and not left by it: the model's as-of rule), or one anchor's circle of friends (the
 * anchor and the firms within two ties of it, every firm on the way counting and every tie begun
 * by `$asOf`). Both shapes bind `scope`, the list
 * of the scope's local firms, and say how to test that a variable is in it.
 */
export type ScopeKind = 'district' | 'anchor';

/** `SUPPLIES|PARTNER_OF|PART_OF|ATTRACTED`: the ties between firms that pull a firm in (fixed list, never user text). */
export const TIE_PATTERN = TIE_TYPES.join('|');


export interface ScopeCypher {
  /** Cypher that binds what the scope needs: nothing for the district, `scope` (a list) for a circle. */
  bind: string;
  /** Clause that binds `v` to each local firm of the scope in turn. */
  each(v: string): string;
  /** The same, for a walk over the ties of the local firms that the planner may start at their other ends. */
  eachTiedTo(v: string): string;
  /** Predicate: the Enterprise bound to `v` is a local firm of the scope. */
  has(v: string): string;
  /** Clauses that bind `v` to each local firm of the scope with `s` to each of its segments in view ($chainId). */
  inSegment(v: string, s: string): string;
  /** The scope's variables to carry through WITH and CALL imports ('' or 'scope, '). */
  carry: string;
}

const IN_VIEW = (s: string): string => `($chainId IS NULL OR ${s}.chainId = $chainId)`;

export function scopeCypher(kind: ScopeKind): ScopeCypher {
  if (kind === 'district') {
    // Tested on the node rather than held in a list: the district has tens of thousands of firms,
    // and a list of them carried along every candidate row outgrew the 1 GiB transaction limit.
    return {
      bind: '',
      each: (v) => `MATCH (${v}:Enterprise) WHERE ${asOfFragment.nodeAtCursor(v)}`,
      // The model's rule, null branch and all, on purpose: it offers the planner no index on the
      // local side, so the ranking's tie walk starts from the candidates (fewer than the local firms
      // at late cursors); started from an index seek of the local firms, the ranking outgrew the
      // 716 MiB transaction limit on the 100k district as of 2022-06.
      eachTiedTo: (v) => `MATCH (${v}:Enterprise) WHERE ${asOfFragment.node(v)}`,
      has: (v) => asOfFragment.node(v),
      // From the segments' side: a segment's IN_SEGMENT ties are read one hit each, while finding a
      // firm's segment walks its relationship chain (its degree: 0.67 M db hits for 60k firms).
      // (A subquery per segment: in one MATCH the planner seeks the firms by landing date instead.)
      inSegment: (v, s) => `MATCH (${s}:Segment) WHERE ${IN_VIEW(s)}
  CALL (${s}) { MATCH (${s})<-[:IN_SEGMENT]-(${v}:Enterprise) WHERE ${asOfFragment.nodeAtCursor(v)} RETURN ${v} }`,
      carry: '',
    };
  }
  // The circle hop by hop, each hop's firms deduplicated before the next: the same firms as the
  // paths (a)-[*1..2]-(x) whose every firm and tie count, without enumerating every two-tie path
  // of a busy anchor (65k at 100k firms, each filtered node by node: 0.59 M db hits, now 0.2 M).
  return {
    bind: `OPTIONAL MATCH (a:Enterprise {id: $anchorId}) WHERE ${asOfFragment.nodeAtCursor('a')}
CALL (a) {
  // The middle firm of a two-tie path need not be an Enterprise (PART_OF also joins projects).
  OPTIONAL MATCH (a)-[r1:${TIE_PATTERN}]-(x1) WHERE ${asOfFragment.rel('r1')} AND ${asOfFragment.nodeAtCursor('x1')}
  WITH a, collect(DISTINCT x1) AS x1s
  UNWIND CASE WHEN size(x1s) = 0 THEN [null] ELSE x1s END AS x1
  OPTIONAL MATCH (x1)-[r2:${TIE_PATTERN}]-(x2:Enterprise) WHERE ${asOfFragment.rel('r2')} AND ${asOfFragment.nodeAtCursor('x2')}
  WITH a, x1s, collect(DISTINCT x2) AS x2s
  UNWIND [x IN x1s WHERE x:Enterprise] + x2s AS x
  WITH a, x WHERE x <> a
  RETURN collect(DISTINCT x) AS xs
}
WITH CASE WHEN a IS NULL THEN [] ELSE [a] + xs END AS scope
// An empty scope (an anchor unknown or not landed by the cursor) has nobody in it.
WITH scope WHERE size(scope) > 0`,
    each: (v) => `UNWIND scope AS ${v}`,
    eachTiedTo: (v) => `UNWIND scope AS ${v}`,
    has: (v) => `${v} IN scope`,
    inSegment: (v, s) => `UNWIND scope AS ${v}
  MATCH (${v})-[:IN_SEGMENT]->(${s}:Segment)
  WHERE ${IN_VIEW(s)}`,
    carry: 'scope, ',
  };
}

/**
 * The supply ties between the scope's firms and each segment's firms, as of the cursor, over every
 * segment whatever `$chainId` says (the scope's totals are the yardstick of every segment's status,
 * and a segment must not change status because another chain is out of view). A tie whose segment
 * end is in the scope is met locally; one whose segment end is outside the district leaks out; a
 * tie to a district firm outside an anchor's circle is neither. Binds `demand` (per segment:
 * `ties`, `outside` ties, `outsideFirms`), `allTies` and `allOutside`.
 */
export function demandCypher(scope: ScopeCypher): string {
  // Grouped by the other firm before its segment is read: a firm's IN_SEGMENT tie is found by
  // walking its relationship chain (as long as its degree), once per firm rather than once per tie
  // (hubs take part in hundreds: 3.0 M of the 5.9 M db hits of chainGaps on the 100k district).
  return `CALL (${scope.carry.replace(/, $/, '')}) {
  ${scope.each('l')}
  // No label tests: SUPPLIES joins two Enterprises and IN_SEGMENT ends at a Segment (the model's
  // RELATIONS, checked on every write), and each test is a db hit per row.
  MATCH (l)-[r:SUPPLIES]-(o)
  WHERE ${asOfFragment.rel('r')}
  WITH o, collect(r) AS rs
  WITH o, rs, ${scope.has('o')} AS met, NOT ${asOfFragment.node('o')} AS out
  WHERE met OR out
  MATCH (o)-[:IN_SEGMENT]->(s)
  UNWIND rs AS r
  WITH s, count(DISTINCT r) AS ties, count(DISTINCT CASE WHEN out THEN r END) AS outside, count(DISTINCT CASE WHEN out THEN o END) AS outsideFirms
  RETURN collect({seg: s, ties: ties, outside: outside, outsideFirms: outsideFirms}) AS demand, coalesce(sum(ties), 0) AS allTies, coalesce(sum(outside), 0) AS allOutside
}`;
}

/**
 * Binds `segs`: every segment in view (of `$chainId`, or of every chain) with the number `n` of the
 * scope's firms in it and the first `$firmsPerSegment` of them by landing date, its supply ties
 * (`demandCypher`) and its GAP / WEAK / STRONG `status` (gapStatus.ts, parameter `$gapRule`).
 * `slim`: binds parallel lists `segIds` / `segFigs` (the figures and status, no nodes) instead —
 * what the ranking carries along each candidate row. Maps holding nodes, collected or carried along
 * 40k rows, outgrew the 1 GiB transaction memory limit on a 100k district; lists of strings and
 * integers do not (but they count on every row: the ids of each segment's first five firms added
 * to them took the ranking over the 716 MiB limit of a 1 GiB heap at 100k).
 */
export function segmentsCypher(scope: ScopeCypher, slim = false): string {
  const details = slim
    ? ''
    : `, collect(e.landedOn) AS landings,
       [x IN collect(e)[..$firmsPerSegment] | ${enterpriseProjection('x')}] AS firms`;
  const entry = slim ? '{seg: s, n: n}' : '{seg: s, n: n, firms: firms, firstLandedOn: landings[0], strongSince: landings[$gapRule.strongMin - 1]}';
  const figs = `{n: n, supplyTies: ties, outsideTies: outside, outsideFirms: coalesce(d.outsideFirms, 0), allSupplyTies: allTies, allOutsideTies: allOutside,
              status: ${gapStatusCypher({ n: 'n', ties: 'ties', outside: 'outside', ref: 'ref' })}}`;
  const merged = `{seg: s, firms: coalesce(f.firms, []), firstLandedOn: f.firstLandedOn,
                  strongSince: CASE WHEN figs.status = 'STRONG' THEN f.strongSince END, figs: figs}`;
  return `CALL (${scope.carry.replace(/, $/, '')}) {
  ${scope.inSegment('e', 's')}
  ${slim ? '' : 'WITH s, e ORDER BY e.landedOn, e.id\n  '}WITH s, count(e) AS n${details}
  RETURN collect(${entry}) AS filled
}
${demandCypher(scope)}
CALL (filled, demand, allTies, allOutside) {
  MATCH (s:Segment) WHERE $chainId IS NULL OR s.chainId = $chainId
  WITH s, [f IN filled WHERE f.seg = s][0] AS f, [d IN demand WHERE d.seg = s][0] AS d, allTies, allOutside
  WITH s, f, d, coalesce(f.n, 0) AS n, coalesce(d.ties, 0) AS ties, coalesce(d.outside, 0) AS outside, allTies, allOutside,
       ${referenceShareCypher('allTies', 'allOutside')} AS ref
  WITH s, f, ${figs} AS figs
  RETURN ${slim ? 'collect(s.id) AS segIds, collect(figs) AS segFigs' : `collect(${merged}) AS segs`}
}`;
}

/**
 * Predicate: the Enterprise bound to `v` is a candidate at the cursor — it is not in the district
 * then. A firm marked local whose landing date is unknown (one created through the API without a
 * date) is in the district already, at a time we do not know: never a candidate. A firm that had
 * left by the cursor is one (a WIN_BACK target, targetKind.ts) unless it no longer exists to court:
 * closed (注销) or revoked (吊销).
 */
export const isCandidate = (v: string): string =>
  `(NOT ${asOfFragment.node(v)} AND (${v}.landedOn IS NOT NULL OR coalesce(${v}.local, false) = false) AND (${v}.leftOn IS NULL OR ${v}.leftOn > $asOf OR NOT coalesce(${v}.leftHow, '') IN ${GONE_HOWS_CYPHER}))`;
