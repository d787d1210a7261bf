/**
 * The graph's vocabulary: node labels, relation types and which labels each relation may join.
 * This file is the only place that spells them; Neo4j's schema, the importer, the API and the web
 * read them from here, and a test checks the GraphQL enums against them.
 */

/** Node labels. Every node also carries `:Entity` (ids are unique across the graph). */
export const NODE_LABELS = ['Enterprise', 'Project', 'Place', 'Chain', 'Segment', 'Mechanism', 'Indicator', 'Document'] as const;
export type NodeLabel = (typeof NODE_LABELS)[number];

/** The label every node carries beside its own, and the label of the audit records. */
export const ENTITY_LABEL = 'Entity';
export const CHANGE_LABEL = 'Change';

/**
 * The recruitment pipeline's labels (docs/RECRUITMENT.md, "Recruitment pipeline"): the district's
 * own working data about whom it courts, not facts of the graph. Not in NODE_LABELS, so no data-set
 * export carries them and no import (which only writes NODE_LABELS) can overwrite them with an
 * older state; not `Entity` either.
 */
export const PIPELINE_LABELS = ['PipelineEntry', 'PipelineChange'] as const;

/** The pipeline's stages in their order (GraphQL `PipelineStage`; the board's columns). */
export const PIPELINE_STAGES = ['TO_CONTACT', 'CONTACTED', 'VISITED', 'SIGNED', 'LANDED', 'DROPPED'] as const;
export type PipelineStage = (typeof PIPELINE_STAGES)[number];

/**
 * Labels of the database's own bookkeeping, outside the domain: `Entity` (on every node, for the
 * graph-wide id constraint), `Change` (the audit trail), `ImportRun` and `ImportStaging` (the
 * staged importer's runs and its not-yet-published rows), `StartingDataLock` (held, never committed,
 * while one of several starting replicas loads the starting data), and the pipeline's operational labels.
 * A test checks that the Cypher of every package uses no label or relation type but these and the model's.
 */
export const SYSTEM_LABELS = [ENTITY_LABEL, CHANGE_LABEL, 'ImportRun', 'ImportStaging', 'StartingDataLock', ...PIPELINE_LABELS] as const;

interface RelationSpec {
  /** Labels the relation may start from. */
  from: readonly NodeLabel[];
  /** Labels the relation may end at. */
  to: readonly NodeLabel[];
  /** How an edge of this type is labelled in graph answers (English, lower case). */
  label: string;
  /**
   * A fact about firms and projects that an editor may write through the API (`createRelation`,
   * `deleteRelation`).
   * The others are the chains' own structure and the indicators' places: written by imports only.
   */
  writable: boolean;
  /** What the relation means, read as `(from)-[TYPE]->(to)`. */
  meaning: string;
}

/** Every relation type with the labels it may join (the GraphQL enum `RelationType` lists the writable ones). */
export const RELATIONS = {
  ATTRACTED: { from: ['Enterprise'], to: ['Enterprise'], label: 'attracted', writable: true, meaning: 'the anchor drew the other firm into the district' },
  SUPPLIES: { from: ['Enterprise'], to: ['Enterprise'], label: 'supplies', writable: true, meaning: 'the first firm supplies the second (upstream → downstream)' },
  PARTNER_OF: { from: ['Enterprise'], to: ['Enterprise'], label: 'partner of', writable: true, meaning: 'a partnership with no direction of supply' },
  PART_OF: {
    from: ['Enterprise', 'Project', 'Place'],
    to: ['Enterprise', 'Project', 'Place'],
    label: 'part of',
    writable: true,
    meaning: 'a unit of a group, a phase of a project, a park in a district',
  },
  LOCATED_IN: { from: ['Enterprise', 'Project'], to: ['Place'], label: 'located in', writable: true, meaning: 'sits in a park or district' },
  RELOCATED_FROM: { from: ['Enterprise'], to: ['Place'], label: 'relocated from', writable: true, meaning: 'moved its seat from that place' },
  IN_SEGMENT: { from: ['Enterprise', 'Project'], to: ['Segment'], label: 'in segment', writable: true, meaning: 'works in that segment of a chain' },
  HAS_SEGMENT: { from: ['Chain'], to: ['Segment'], label: 'has segment', writable: false, meaning: 'the chain is made of that segment' },
  FEEDS: { from: ['Segment'], to: ['Segment'], label: 'feeds', writable: false, meaning: 'the first segment is upstream of the second' },
  HAS_PROJECT: { from: ['Enterprise'], to: ['Project'], label: 'has project', writable: true, meaning: 'the firm invests in the project' },
  FACILITATED_BY: { from: ['Enterprise', 'Project'], to: ['Mechanism'], label: 'facilitated by', writable: true, meaning: 'a policy mechanism helped it land' },
  OF_PLACE: { from: ['Indicator'], to: ['Place'], label: 'of place', writable: false, meaning: 'the indicator measures that place' },
} as const satisfies Record<string, RelationSpec>;

export type RelType = keyof typeof RELATIONS;
export const REL_TYPES = Object.keys(RELATIONS) as RelType[];

/** Which labels each relation type may join. */
export const REL_ENDS: Record<RelType, { from: readonly NodeLabel[]; to: readonly NodeLabel[] }> = RELATIONS;

/** The relation types the API's `upsertRelation` / `deleteRelation` accept. */
export const WRITABLE_REL_TYPES = REL_TYPES.filter((t) => RELATIONS[t].writable);

export function isRelType(s: string): s is RelType {
  return Object.hasOwn(RELATIONS, s);
}

export function isNodeLabel(s: string): s is NodeLabel {
  return (NODE_LABELS as readonly string[]).includes(s);
}

/**
 * Where a fact comes from: the article says it (STATED), we judged it (CURATED), a business-registry
 * export the district imported records it (REGISTRY: `docId` names the export's Document, `reason`
 * the file and row), or it was generated (SYNTHETIC).
 */
export const SOURCE_KINDS = ['STATED', 'CURATED', 'REGISTRY', 'SYNTHETIC'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
