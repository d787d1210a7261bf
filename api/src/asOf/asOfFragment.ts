/**
 * THE Cypher meaning of "as of a date" (docs/MODEL.md, "Time"; ARCHITECTURE.md, "One parameter,
 * end to end"). Every query that takes `asOf` (circle, growth, graph, nested relations, and the
 * recruitment module) builds its WHERE clauses from these two functions and passes the value of
 * `normaliseAsOf` as the parameter `$asOf` — nothing else decides what "as of" means.
 *
 * A firm counts once it landed on or before the cursor; a firm with no landing date has not
 * landed (outside firms, recruitment candidates). A relation counts when it began on or before
 * the cursor or its start is unknown (`since` null) — and, by the caller, when both ends count.
 * With `$asOf` null every firm and relation counts.
 *
 * `variable` is always a Cypher variable name chosen by our code, never user text.
 */
export const asOfFragment = {
  /** Predicate: the node bound to `variable` (an Enterprise, or a Project) had landed by `$asOf`. */
  node(variable: string, param = 'asOf'): string {
    return `($${param} IS NULL OR (${variable}.landedOn IS NOT NULL AND ${variable}.landedOn <= $${param}))`;
  },
  /** Predicate: the relationship bound to `variable` had begun by `$asOf`. */
  rel(variable: string, param = 'asOf'): string {
    return `($${param} IS NULL OR ${variable}.since IS NULL OR ${variable}.since <= $${param})`;
  },
  /** Predicate: every node and relationship of the path `variable` counts as of `$asOf`. */
  path(variable: string, param = 'asOf'): string {
    return `($${param} IS NULL OR (all(n IN nodes(${variable}) WHERE n.landedOn IS NOT NULL AND n.landedOn <= $${param}) AND all(r IN relationships(${variable}) WHERE r.since IS NULL OR r.since <= $${param})))`;
  },
} as const;
