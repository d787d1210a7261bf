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
