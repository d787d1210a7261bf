import { DirectiveLocation, isEnumType, isInputObjectType, isObjectType, type GraphQLSchema } from 'graphql';
import { MAX_CHAIN_DEPTH } from '../capabilities/graph/chainQuery.ts';
import { MAX_CIRCLE_DEPTH } from '../capabilities/graph/circleQuery.ts';
import { MAX_PATH_LENGTH } from '../capabilities/graph/pathQuery.ts';
import { MAX_PERIODS } from '../capabilities/growth/bucketGrowth.ts';
import { FACTOR_NAMES, TARGET_LIMITS, VIA_UNITS } from '../capabilities/recruitment/index.ts';
import { DEFAULT_NESTED_FIRST, MAX_NESTED_FIRST } from '../cypher/relatedQuery.ts';
import { MAX_HISTORY, MAX_PIPELINE } from '../capabilities/pipeline/pipelineResolvers.ts';
import { PIPELINE_STAGES } from '@cangshan/model';
import { enterprisesWork } from '../capabilities/enterprises/enterprisesWork.ts';
import { DEFAULT_GROUPS, MAX_GROUP_KEYS, MAX_GROUPS } from '../capabilities/aggregates/aggregateResolvers.ts';

/**
 * How many items each list of the schema can hold, for the cost estimate (queryCost.ts).
 *
 * The unit of cost is one value of the answer: every object and every field counts 1, a list
 * counts its items times what each item selects. A list takes its size from the arguments that
 * bound it (`first`, `limit`, `last`, `depth`, `maxLength`, `firmsPerSegment`), clamped to the cap
 * its resolver enforces; lists no argument bounds take the largest fan-out measured on the
 * synthetic district of 20,000 firms (seed 42, `generateSynthetic`) and on the article's data,
 * rounded up. Lists that grow with the district (a hub's partners, a segment's firms) take a
 * `first` with a default page instead (relatedQuery.ts): their largest fan-out went from 82 to
 * 409 to 2,048 partners at 2k, 20k and 100k firms, so no measured number would bound them.
 */

/** The caps of the server's configuration that bound arguments (config.ts). */
export interface CostCaps {
  /** GRAPHQL_MAX_PAGE_SIZE: largest `first` of `enterprises`. */
  maxPageSize: number;
  /** GRAPHQL_MAX_GRAPH_NODES: largest `limit` of `graph`. */
  maxGraphNodes: number;
  /** GRAPHQL_MAX_SEARCH_RESULTS: largest `limit` of `search`. */
  maxSearchResults: number;
}

type Args = Record<string, unknown>;
type Size = number | ((args: Args, caps: CostCaps) => number);

/** An integer argument as its resolver will take it: the default when absent or null, clamped to [0, max] (beyond, the resolver refuses it). */
function intArg(value: unknown, dflt: number, max: number): number {
  const n = typeof value === 'number' && Number.isFinite(value) ? value : dflt;
  return Math.max(0, Math.min(Math.floor(n), max));
}

// Measured on the 20k district (and the article's data where it is larger), rounded up.
/** Anchors: 18 at 20k, 40 at 100k; the generator makes at most 60, the article 2. */
const ANCHORS = 100;
/** Chains and segments per chain: the curated reference data has 5 chains of at most 10 segments. */
const CHAINS = 10;
const SEGMENTS_PER_CHAIN = 10;
/** FEEDS between segments: at most 5 out of one segment, 4 into one. */
const FEEDS = 5;
/** Firms per district: the size the numbers here were measured at (landed firms: 14,000 of 20,000). */
const DISTRICT_FIRMS = 20_000;
/** `graph(groupBy)` adds parks, segments or chains as parent nodes (33 synthetic places, 30 segments) and FEEDS among segments (45). */
const GROUP_NODES = 100;
const GROUP_EDGES = 100;
/** Months of the aggregated overview's timeline: 132 in the synthetic district (2014–2024), rounded up to 20 years. */
const OVERVIEW_MONTHS = 240;
/** Relations among the firms of a graph per firm: 3.62 for the top 5,000 firms, 3.75 for all 20,000, 3.80 in a circle of depth 4. */
const EDGES_PER_NODE = 5;
/** Firms of a circle by depth, from the best connected anchor (990, 3,974, 9,458, 17,384 at depth 1–4). */
const CIRCLE_REACH = [1_000, 4_000, 10_000, 20_000];
/** Firms of a supply chain (BOTH ways) by depth, from the firm with most SUPPLIES (581, 1,424, 1,948, 2,064, –, 2,095 at depth 1–6), and its SUPPLIES per firm (1.43–1.76). */
const CHAIN_REACH = [600, 1_500, 2_000, 2_500, 2_500, 2_500];
const CHAIN_EDGES_PER_NODE = 2;
/** Caps the recruitment resolvers enforce (recruitmentResolvers.ts) and `changes(last)`'s (changesResolvers.ts). */
const MAX_TARGETS = 100;
const MAX_FIRMS_PER_SEGMENT = 50;
const MAX_WHAT_IF_IDS = 50;
const MAX_CHANGES = 500;
/** A recruitment target's evidence: its ties and two-step paths (buildTargetsQuery.ts). */
const EVIDENCE_TIES = TARGET_LIMITS.evidenceTies + 2 * TARGET_LIMITS.evidencePaths;

