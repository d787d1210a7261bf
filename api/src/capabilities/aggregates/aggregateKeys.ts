import { REL_ENDS } from '@cangshan/model';
import { asOfFragment } from '../../cypher/asOf.ts';
import { FIRM_STATUS_NAMES } from '../enterprise/registryFields.ts';

/** The GraphQL `AggregateGroupBy` values. */
export const AGGREGATE_GROUP_BY = ['SEGMENT', 'CHAIN', 'PARK', 'ORIGIN', 'KIND', 'STATUS', 'LANDED_YEAR', 'LANDED_QUARTER', 'ANCHOR'] as const;
export type AggregateGroupBy = (typeof AGGREGATE_GROUP_BY)[number];

/**
 * How a key reads the values of the firm `e`: a related node `k` (its id and name; a firm with
 * several counts once for each, one with none once with null), or an expression of the firm's own
 * properties (its value is its name too). Fixed text: nothing of a request goes in.
 */
type KeySpec =
  | { match: (asOf: boolean) => string }
  | { expr: string };

/** ATTRACTED joins firms only (the model's REL_ENDS, checked by imports and writes): the anchor needs no label check. */
const anchorLabel = REL_ENDS.ATTRACTED.from.every((l) => l === 'Enterprise') ? '' : ':Enterprise';

/** The stored status (`movedOut`) as the FirmStatus name the API shows (`MOVED_OUT`); an unknown value has none, as `Enterprise.status`. */
const statusName = `CASE e.status ${Object.entries(FIRM_STATUS_NAMES).map(([k, v]) => `WHEN '${k}' THEN '${v}'`).join(' ')} END`;

const KEYS: Record<AggregateGroupBy, KeySpec> = {
  SEGMENT: { match: () => 'OPTIONAL MATCH (e)-[:IN_SEGMENT]->(k:Segment)' },
  CHAIN: { match: () => 'OPTIONAL MATCH (e)-[:IN_SEGMENT]->(:Segment)<-[:HAS_SEGMENT]-(k:Chain)' },
  PARK: { match: () => 'OPTIONAL MATCH (e)-[:LOCATED_IN]->(k:Place)' },
  // With a cursor, as `attractedBy(asOf)` reads it: the relation had begun and the anchor counted.
  ANCHOR: {
    match: (asOf) => `OPTIONAL MATCH (k${anchorLabel})-[r:ATTRACTED]->(e)${asOf ? ` WHERE ${asOfFragment.node('k')} AND ${asOfFragment.rel('r')}` : ''}`,
  },
  ORIGIN: { expr: 'e.origin' },
  KIND: { expr: 'e.kind' },
  STATUS: { expr: statusName },
  LANDED_YEAR: { expr: 'left(e.landedOn, 4)' },
  // `2019-07` → `2019-Q3`; a date known to the year only has no quarter.
  LANDED_QUARTER: { expr: "CASE WHEN size(e.landedOn) >= 7 THEN left(e.landedOn, 4) + '-Q' + toString((toInteger(substring(e.landedOn, 5, 2)) + 2) / 3) END" },
};

/**
 * The Cypher that gives the row of the firm `e` its key columns `k<i>` (and `k<i>name` for a
 * related node), for each key of `groupBy` in order: one row per combination of the firm's values.
 */
export function keyClauses(groupBy: readonly AggregateGroupBy[], asOf: boolean): string[] {
  return groupBy.map((by, i) => {
    const spec = KEYS[by];
    if ('expr' in spec) return `WITH *, ${spec.expr} AS k${i}`;
    // DISTINCT: a firm in two segments of one chain is in that chain once.
    return `CALL (e) { ${spec.match(asOf)} RETURN DISTINCT k.id AS k${i}, k.name AS k${i}name }`;
  });
}

/** The key columns of `groupBy` (what the groups are grouped by), and the map entries that return them. */
export function keyColumns(groupBy: readonly AggregateGroupBy[]): { columns: string[]; entries: string[] } {
  const columns = groupBy.flatMap((by, i) => ('expr' in KEYS[by] ? [`k${i}`] : [`k${i}`, `k${i}name`]));
  return { columns, entries: columns.map((c) => `${c}: ${c}`) };
}

/** The `AggregateKey`s of a group row: a property key is its own name. */
export function keysOf(groupBy: readonly AggregateGroupBy[], row: Readonly<Record<string, unknown>>): Array<{ by: AggregateGroupBy; id: string | null; name: string | null }> {
  return groupBy.map((by, i) => {
    const id = row[`k${i}`];
    const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
    return { by, id: text(id), name: 'expr' in KEYS[by] ? text(id) : text(row[`k${i}name`]) };
  });
}
