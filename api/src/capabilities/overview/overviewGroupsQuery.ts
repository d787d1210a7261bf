import { REL_ENDS } from '@cangshan/model';
import { asOfFragment } from '../../cypher/asOf.ts';
import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { FIRM_RELATIONS } from '../../cypher/graphProjection.ts';
import { buildEnterpriseFilter, type EnterpriseFilterInput } from '../enterprises/enterpriseFilter.ts';

/** The GraphQL `OverviewGroupBy` values. */
export const OVERVIEW_GROUP_BY = ['SEGMENT', 'PARK', 'DISTRICT'] as const;
export type OverviewGroupBy = (typeof OVERVIEW_GROUP_BY)[number];

/** A label check the model makes needless (IN_SEGMENT only reaches Segments, LOCATED_IN only Places): left out, a db hit per row saved. */
const label = (rel: 'IN_SEGMENT' | 'LOCATED_IN', name: string): string => (REL_ENDS[rel].to.length === 1 && REL_ENDS[rel].to[0] === name ? '' : `:${name}`);

/**
 * The clause that binds `g` to each group of the firm `v` (a row each; one row with `g` null for a
 * firm with none): its segments, the places it is located in, or the districts those are part of
 * (each once). A plain expansion, a few db hits a row — choosing one group per firm by an ordered
 * subquery cost five times more at 100,000 firms. `v` and `g` are our variables.
 */
const GROUPS_OF: Record<OverviewGroupBy, (v: string, g: string) => string> = {
  SEGMENT: (v, g) => `OPTIONAL MATCH (${v})-[:IN_SEGMENT]->(${g}${label('IN_SEGMENT', 'Segment')})`,
  PARK: (v, g) => `OPTIONAL MATCH (${v})-[:LOCATED_IN]->(${g}${label('LOCATED_IN', 'Place')})`,
  DISTRICT: (v, g) => `CALL (${v}) { OPTIONAL MATCH (${v})-[:LOCATED_IN]->(:Place)-[:PART_OF*0..2]->(d:Place) WHERE d.kind = 'district' RETURN DISTINCT d AS ${g} }`,
};

/** The month a date counts from (`2019` from 2019-01, as growth and the web's timeline: months.ts); null stays null. */
const monthOf = (x: string): string => `CASE WHEN ${x} IS NULL THEN null WHEN size(${x}) >= 7 THEN left(${x}, 7) ELSE left(${x}, 4) + '-01' END`;

export interface OverviewOptions {
  groupBy: OverviewGroupBy;
  filter?: EnterpriseFilterInput | null;
  /** The cursor (end of its period), or null: no cut. */
  asOf: string | null;
}

/**
 * The firms of each group, counted without loading them: one row per group and combination of
 * (month landed, month left, counts at `$asOf`) with how many firms share it. The resolver turns
 * the rows into the count at `asOf` and the arrivals and departures of every month.
 */
export function buildOverviewFirmsQuery(opts: OverviewOptions): CypherQuery {
  const f = buildEnterpriseFilter(opts.filter, opts.asOf);
  const cypher = lines(
    'MATCH (e:Enterprise)',
    f.where.length > 0 && `WHERE ${f.where.join(' AND ')}`,
    GROUPS_OF[opts.groupBy]('e', 'g'),
    `WITH g, ${monthOf('e.landedOn')} AS landed, ${monthOf('e.leftOn')} AS left, ${asOfFragment.node('e')} AS now, count(*) AS n`,
    'RETURN g {.id, .name, .nameEn, .chainId, .order} AS g, landed, left, now, n',
  );
  return { cypher, params: { ...f.params, asOf: opts.asOf } };
}

/** How many firms match and count at `$asOf`, each once (a firm in two groups is in both groups' counts). */
export function buildOverviewTotalQuery(opts: Omit<OverviewOptions, 'groupBy'>): CypherQuery {
  const f = buildEnterpriseFilter(opts.filter, opts.asOf);
  // No condition at all: Neo4j answers from its count store.
  const where = [...f.where, ...(opts.asOf !== null ? [asOfFragment.node('e')] : [])];
  const cypher = lines('MATCH (e:Enterprise)', where.length > 0 && `WHERE ${where.join(' AND ')}`, 'RETURN count(e) AS n');
  return { cypher, params: { ...f.params, ...(opts.asOf !== null ? { asOf: opts.asOf } : {}) } };
}

/** The group nodes and the relation to them, for the ties read from the groups' side (SEGMENT, PARK). */
const GROUP_NODES: Partial<Record<OverviewGroupBy, { rel: 'IN_SEGMENT' | 'LOCATED_IN'; label: 'Segment' | 'Place' }>> = {
  SEGMENT: { rel: 'IN_SEGMENT', label: 'Segment' },
  PARK: { rel: 'LOCATED_IN', label: 'Place' },
};