const nestedPage = (a: Args): number => intArg(a.first, DEFAULT_NESTED_FIRST, MAX_NESTED_FIRST);
const registryPage = (a: Args): number => intArg(a.first, 50, 1000);

/** Lists sized by their own arguments or by a measured fan-out. */
export const LIST_SIZES: Record<string, Size> = {
  'Query.anchors': ANCHORS,
  'Query.changes': (a) => intArg(a.last, 50, MAX_CHANGES),
  'Query.growth': MAX_PERIODS,
  'Query.indicators': 50, // 23 in the article
  'Query.chains': CHAINS,
  'Query.chainGaps': (a) => (a.chainId == null ? CHAINS : 1),
  'Query.recruitmentTargets': (a) => intArg(a.limit, 10, MAX_TARGETS),
  'Query.search': (a, caps) => intArg(a.limit, 10, caps.maxSearchResults),
  'Query.find': (a, caps) => intArg(a.limit, 10, caps.maxSearchResults),
  'Enterprise.aliases': 20, // at most 10 (the article)
  'Enterprise.attracted': nestedPage,
  'Enterprise.attractedBy': 5, // one likely anchor each, in both data sets
  'Enterprise.upstream': nestedPage,
  'Enterprise.downstream': nestedPage,
  'Enterprise.partners': nestedPage,
  'Enterprise.units': nestedPage,
  'Enterprise.projects': 5, // at most 1
  'Enterprise.mechanisms': 15, // 13 mechanisms in all
  'Enterprise.sources': 10, // one per quote: at most 4
  'Indicator.sources': 10,
  'Project.subProjects': 10, // at most 2
  'Project.enterprises': 5, // at most 1
  'Project.mechanisms': 15,
  'Project.sources': 10,
  'IndustryChain.segments': SEGMENTS_PER_CHAIN,
  'ChainSegment.feeds': FEEDS,
  'ChainSegment.fedBy': FEEDS,
  'ChainSegment.enterprises': nestedPage,
  'ChainGaps.segments': SEGMENTS_PER_CHAIN,
  'SegmentGap.firms': TARGET_LIMITS.firmsPerSegment, // in targets and whatIf; chainGaps sets its own (CHANNELS)
  'EvidenceTie.quotes': 10, // at most 2
  'RecruitmentTarget.factors': FACTOR_NAMES.length,
  'RecruitmentTarget.reasons': FACTOR_NAMES.length, // one per contributing factor
  'RecruitmentTarget.ties': EVIDENCE_TIES,
  'RecruitmentTarget.via': VIA_UNITS, // the group's present units, capped by the query
  'WhatIf.enterpriseIds': MAX_WHAT_IF_IDS,
  'WhatIf.changes': CHAINS * SEGMENTS_PER_CHAIN,
  'Stats.byChain': CHAINS + 1,
  'Stats.byYear': 50, // landing years: 11 at 20k
  'Stats.circles': ANCHORS,
  // Sized by the field that returns them (CHANNELS); these are the fallbacks, never smaller.
  'Graph.nodes': DISTRICT_FIRMS,
  'Graph.edges': EDGES_PER_NODE * DISTRICT_FIRMS,
  'EnterpriseConnection.edges': MAX_NESTED_FIRST,
  'EnterpriseConnection.nodes': MAX_NESTED_FIRST,
  'GrowthPoint.landedIds': DISTRICT_FIRMS,
  'GrowthPoint.departedIds': DISTRICT_FIRMS,
  // The registry import (registry.graphql): pages bounded by `first`, and what a firm's rows hold.
  'Enterprise.formerNames': 20, // 曾用名: a handful at most
  'Enterprise.industryCodes': 10,
  'Enterprise.registryHistory': 120, // one line a month for ten years
  'RegistryPreview.columns': 200, // an export's columns: 40 in the widest commercial export seen
  'RegistryPreview.problems': (a) => intArg(a.first, 200, 1000),
  'RegistryPreview.newFirms': registryPage,
  'RegistryPreview.matched': registryPage,
  'RegistryPreview.changedFirms': registryPage,
  'RegistryPreview.departures': registryPage,
  'RegistryPreview.notInExport': registryPage,
  'RegistryPreview.held': registryPage,
  'RegistryFirmPreview.rows': 20, // rows merged into one firm
  'RegistryFirmPreview.changes': 40, // every registry field at most once
  'RegistryImportJob.problems': (a) => intArg(a.first, 200, 1000),
  'PlacementReviewPage.items': (a) => intArg(a.first, 50, 500),
  // The recruitment pipeline (pipelineResolvers.ts): bounded by `first` and `last`, stages by their number.
  'Query.pipeline': (a) => intArg(a.first, MAX_PIPELINE, MAX_PIPELINE),
  'PipelineEntry.history': (a) => intArg(a.last, 50, MAX_HISTORY),
  'PipelineEntry.stageDates': PIPELINE_STAGES.length,
  // Aggregates (capabilities/aggregates): groups are sized by the aggregate's `limit` (CHANNELS); this is the fallback.
  'EnterpriseAggregate.groups': MAX_GROUPS,
  'EnterpriseAggregateGroup.keys': MAX_GROUP_KEYS,
  // The aggregated overview (capabilities/overview): 31 segment groups, 33 synthetic places; pairs
  // of groups with ties at most every ordered pair of 31 segments; months of the timeline (132 in
  // the synthetic district's eleven years), rounded up.
  'OverviewGroups.groups': GROUP_NODES,
  'OverviewGroups.ties': 1_000,
  'OverviewGroups.months': OVERVIEW_MONTHS,
  'OverviewGroup.arrivals': OVERVIEW_MONTHS,
  'OverviewGroup.departures': OVERVIEW_MONTHS,
  'OverviewTie.added': OVERVIEW_MONTHS,
  'OverviewTie.removed': OVERVIEW_MONTHS,
  'OverviewTie.byType': 4,
};

