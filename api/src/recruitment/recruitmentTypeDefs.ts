/** The recruitment module's SDL (issue 6), merged by api/src/schema/buildApiSchema.ts. */
export const recruitmentSdl = /* GraphQL */ `
"How well the district (or one anchor's circle) covers a chain segment: GAP none, WEAK 1–2 local firms, STRONG 3 or more (docs/RECRUITMENT.md)."
enum GapStatus {
  "No local firm in the segment (补链: the link is missing)."
  GAP
  "One or two local firms: one departure reopens the gap."
  WEAK
  "Three or more local firms."
  STRONG
}

"The factors of a recruitment score (docs/RECRUITMENT.md, 'Factors')."
enum ScoreFactorName {
  "Ties (supplies, buys from, partner, same group, attracted) to local anchors, weighted by type."
  anchorTies
  "Ties to other local firms of the scope, weighted by type."
  localTies
  "Adamic–Adar: neighbours shared with the scope's firms, each worth 1 / log(its degree)."
  adamicAdar
  "Its segment is a GAP (1) or WEAK (0.5) segment of the scope."
  gapFill
  "Resembles the scope's recent arrivals (last 24 months): same segment, same origin."
  similarity
  "How recent its newest tie to the scope is: exp(−months / 12)."
  recency
}

"One chain's segments, as covered by the scope's local firms at a date."
type ChainGaps {
  "The chain."
  chain: IndustryChain!
  "The cursor the coverage was taken at (normalised ISO date)."
  asOf: String!
  "Its segments, upstream first."
  segments: [SegmentGap!]!
  "Segments with no local firm."
  gaps: Int!
  "Segments with one or two local firms."
  weak: Int!
  "Segments with three or more local firms."
  strong: Int!
}

"One chain segment and the scope's local firms in it at a date."
type SegmentGap {
  "The segment."
  segment: ChainSegment!
  "Its chain."
  chain: IndustryChain!
  "GAP, WEAK or STRONG."
  status: GapStatus!
  "How many of the scope's firms had landed in it by the cursor."
  localCount: Int!
  "The first of those firms by landing date (each with its landedOn: since when)."
  firms: [Enterprise!]!
  "When its first local firm landed (the gap closed), null while it is a gap."
  firstLandedOn: String
  "When it became STRONG (the landing of its third firm), null while it is not."
  strongSince: String
}

"One factor of a score: value in [0, 1], weight, and what it adds."
type ScoreFactor {
  "Which factor."
  name: ScoreFactorName!
  "Its weight (the weights sum to 1)."
  weight: Float!
  "Its value in [0, 1] after saturation."
  value: Float!
  "weight × value: its part of the score."
  contribution: Float!
  "contribution ÷ score: its share of the score (0 to 1)."
  share: Float!
  "The raw amount before saturation (weighted tie count, Adamic–Adar sum), null for factors that have none."
  raw: Float
}

"One reason in plain words, in Chinese and English."
type Reason {
  "In Chinese: 供应 今日头条（链主）."
  zh: String!
  "In English: supplies Toutiao (anchor)."
  en: String!
  "The factor it explains."
  factor: ScoreFactorName!
}

"A tie that connects a target to the scope, with where it comes from."
type EvidenceTie {
  "The relation as a graph edge (also in \`evidence\`)."
  edge: GraphEdge!
  "For a two-step connection, the firm in between; null for a direct tie."
  via: ID
  "The source's words (STATED facts)."
  quotes: [String!]!
  "Why we hold it (CURATED facts)."
  reason: String
  "STATED, CURATED or SYNTHETIC."
  sourceKind: SourceKind
}

"A firm outside the scope worth courting, with its score explained."
type RecruitmentTarget {
  "1 for the best."
  rank: Int!
  "The firm."
  enterprise: Enterprise!
  "Weighted sum of the factor values, in [0, 1]."
  score: Float!
  "Each factor's weight, value, contribution and share."
  factors: [ScoreFactor!]!
  "Why, in plain words: one reason per contributing factor, the largest first."
  reasons: [Reason!]!
  "The reasons joined, in Chinese."
  reasonZh: String!
  "The reasons joined, in English."
  reasonEn: String!
  "The GAP or WEAK segment it would fill; null when its segment is STRONG or it has none in view."
  fillsGap: SegmentGap
  "Its segment's coverage, whatever the status."
  segmentGap: SegmentGap
  "What-if: its segment's status if it landed."
  statusIfLanded: GapStatus
  "The connecting ties and two-step paths, ready for the graph view."
  evidence: Graph!
  "The same ties with their sources (quotes, reasons)."
  ties: [EvidenceTie!]!
}

"A segment whose coverage would change if the given firms landed."
type SegmentChange {
  "The segment as it stands at the cursor."
  before: SegmentGap!
  "How many of the given firms would land in it."
  landing: Int!
  "Its status after they land."
  statusAfter: GapStatus!
  "Its local firm count after they land."
  localCountAfter: Int!
}

"What-if: if these firms landed, which gaps close."
type WhatIf {
  "The cursor (normalised ISO date)."
  asOf: String!
  "The firms assumed to land."
  enterpriseIds: [ID!]!
  "The segments that change."
  changes: [SegmentChange!]!
  "How many GAP segments would get their first firm."
  closedGaps: Int!
  "How many segments would become STRONG."
  strengthened: Int!
}

extend type Query {
  "Chain gaps (补链): each segment of a chain, or of every chain, with the local firms in it and its GAP / WEAK / STRONG status at a date. With \`anchorId\`, the local firms are that anchor's circle (depth 2)."
  chainGaps(
    "One chain; omit for every chain."
    chainId: ID
    "Count only this anchor's circle of friends (the anchor and firms within two ties)."
    anchorId: ID
    "The date (ISO at any precision); omit for today."
    asOf: String
    "How many firms to list per segment (1–50)."
    firmsPerSegment: Int = 5
  ): [ChainGaps!]!
  "Whom to court next, and why: firms not in the district by \`asOf\`, ranked by an explained score (ties to anchors and local firms, shared neighbours, gap filling, similarity to recent arrivals, recency)."
  recruitmentTargets(
    "Rank for this anchor's circle (its ties and gaps); omit for the whole district."
    anchorId: ID
    "Only candidates of this chain, against its gaps."
    chainId: ID
    "Rank with what was known at this date (ISO at any precision); omit for today."
    asOf: String
    "How many targets (1–100)."
    limit: Int = 10
  ): [RecruitmentTarget!]!
  "What-if: the segments whose coverage would change if these firms landed at \`asOf\`."
  whatIf(
    "The firms assumed to land (1–50 ids)."
    enterpriseIds: [ID!]!
    "Against this anchor's circle; omit for the district."
    anchorId: ID
    "Only this chain's segments."
    chainId: ID
    "The date (ISO at any precision); omit for today."
    asOf: String
  ): WhatIf!
}
`;
