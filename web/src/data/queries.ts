// The GraphQL documents the view sends. The same text is what "copy as GraphQL" hands out, so a
// researcher gets exactly what the browser asked.

export const GRAPH_NODE_FIELDS = `id label labelEn kind isAnchor synthetic local segmentId segmentName chainId segmentOrder parkId landedOn signedOn sourceKind degree`;
export const GRAPH_EDGE_FIELDS = `id source target type label since sourceKind synthetic`;

export const OVERVIEW_QUERY = `query Overview($filter: EnterpriseFilter, $asOf: String, $limit: Int) {
  graph(filter: $filter, asOf: $asOf, limit: $limit) {
    truncated
    totalEnterprises
    nodes { ${GRAPH_NODE_FIELDS} }
    edges { ${GRAPH_EDGE_FIELDS} }
  }
}`;

export const CATALOGUE_QUERY = `query Catalogue {
  chains { id name nameEn order segments { id name nameEn order layer layerEn } }
  anchors { id name nameEn landedOn }
  growth(interval: MONTH) { period landed cumulative investmentYuan }
}`;

export const CIRCLE_QUERY = `query Circle($anchorId: ID!, $depth: Int, $asOf: String) {
  circle(anchorId: $anchorId, depth: $depth, asOf: $asOf) {
    nodes { ${GRAPH_NODE_FIELDS} }
    edges { ${GRAPH_EDGE_FIELDS} }
  }
}`;

export const PATH_QUERY = `query Path($fromId: ID!, $toId: ID!, $maxLength: Int) {
  path(fromId: $fromId, toId: $toId, maxLength: $maxLength) {
    nodes { ${GRAPH_NODE_FIELDS} }
    edges { ${GRAPH_EDGE_FIELDS} }
  }
}`;

export const SEARCH_QUERY = `query Search($query: String!, $limit: Int) {
  search(query: $query, limit: $limit) { id name nameEn aliases isAnchor landedOn }
}`;

const REF = `id name nameEn isAnchor`;
export const PROFILE_QUERY = `query Profile($id: ID!) {
  enterprise(id: $id) {
    ${REF} aliases synthetic local kind unitType origin signedOn landedOn description revenueYuan investmentYuan sourceKind
    park { id name nameEn }
    relocatedFrom { id name nameEn }
    segment { id name nameEn layer layerEn chain { id name nameEn } }
    attracted { ${REF} }
    attractedBy { ${REF} }
    upstream { ${REF} }
    downstream { ${REF} }
    partners { ${REF} }
    parent { ${REF} }
    units { ${REF} }
    projects { id name nameEn amountYuan signedOn landedOn category }
    mechanisms { id name nameEn }
    sources { kind quote reason title publisher publishedOn url }
  }
}`;

export const DASHBOARD_QUERY = `query Dashboard($asOf: String) {
  indicators { id name nameEn period value unit sources { kind quote reason title publisher publishedOn } }
  stats(asOf: $asOf) {
    asOf enterprises anchors synthetic outside projects investmentYuan
    byChain { chainId chainName count }
    byYear { year count }
    circles { anchor { id name nameEn } size }
  }
}`;

export function placesQuery(ids: string[]): string {
  const fields = ids.map((_, i) => `p${i}: place(id: $p${i}) { id name nameEn kind }`).join('\n  ');
  const vars = ids.map((_, i) => `$p${i}: ID!`).join(', ');
  return `query Places(${vars}) {\n  ${fields}\n}`;
}