/**
 * A list whose size is set by a field above it: `graph(limit)` sizes its `nodes` and `edges`,
 * `enterprises(first)` its page, `chainGaps(firmsPerSegment)` the firms of each segment, `growth`
 * the ids (landed, departed) of every period together.
 */
export interface Channel {
  /** Field names from the sizing field down to the list. */
  path: string[];
  size: (args: Args, caps: CostCaps) => number;
  /** The size is for all items of the sizing list together, not per item (growth's landedIds). */
  total?: boolean;
  /**
   * The type the resolver builds whole, whatever the selection: each item costs at least its
   * fields, and the list counts even when it is not selected (a graph reads every node and edge).
   */
  builds?: string;
}

const graphBy = (nodes: (a: Args, caps: CostCaps) => number, edges: (a: Args, caps: CostCaps) => number): Channel[] => [
  { path: ['nodes'], size: nodes, builds: 'GraphNode' },
  { path: ['edges'], size: edges, builds: 'GraphEdge' },
];
const graphLimit = (a: Args, caps: CostCaps): number => intArg(a.limit, 2000, caps.maxGraphNodes);
const circleNodes = (a: Args): number => CIRCLE_REACH[intArg(a.depth, 2, MAX_CIRCLE_DEPTH) - 1] ?? 1;
const chainNodes = (a: Args): number => CHAIN_REACH[intArg(a.depth, 2, MAX_CHAIN_DEPTH) - 1] ?? 1;
const pathLength = (a: Args): number => intArg(a.maxLength, 6, MAX_PATH_LENGTH);
const page = (a: Args, caps: CostCaps): number => intArg(a.first, 20, caps.maxPageSize);
/** An aggregate's groups: `limit` of them. */
const aggregateGroups: Channel[] = [{ path: ['groups'], size: (a) => intArg(a.limit, DEFAULT_GROUPS, MAX_GROUPS) }];
/** What a relation's aggregate reads for one parent (WORK): each firm of the relation (a hub's 500, below) with its group keys, and `where`'s related-firm conditions for each. */
const relatedAggregateWork = (a: Args): number => 500 + enterprisesWork(a, 500);
/** What a nested connection's `where` and `sort` make the database do beyond its page (WORK). */
const nestedConnectionWork = (a: Args): number => enterprisesWork(a, 500);
/** A nested connection's page (capabilities/connections): `first`, 20 by default, at most MAX_NESTED_FIRST. */
const nestedConnection: Channel[] = [
  { path: ['edges'], size: (a) => intArg(a.first, 20, MAX_NESTED_FIRST) },
  { path: ['nodes'], size: (a) => intArg(a.first, 20, MAX_NESTED_FIRST) },
];

