import { asOfCypher } from '@cangshan/model';
import { lines, type CypherQuery } from '../../cypher/cypherQuery.ts';
import { enterpriseProjection } from '../../cypher/enterpriseProjection.ts';
import { PIPELINE_STAGES, type PipelineStage } from './pipelineStages.ts';

/**
 * The pipeline's Cypher (docs/RECRUITMENT.md, "Recruitment pipeline"). Entries and their changes
 * are operational nodes outside the exported data set (`PipelineEntry`, `PipelineChange`, neither
 * `:Entity`): they name their firm by `enterpriseId` and their entry by `entryId` instead of a
 * relationship, so an import that rewrites a firm, or even deletes and re-creates it, leaves them
 * alone, and no data-set export or import ever carries them.
 */

/** An entry as the resolvers hold it: its properties and its firm. */
const ENTRY = 'p {.id, .enterpriseId, .stage, .team, .note, .dueOn, .stageSince, .createdAt, .createdBy, .updatedAt, .updatedBy}';
const RETURN_ENTRY = `RETURN ${ENTRY} AS entry, ${enterpriseProjection('e')} AS enterprise`;

/** The stage's place in PIPELINE_STAGES, as a Cypher CASE written from our own constant. */
const STAGE_RANK = `CASE p.stage ${PIPELINE_STAGES.map((s, i) => `WHEN '${s}' THEN ${i}`).join(' ')} ELSE ${PIPELINE_STAGES.length} END`;

/**
 * `pipeline(stage, team, first)`: entries whose firm exists, by stage, then the soonest due date (none
 * last), then when added. `dueBy` is `dueOn` at the end of its period (model's endOfPeriod), so that
 * "2026-12" sorts after "2026-12-01", as a date the way the as-of rule reads it.
 */
export function buildPipelineQuery(args: { stage: PipelineStage | null; team: string | null; first: number }): CypherQuery {
  return {
    cypher: lines(
      'MATCH (p:PipelineEntry)',
      'WHERE ($stage IS NULL OR p.stage = $stage) AND ($team IS NULL OR p.team = $team)',
      'MATCH (e:Enterprise {id: p.enterpriseId})',
      `WITH p, e ORDER BY ${STAGE_RANK}, p.dueBy IS NULL, p.dueBy, p.createdAt, p.id`,
      'LIMIT $first',
      RETURN_ENTRY,
    ),
    params: { stage: args.stage, team: args.team, first: args.first },
  };
}

/** Entries by their ids (`pipelineEntry`, and re-reading an entry after a write). */
export const ENTRIES_BY_ID = lines('UNWIND $ids AS id', 'MATCH (p:PipelineEntry {id: id})', 'MATCH (e:Enterprise {id: p.enterpriseId})', RETURN_ENTRY);

/** Entries by their firms' ids (`RecruitmentTarget.pipeline`, batched). */
export const ENTRIES_BY_ENTERPRISE = lines('UNWIND $ids AS id', 'MATCH (p:PipelineEntry {enterpriseId: id})', 'MATCH (e:Enterprise {id: id})', RETURN_ENTRY);

/** The last `$last` changes of each entry of `$ids`, newest first, and when each stage was last entered (batched). */
export const HISTORY = lines(
  'UNWIND $ids AS id',
  'OPTIONAL MATCH (c:PipelineChange {entryId: id})',
  'WITH id, c ORDER BY c.seq DESC',
  'WITH id, collect(c {.at, .by, .stage, .fromStage, .team, .note, .dueOn, .automatic, .seq}) AS changes',
  'RETURN id, changes',
);

/** A change, written by every write below: the entry's state after it, and a number that orders it among the entry's changes. */
const RECORD = lines(
  'SET p.changeCount = coalesce(p.changeCount, 0) + 1',
  'CREATE (:PipelineChange {entryId: p.id, seq: p.changeCount, at: p.updatedAt, by: p.updatedBy, stage: p.stage, fromStage: $fromStage, team: p.team, note: p.note, dueOn: p.dueOn, automatic: false})',
);

