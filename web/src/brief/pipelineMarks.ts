// Where firms stand in the district's recruitment pipeline, as the briefing shows it: the count in
// each stage, the open entries whose next step is due soonest, and each firm's stage for the
// targets list. The pipeline is the state now, not as of the briefing's date (it keeps no past).
import { PIPELINE_STAGES, type PipelineStage } from '@cangshan/model';
import type { BriefPipelineEntry } from './briefQueries.ts';

export type PipelineStageName = PipelineStage;

export interface PipelineMark {
  stage: PipelineStageName;
  team: string | null;
  dueOn: string | null;
}

export interface PipelineSummary {
  counts: { stage: PipelineStageName; n: number }[];
  /** Open entries (not landed, not dropped), the soonest due first, those with no date last. */
  next: BriefPipelineEntry[];
  byFirm: Map<string, PipelineMark>;
  total: number;
}

export function summarisePipeline(entries: BriefPipelineEntry[], nextCount: number): PipelineSummary {
  const counts = PIPELINE_STAGES.map((stage) => ({ stage, n: entries.filter((e) => e.stage === stage).length }));
  const open = entries.filter((e) => e.stage !== 'LANDED' && e.stage !== 'DROPPED');
  const next = [...open]
    .sort((a, b) => (a.dueOn ?? '\uffff').localeCompare(b.dueOn ?? '\uffff') || PIPELINE_STAGES.indexOf(b.stage) - PIPELINE_STAGES.indexOf(a.stage))
    .slice(0, nextCount);
  const byFirm = new Map(entries.map((e) => [e.enterprise.id, { stage: e.stage, team: e.team ?? null, dueOn: e.dueOn ?? null }]));
  return { counts, next, byFirm, total: entries.length };
}
