import type { Row } from '@cangshan/neo4j';
import type { EnterpriseRow } from '../../cypher/enterpriseProjection.ts';
import { PIPELINE_STAGES, type PipelineStage } from './pipelineStages.ts';

/** PipelineEntry of pipeline.graphql as the resolvers hold it (`history` and `stageDates` are resolved apart). */
export interface PipelineEntryOut {
  id: string;
  enterpriseId: string;
  enterprise: EnterpriseRow;
  stage: PipelineStage;
  team: string | null;
  note: string | null;
  dueOn: string | null;
  stageSince: string;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

/** PipelineChange as stored (`seq` orders an entry's changes). */
export interface PipelineChangeRow {
  at: string;
  by: string;
  stage: PipelineStage;
  fromStage: PipelineStage | null;
  team: string | null;
  note: string | null;
  dueOn: string | null;
  automatic: boolean;
  seq: number;
}

/** A row of the pipeline's queries (`entry`, `enterprise`) as a PipelineEntry. */
export function toEntry(row: Row): PipelineEntryOut {
  const e = row.entry as Record<string, unknown>;
  return {
    id: e.id as string,
    enterpriseId: e.enterpriseId as string,
    enterprise: row.enterprise as EnterpriseRow,
    stage: e.stage as PipelineStage,
    team: (e.team as string | null) ?? null,
    note: (e.note as string | null) ?? null,
    dueOn: (e.dueOn as string | null) ?? null,
    stageSince: e.stageSince as string,
    createdAt: e.createdAt as string,
    createdBy: e.createdBy as string,
    updatedAt: e.updatedAt as string,
    updatedBy: e.updatedBy as string,
  };
}

/** When the entry last entered each stage it has been in, in stage order, from its changes (newest first). */
export function stageDates(changes: readonly PipelineChangeRow[]): { stage: PipelineStage; at: string }[] {
  const last = new Map<PipelineStage, string>();
  for (const c of changes) if (c.fromStage !== c.stage && !last.has(c.stage)) last.set(c.stage, c.at);
  return PIPELINE_STAGES.flatMap((stage) => (last.has(stage) ? [{ stage, at: last.get(stage) as string }] : []));
}