/** Whether the firm exists, is in the district today (the as-of rule), and is on the pipeline already. */
export const FIRM_FOR_ADD = lines(
  'MATCH (e:Enterprise {id: $enterpriseId})',
  'OPTIONAL MATCH (p:PipelineEntry {enterpriseId: $enterpriseId})',
  `RETURN e.landedOn AS landedOn, ${asOfCypher.node('e', 'today')} AS inDistrict, p.id AS entryId`,
);

/** Puts a firm on the pipeline with its first change. The unique constraint on `enterpriseId` refuses a second entry for the firm. */
export const ADD_ENTRY = lines(
  'MATCH (e:Enterprise {id: $enterpriseId})',
  'WITH e, toString(datetime()) AS now',
  'CREATE (p:PipelineEntry {id: $id, enterpriseId: e.id, stage: $stage, team: $team, note: $note, dueOn: $dueOn, dueBy: $dueBy,',
  '  stageSince: now, createdAt: now, createdBy: $actor, updatedAt: now, updatedBy: $actor})',
  RECORD,
  RETURN_ENTRY,
);

/** The entry and whether its firm is in the district today, locked for the update that follows (the SET takes the write lock first). */
export const ENTRY_FOR_UPDATE = lines(
  'MATCH (p:PipelineEntry {id: $id})',
  'SET p._lock = true REMOVE p._lock',
  'WITH p OPTIONAL MATCH (e:Enterprise {id: p.enterpriseId})',
  `RETURN ${ENTRY} AS entry, e IS NOT NULL AS firmExists, e.landedOn AS landedOn, ${asOfCypher.node('e', 'today')} AS inDistrict`,
);

/** Applies a patch (`$props`: only the fields that change) and records the change. */
export const UPDATE_ENTRY = lines(
  'MATCH (p:PipelineEntry {id: $id})',
  'WITH p, toString(datetime()) AS now',
  'SET p += $props, p.updatedAt = now, p.updatedBy = $actor',
  'SET p.stageSince = CASE WHEN $stageChanged THEN now ELSE p.stageSince END',
  RECORD,
  'WITH p MATCH (e:Enterprise {id: p.enterpriseId})',
  RETURN_ENTRY,
);

/**
 * "When a firm on the pipeline lands, its stage follows": every entry not LANDED whose firm is in
 * the district today by the model's as-of rule (landed by `$today`, not left) moves to LANDED with
 * an automatic change by `$by`. One statement for every write path that can give a firm a landing
 * (followLanding.ts); idempotent, and a sweep of all entries rather than of the firms just written,
 * so a landing that an earlier path missed (a command-line import, a landing date that was in the
 * future) is caught by the next one.
 */
export const FOLLOW_LANDING = lines(
  "MATCH (p:PipelineEntry) WHERE p.stage <> 'LANDED'",
  'MATCH (e:Enterprise {id: p.enterpriseId})',
  `WHERE ${asOfCypher.node('e', 'today')}`,
  // Lock, then look again: two writes that both found the entry (an import and an edit, or two
  // replicas starting) would otherwise both move it; the second sees it LANDED and leaves it.
  'SET p._lock = true REMOVE p._lock',
  "WITH p WHERE p.stage <> 'LANDED'",
  'WITH p, p.stage AS fromStage, toString(datetime()) AS now',
  "SET p.stage = 'LANDED', p.stageSince = now, p.updatedAt = now, p.updatedBy = $by, p.changeCount = coalesce(p.changeCount, 0) + 1",
  'CREATE (:PipelineChange {entryId: p.id, seq: p.changeCount, at: now, by: $by, stage: p.stage, fromStage: fromStage, team: p.team, note: p.note, dueOn: p.dueOn, automatic: true})',
  'RETURN count(p) AS moved',
);
