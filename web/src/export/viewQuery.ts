// "Copy as GraphQL": the operation and variables that reproduce the current view through the
// public API, runnable as is in the bundled GraphiQL (same-origin /graphql). Pure.
import { AGGREGATE_THRESHOLD, apiGroupBy, drillFilter } from '../data/overviewPlan.ts';
import { GRAPH_EDGE_FIELDS, GRAPH_NODE_FIELDS } from '../data/queries.ts';
import type { ViewState } from '../state/viewState.ts';

export interface ViewQuery {
  query: string;
  variables: Record<string, unknown>;
}

// 5,000 firms is the size the browser is built for; the API's complexity limit (250k) admits it with these fields.
export const OVERVIEW_LIMIT = 5000;
/** The explorer's own Overview request (useExplorerData), which prefetch.ts sends early: one definition, so they match. */
export const OVERVIEW_VARIABLES = { limit: OVERVIEW_LIMIT };
export const CIRCLE_DEPTH = 2;

const GROUPS_SELECTION = `{\n    groupBy enterprises tieCount months\n    groups { id name nameEn chainId order count innerTies arrivals departures }\n    ties { source target weight byType { type weight } added removed }\n  }`;
const GRAPH_SELECTION = `{\n    nodes { ${GRAPH_NODE_FIELDS} }\n    edges { ${GRAPH_EDGE_FIELDS} }\n  }`;

/** The API filter equivalent of the view's filters (relation types are a view-only filter). */
export function apiFilter(v: ViewState): Record<string, unknown> | null {
  const f = v.filters;
  const out: Record<string, unknown> = {};
  if (f.chain) out.chainId = f.chain;
  if (f.segment) out.segmentId = f.segment;
  if (f.park) out.parkId = f.park;
  if (f.data !== 'all') out.synthetic = f.data === 'synthetic';
  if (f.from) out.landedFrom = f.from;
  if (f.to) out.landedTo = f.to;
  return Object.keys(out).length ? out : null;
}

/**
 * The query of the view. `aggregated`: the district is drawn by group (data/overviewPlan.ts), so
 * the overview is `overviewGroups` (with the view's filters), or the drilled group's firms through
 * `graph(filter)` with the group as its filter.
 */
export function viewQuery(v: ViewState, circleAnchor: string | null, aggregated = false): ViewQuery {
  const vars: string[] = ['$asOf: AsOf'];
  const fields: string[] = [];
  const variables: Record<string, unknown> = { asOf: v.asOf };
  const drilled = aggregated && v.group ? drillFilter(v.groupBy, v.group) : null;
  if (aggregated && !drilled) {
    vars.push('$groupBy: OverviewGroupBy', '$filter: EnterpriseFilter');
    variables.groupBy = apiGroupBy(v.groupBy);
    variables.filter = apiFilter(v);
    fields.push(`overviewGroups(groupBy: $groupBy, filter: $filter, asOf: $asOf) ${GROUPS_SELECTION}`);
  } else if (drilled && v.layout !== 'circle') {
    vars.push('$filter: EnterpriseFilter', '$limit: Int');
    variables.filter = { ...apiFilter(v), ...drilled };
    variables.limit = AGGREGATE_THRESHOLD;
    fields.push(`graph(filter: $filter, asOf: $asOf, limit: $limit) ${GRAPH_SELECTION}`);
  } else if (v.layout === 'circle' && circleAnchor) {
    vars.push('$anchorId: ID!', '$depth: Int');
    variables.anchorId = circleAnchor;
    variables.depth = CIRCLE_DEPTH;
    fields.push(`circle(anchorId: $anchorId, depth: $depth, asOf: $asOf) ${GRAPH_SELECTION}`);
  } else {
    vars.push('$filter: EnterpriseFilter', '$limit: Int');
    variables.filter = apiFilter(v);
    variables.limit = OVERVIEW_LIMIT;
    fields.push(`graph(filter: $filter, asOf: $asOf, limit: $limit) ${GRAPH_SELECTION}`);
  }
  Object.keys(v.expanded).forEach((id, i) => {
    vars.push(`$expand${i}: ID!`);
    variables[`expand${i}`] = id;
    fields.push(`expanded${i}: circle(anchorId: $expand${i}, depth: 1, asOf: $asOf) ${GRAPH_SELECTION}`);
  });
  if (v.path) {
    vars.push('$fromId: ID!', '$toId: ID!');
    variables.fromId = v.path[0];
    variables.toId = v.path[1];
    fields.push(`path(fromId: $fromId, toId: $toId) ${GRAPH_SELECTION}`);
  }
  if (v.selected) {
    vars.push('$selected: ID!');
    variables.selected = v.selected;
    fields.push(`selected: enterprise(id: $selected) {\n    id name nameEn landedOn origin\n    park { name } segment { name }\n    sources { kind quote reason }\n  }`);
  }
  const notes: string[] = [];
  if (v.filters.relations.length) notes.push(`# The view shows only these relation types: ${v.filters.relations.join(', ')}`);
  const header = notes.length ? `${notes.join('\n')}\n` : '';
  return { query: `${header}query CangshanView(${vars.join(', ')}) {\n  ${fields.join('\n  ')}\n}\n`, variables };
}
