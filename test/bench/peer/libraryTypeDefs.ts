import type { RELATIONS } from '@cangshan/model';

/**
 * The type definitions a researcher would write for the Neo4j GraphQL Library (`@neo4j/graphql` 7)
 * over our database, mirroring the model: one `@node` type per label of NODE_LABELS that the
 * shapes reach (model/src/graph.ts), the properties of model/src/records.ts, and the relations of
 * RELATIONS as `@relationship` fields named as our schema names them (attracted, upstream, …).
 * Read-only (`@mutation(operations: [])`): the comparison is about reads.
 *
 * Dates are `String`, as the database stores them (ISO at the precision known): the library's
 * `Date`/`DateTime` types would not match the stored values, and its DateTime projection calls
 * APOC (`apoc.date.convertFormat`), which our Community server does not have. Nothing here uses
 * the other APOC paths either (`@authorization`, list push / pop in mutations).
 */
const rel = (type: keyof typeof RELATIONS, direction: 'IN' | 'OUT', undirected = false): string =>
  `@relationship(type: "${type}", direction: ${direction}${undirected ? ', queryDirection: UNDIRECTED' : ''}, properties: "Tie", nestedOperations: [])`;

const common = `
  synthetic: Boolean
  sourceKind: String
  quotes: [String!]
  reason: String
  docId: ID`;

export const LIBRARY_TYPE_DEFS = `
type Tie @relationshipProperties {
  since: String
  weight: Float
  confidence: Float
  sourceKind: String
  synthetic: Boolean
}

type Enterprise @node @mutation(operations: []) {
  id: ID!
  name: String!
  nameEn: String
  aliases: [String!]
  description: String${common}
  isAnchor: Boolean
  local: Boolean
  kind: String
  unitType: String
  origin: String
  signedOn: String
  landedOn: String
  leftOn: String
  leftHow: String
  revenueYuan: Float
  creditCode: String
  registrationNumber: String
  formerNames: [String!]
  legalRepresentative: String
  status: String
  statusText: String
  foundedOn: String
  approvedOn: String
  companyType: String
  industry: String
  industryCodes: [String!]
  address: String
  businessScope: String
  insuredStaff: Int
  placementReview: String
  placementConfidence: Float
  placementReason: String
  attracted: [Enterprise!]! ${rel('ATTRACTED', 'OUT')}
  attractedBy: [Enterprise!]! ${rel('ATTRACTED', 'IN')}
  upstream: [Enterprise!]! ${rel('SUPPLIES', 'IN')}
  downstream: [Enterprise!]! ${rel('SUPPLIES', 'OUT')}
  partners: [Enterprise!]! ${rel('PARTNER_OF', 'OUT', true)}
  parent: [Enterprise!]! ${rel('PART_OF', 'OUT')}
  units: [Enterprise!]! ${rel('PART_OF', 'IN')}
  park: [Place!]! ${rel('LOCATED_IN', 'OUT')}
  relocatedFrom: [Place!]! ${rel('RELOCATED_FROM', 'OUT')}
  segments: [Segment!]! ${rel('IN_SEGMENT', 'OUT')}
  projects: [Project!]! ${rel('HAS_PROJECT', 'OUT')}
  mechanisms: [Mechanism!]! ${rel('FACILITATED_BY', 'OUT')}
}

type Project @node @mutation(operations: []) {
  id: ID!
  name: String!
  nameEn: String
  aliases: [String!]
  description: String${common}
  category: String
  signedOn: String
  landedOn: String
  amountYuan: Float
  local: Boolean
  enterprises: [Enterprise!]! ${rel('HAS_PROJECT', 'IN')}
  parent: [Project!]! ${rel('PART_OF', 'OUT')}
  subProjects: [Project!]! ${rel('PART_OF', 'IN')}
  park: [Place!]! ${rel('LOCATED_IN', 'OUT')}
}

type Place @node @mutation(operations: []) {
  id: ID!
  name: String!
  nameEn: String
  kind: String${common}
  parent: [Place!]! ${rel('PART_OF', 'OUT')}
  enterprises: [Enterprise!]! ${rel('LOCATED_IN', 'IN')}
}

type Chain @node @mutation(operations: []) {
  id: ID!
  name: String!
  nameEn: String
  description: String
  order: Int${common}
  segments: [Segment!]! ${rel('HAS_SEGMENT', 'OUT')}
}

type Segment @node @mutation(operations: []) {
  id: ID!
  name: String!
  nameEn: String
  chainId: ID
  order: Int
  layer: String
  layerEn: String${common}
  chain: [Chain!]! ${rel('HAS_SEGMENT', 'IN')}
  feeds: [Segment!]! ${rel('FEEDS', 'OUT')}
  fedBy: [Segment!]! ${rel('FEEDS', 'IN')}
  enterprises: [Enterprise!]! ${rel('IN_SEGMENT', 'IN')}
}

type Mechanism @node @mutation(operations: []) {
  id: ID!
  name: String!
  nameEn: String
  description: String${common}
}
`;

/**
 * The library's options: the ordering filters on strings (`lt`, `lte`, `gt`, `gte`) are off by
 * default, and a date window over ISO strings needs them.
 */
export const LIBRARY_FEATURES = { filters: { String: { LT: true, LTE: true, GT: true, GTE: true } } } as const;
