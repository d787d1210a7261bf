/**
 * How graph-shaped answers (circle, chain, path, graph) project nodes and relations: one map per
 * node with what the view draws (label, kind, anchor, segment, park, dates, source), one per
 * relation. `v` and `r` are Cypher variables chosen by our code.
 */
export function graphNodeProjection(v: string): string {
  return (
    `{id: ${v}.id, label: coalesce(${v}.name, ${v}.title, ${v}.id), labelEn: ${v}.nameEn, ` +
    `kind: [l IN labels(${v}) WHERE l <> 'Entity'][0], isAnchor: coalesce(${v}.isAnchor, false), ` +
    `synthetic: coalesce(${v}.synthetic, false), local: ${v}.local, landedOn: ${v}.landedOn, leftOn: ${v}.leftOn, signedOn: ${v}.signedOn, ` +
    `sourceKind: ${v}.sourceKind, order: ${v}.order, chainId: ${v}.chainId, ` +
    `segment: COLLECT { MATCH (${v})-[:IN_SEGMENT]->(s:Segment) RETURN s {.id, .name, .chainId, .order} ORDER BY s.order, s.id LIMIT 1 }[0], ` +
    `parkId: COLLECT { MATCH (${v})-[:LOCATED_IN]->(pk:Place) RETURN pk.id ORDER BY CASE pk.kind WHEN 'park' THEN 0 ELSE 1 END, pk.id LIMIT 1 }[0]}`
  );
}

export function graphEdgeProjection(r: string): string {
  return `{source: startNode(${r}).id, target: endNode(${r}).id, type: type(${r}), since: ${r}.since, sourceKind: ${r}.sourceKind, synthetic: coalesce(${r}.synthetic, false)}`;
}

/** The firm-to-firm relation types: what circles, paths and the overview follow by default. */
export const FIRM_RELATIONS = 'ATTRACTED|SUPPLIES|PART_OF|PARTNER_OF';

/**
 * The `CALL (ns) { … } ` subquery that collects, as `edges`, every relation of `types` between two
 * nodes of the list `ns` that had begun as of `$asOf` — shared by circle, chain and graph.
 */
export function edgesAmongNs(types: string, relAsOf: string): string[] {
  return [
    'CALL (ns) {',
    '  UNWIND ns AS x',
    `  MATCH (x)-[r:${types}]->(y)`,
    `  WHERE y IN ns AND ${relAsOf}`,
    `  RETURN collect(${graphEdgeProjection('r')}) AS edges`,
    '}',
  ];
}