export const CHANNELS: Record<string, Channel[]> = {
  'Query.graph': graphBy((a, c) => graphLimit(a, c) + GROUP_NODES, (a, c) => EDGES_PER_NODE * graphLimit(a, c) + GROUP_EDGES),
  'Query.circle': graphBy(circleNodes, (a) => EDGES_PER_NODE * circleNodes(a)),
  'Query.chain': graphBy(chainNodes, (a) => CHAIN_EDGES_PER_NODE * chainNodes(a)),
  'Query.path': graphBy((a) => pathLength(a) + 1, pathLength),
  'RecruitmentTarget.evidence': graphBy(() => 1 + EVIDENCE_TIES, () => EVIDENCE_TIES),
  'Query.enterprises': [
    { path: ['edges'], size: page },
    { path: ['nodes'], size: page },
  ],
  'Enterprise.attractedConnection': nestedConnection,
  'Enterprise.attractedByConnection': nestedConnection,
  'Enterprise.upstreamConnection': nestedConnection,
  'Enterprise.downstreamConnection': nestedConnection,
  'Enterprise.partnersConnection': nestedConnection,
  'Enterprise.unitsConnection': nestedConnection,
  'ChainSegment.enterprisesConnection': nestedConnection,
  'Query.chainGaps': [{ path: ['segments', 'firms'], size: (a) => intArg(a.firmsPerSegment, 5, MAX_FIRMS_PER_SEGMENT) }],
  'Query.enterpriseAggregate': aggregateGroups,
  'Enterprise.attractedAggregate': aggregateGroups,
  'Enterprise.upstreamAggregate': aggregateGroups,
  'Enterprise.downstreamAggregate': aggregateGroups,
  'Enterprise.partnersAggregate': aggregateGroups,
  'Query.growth': [
    { path: ['landedIds'], size: () => DISTRICT_FIRMS, total: true },
    { path: ['departedIds'], size: () => DISTRICT_FIRMS, total: true },
  ],
};

/**
 * Work in the database that the answer's size does not show, in the same unit: the Overview (5,000
 * firms, 322,805 by this estimate) took 1.4–1.8 s warm on the 20k district, so ~200k a second;
 * these took (warm, read cache off, load average 11–14 on 2 cores) 1.2–1.7 s (recruitmentTargets,
 * limit 15), 0.6–1.2 s (stats: a depth-2 circle per anchor), 0.3–0.4 s (whatIf), 0.1–0.5 s
 * (chainGaps), 0.15 s (growth) for answers of a few hundred values. `recruitmentTargets(limit: 100)`
 * took 2.9 s each when seven ran aliased in one request (20 s in all, load average 8–13): counted at
 * 400k, at most four fit in GRAPHQL_MAX_COMPLEXITY. Without this, fifty aliased rankings would pass
 * as cheap.
 */
