import { PIPELINE_STAGES, type PipelineStage } from '@cangshan/model';

/** The stages come from the model (one list for the API and the web); a test checks the SDL's enum against it. */
export { PIPELINE_STAGES, type PipelineStage };

export const isPipelineStage = (s: unknown): s is PipelineStage => typeof s === 'string' && (PIPELINE_STAGES as readonly string[]).includes(s);

/** The stage a landing moves an entry to. */
export const LANDED: PipelineStage = 'LANDED';