/** The since / until / now columns of a relation `r` from `e` to `f`: when it counts on a month cursor, and at `$asOf`. */
const TIE_COLUMNS = [
  `WITH g, h, r, ${monthOf('e.landedOn')} AS ea, ${monthOf('e.leftOn')} AS el, ${monthOf('f.landedOn')} AS fa, ${monthOf('f.leftOn')} AS fl, ${monthOf('r.since')} AS rs,`,
  `  ${asOfFragment.node('e')} AND ${asOfFragment.node('f')} AND ${asOfFragment.rel('r')} AS now`,
  'WITH g.id AS source, h.id AS target, type(r) AS type,',
  "  CASE WHEN ea IS NULL OR fa IS NULL THEN null ELSE reduce(m = ea, x IN [fa, rs] | CASE WHEN x IS NOT NULL AND x > m THEN x ELSE m END) END AS since,",
  '  CASE WHEN el IS NULL THEN fl WHEN fl IS NULL OR el <= fl THEN el ELSE fl END AS until, now, count(*) AS n',
  'RETURN source, target, type, since, until, now, n',
];

/**
 * The firm relations (ATTRACTED, SUPPLIES, PART_OF, PARTNER_OF) between the matched firms, counted
 * per pair of groups (a pair of one group: ties inside it) and type, with the month from which
 * each counts on the timeline (both ends landed and the relation begun; null: never on a month
 * cursor), the month it stops (an end left) and whether it counts at `$asOf`. With a filter, both
 * firms must match it (`IN firms`: Neo4j keeps the list as a set for the check).
 *
 * By segment or park, read from the groups' side: each group's firms (cheap from a segment or
 * park, whose relations Neo4j keeps by type), the relations of the far ends, and a hash join on
 * the near end — not a group lookup per relation, which walks every relation of a firm
 * (11.1M db hits at 100,000 firms by segment, 4.3M this way) — and then the relations of the firms
 * with no group (6.4M in all). By district (through parks), the groups of both ends are looked up.
 */
export function buildOverviewTiesQuery(opts: OverviewOptions): CypherQuery {
  const f = buildEnterpriseFilter(opts.filter, opts.asOf);
  const filtered = f.where.length > 0;
  const collect = filtered ? ['MATCH (e:Enterprise)', `WHERE ${f.where.join(' AND ')}`, 'WITH collect(e) AS firms'] : [];
  const side = GROUP_NODES[opts.groupBy];
  if (side) {
    const cypher = lines(
      ...collect,
      `CALL (${filtered ? 'firms' : ''}) {`,
      `  MATCH (g:${side.label})<-[:${side.rel}]-(e:Enterprise)-[r:${FIRM_RELATIONS}]->(f:Enterprise)-[:${side.rel}]->(h:${side.label})`,
      '  USING JOIN ON e',
      filtered && '  WHERE e IN firms AND f IN firms',
      '  RETURN g, h, r, e, f',
      '  UNION ALL',
      // The relations of the firms with no group (outside firms have no park), each once: from its
      // start when both ends have none.
      `  MATCH (x:Enterprise) WHERE NOT EXISTS { (x)-[:${side.rel}]->() }${filtered ? ' AND x IN firms' : ''}`,
      `  MATCH (x)-[r:${FIRM_RELATIONS}]-(y:Enterprise)`,
      filtered && '  WHERE y IN firms',
      `  OPTIONAL MATCH (y)-[:${side.rel}]->(yg${label(side.rel, side.label)})`,
      '  WITH x, y, yg, r, startNode(r) AS e, endNode(r) AS f',
      '  WHERE yg IS NOT NULL OR x = e',
      '  RETURN CASE WHEN x = e THEN null ELSE yg END AS g, CASE WHEN x = e THEN yg END AS h, r, e, f',
      '}',
      ...TIE_COLUMNS,
    );
    return { cypher, params: { ...f.params, asOf: opts.asOf } };
  }
  const groups = GROUPS_OF[opts.groupBy];
  const cypher = lines(
    ...(filtered ? [...collect, 'UNWIND firms AS e'] : ['MATCH (e:Enterprise)']),
    groups('e', 'g'),
    `MATCH (e)-[r:${FIRM_RELATIONS}]->(f:Enterprise)`,
    filtered && 'WHERE f IN firms',
    groups('f', 'h'),
    ...TIE_COLUMNS,
  );
  return { cypher, params: { ...f.params, asOf: opts.asOf } };
}
