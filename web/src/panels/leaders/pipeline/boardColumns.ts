// Pure logic of the board: which column an entry goes in, in what order, and the neighbouring
// stages a card's arrow buttons move to.
import { endOfPeriod, PIPELINE_STAGES } from '@cangshan/model';
import type { PipelineStage } from '../../../data/generated/graphql.ts';
import type { PipelineEntry } from './pipelineQueries.ts';

/** The stages in the board's order: the model's list, which the API's PipelineStage follows (a test checks). */
export const STAGES: readonly PipelineStage[] = PIPELINE_STAGES;

/** The stages a firm goes through on its way in; DROPPED is left aside and reached from the stage menu. */
const PATH: readonly PipelineStage[] = ['TO_CONTACT', 'CONTACTED', 'VISITED', 'SIGNED', 'LANDED'];

/** The previous and next stage on the way in, or null at either end (and for DROPPED: back to TO_CONTACT only). */
export function neighbours(stage: PipelineStage): { prev: PipelineStage | null; next: PipelineStage | null } {
  if (stage === 'DROPPED') return { prev: null, next: 'TO_CONTACT' };
  const i = PATH.indexOf(stage);
  return { prev: PATH[i - 1] ?? null, next: PATH[i + 1] ?? null };
}

/** A due date as a sort key: the end of its period ("2026-12" is due by 2026-12-31), none last. */
const dueKey = (dueOn: string | null | undefined): string => (dueOn ? (endOfPeriod(dueOn) ?? dueOn) : '\uffff');

/** The entries of each stage: soonest due first (none last), then the longest waiting. */
export function columns(entries: readonly PipelineEntry[], team: string | null): Map<PipelineStage, PipelineEntry[]> {
  const out = new Map<PipelineStage, PipelineEntry[]>(STAGES.map((s) => [s, []]));
  for (const e of entries) if (team === null || e.team === team) out.get(e.stage)?.push(e);
  for (const list of out.values()) {
    list.sort((a, b) => dueKey(a.dueOn).localeCompare(dueKey(b.dueOn)) || a.stageSince.localeCompare(b.stageSince) || a.id.localeCompare(b.id));
  }
  return out;
}

/** The teams named on the pipeline, in code-point order (招商一组 before 招商二组), for the filter. */
export function teamsOf(entries: readonly PipelineEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => (e.team ? [e.team] : [])))].sort();
}

/** An ISO date-time as the card shows it: `2026-11-30 18:40` (UTC, as stored). */
export const minute = (iso: string): string => iso.replace('T', ' ').slice(0, 16);