export const WORK: Record<string, Size> = {
  // A `where` with related-firm conditions, or a `sort` off the id index, reads every firm that
  // matches, whatever the page (enterprisesWork.ts).
  'Query.enterprises': (a) => enterprisesWork(a, DISTRICT_FIRMS),
  'Query.recruitmentTargets': 400_000,
  'Query.stats': 150_000,
  'Query.whatIf': 50_000,
  'Query.chainGaps': 50_000,
  'Query.growth': 25_000,
  // Reads every entry asked for (at most 1,000) with its changes, then builds one file in memory
  // (not measured at that size; a district follows tens to hundreds of firms): priced like `growth`.
  'Query.pipelineExport': 25_000,
  // An aggregate reads every firm that matches, and each firm's group keys: the whole district
  // without a condition (by SEGMENT on the 20k district: 276k db hits, 0.23–0.5 s warm with the
  // read cache off; with every statistic 396k, 0.38–0.43 s; load average 5–9 on 2 cores), and its
  // `where`'s related-firm conditions for each. A relation's aggregate reads every firm of the
  // relation (not a page): priced at the largest fan-out at 20k firms (409 partners of a hub), for
  // each parent (a page of 1,000 firms' partnersAggregate by KIND: 22k db hits, 0.4–0.6 s).
  'Query.enterpriseAggregate': (a) => 3 * DISTRICT_FIRMS + enterprisesWork(a, DISTRICT_FIRMS),
  // The aggregated overview reads every firm that matches with its group, and every firm relation
  // from them with both ends' groups (overviewGroupsQuery.ts).
  'Query.overviewGroups': 3 * DISTRICT_FIRMS + 2 * EDGES_PER_NODE * DISTRICT_FIRMS,
  'Enterprise.attractedAggregate': relatedAggregateWork,
  'Enterprise.upstreamAggregate': relatedAggregateWork,
  'Enterprise.downstreamAggregate': relatedAggregateWork,
  'Enterprise.partnersAggregate': relatedAggregateWork,
  // A nested connection's `where` runs its related-firm conditions for every firm of the parent's
  // list, and a `sort` orders them all, whatever the page (enterprisesWork.ts): for each parent, at
  // the largest fan-out at 20k firms (409 partners of a hub) or, for a segment, its firms (20,000
  // over 30 segments, unevenly: counted at 2,000).
  'Enterprise.attractedConnection': nestedConnectionWork,
  'Enterprise.attractedByConnection': nestedConnectionWork,
  'Enterprise.upstreamConnection': nestedConnectionWork,
  'Enterprise.downstreamConnection': nestedConnectionWork,
  'Enterprise.partnersConnection': nestedConnectionWork,
  'Enterprise.unitsConnection': nestedConnectionWork,
  'ChainSegment.enterprisesConnection': (a) => enterprisesWork(a, 2_000),
};

/** Sizes of the introspection lists, from the schema itself (GraphiQL's docs pane asks for all of it). */
export function introspectionSizes(schema: GraphQLSchema): Record<string, number> {
  const types = Object.values(schema.getTypeMap());
  let fields = 1;
  let inputFields = 1;
  let enumValues = 1;
  let args = 1;
  let possible = 1;
  for (const t of types) {
    if (isObjectType(t)) {
      const fs = Object.values(t.getFields());
      fields = Math.max(fields, fs.length);
      for (const f of fs) args = Math.max(args, f.args.length);
      possible = Math.max(possible, t.getInterfaces().length);
    } else if (isInputObjectType(t)) inputFields = Math.max(inputFields, Object.keys(t.getFields()).length);
    else if (isEnumType(t)) enumValues = Math.max(enumValues, t.getValues().length);
  }
  for (const d of schema.getDirectives()) args = Math.max(args, d.args.length);
  return {
    '__Schema.types': types.length,
    '__Schema.directives': schema.getDirectives().length,
    '__Type.fields': fields,
    '__Type.inputFields': inputFields,
    '__Type.enumValues': enumValues,
    '__Type.interfaces': possible,
    '__Type.possibleTypes': possible,
    '__Field.args': args,
    '__Directive.args': args,
    '__Directive.locations': Object.keys(DirectiveLocation).length,
  };
}
