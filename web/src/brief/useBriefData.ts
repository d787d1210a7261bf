// Everything the briefing shows, as one state: loading, a failure worded for the reader (a bad
// parameter, an unknown anchor or chain, the API's error), empty (nothing in the scope and nothing
// to recommend), or ready. The anchor is asked for separately, only when there is one; the pipeline
// too, and its failure leaves the rest of the briefing standing.
import { describeError } from '../data/describeError.ts';
import type { GraphqlRequestError } from '../data/graphqlClient.ts';
import { useGql } from '../data/useGql.ts';
import type { BriefParamProblem, BriefParams } from './briefParams.ts';
import { BRIEF_ANCHOR_QUERY, BRIEF_PIPELINE_QUERY, BRIEF_QUERY, type BriefAnchor, type BriefData } from './briefQueries.ts';
import type { BriefT } from './briefStrings.ts';
import { GROWTH_MONTHS, monthsBefore } from './growthWindow.ts';
import { summarisePipeline, type PipelineSummary } from './pipelineMarks.ts';

/** Open pipeline entries listed by due date: more do not fit beside the rest. */
const PIPELINE_NEXT = 4;

export type BriefState =
  | { state: 'loading' }
  | { state: 'error'; message: string; request: GraphqlRequestError | null; retry: (() => void) | null }
  | { state: 'empty' | 'ready'; data: BriefData; anchor: BriefAnchor | null; pipeline: BriefPipeline };

/** The pipeline's part: its summary, or why it is missing (the rest of the briefing stands without it). */
export type BriefPipeline = { summary: PipelineSummary; failure: null } | { summary: null; failure: string };

export function useBriefData(params: BriefParams, problems: BriefParamProblem[], t: BriefT): BriefState {
  const ok = problems.length === 0;
  const anchorQ = useGql(ok && params.anchorId ? BRIEF_ANCHOR_QUERY : null, { id: params.anchorId ?? '' });
  // The anchor first: an unknown id would make every field below fail with the same NOT_FOUND.
  const anchorKnown = !params.anchorId || !!anchorQ.data?.enterprise;
  const briefQ = useGql(ok && anchorKnown ? BRIEF_QUERY : null, {
    anchorId: params.anchorId,
    chainId: params.chainId,
    from: monthsBefore(params.asOf, GROWTH_MONTHS - 1),
    asOf: params.asOf,
    limit: params.targets,
  });
  const pipelineQ = useGql(ok && anchorKnown ? BRIEF_PIPELINE_QUERY : null);

  const problem = problems[0];
  if (problem) return { state: 'error', message: t('badParam', { param: problem.param, value: problem.value }), request: null, retry: null };
  const failed = anchorQ.error ?? briefQ.error;
  if (failed) return { state: 'error', message: describeError(params.lang, failed), request: failed, retry: anchorQ.error ? anchorQ.retry : briefQ.retry };
  if (params.anchorId && anchorQ.data && !anchorQ.data.enterprise) return { state: 'error', message: t('unknownAnchor', { id: params.anchorId }), request: null, retry: null };
  const data = briefQ.data;
  if (!data || briefQ.loading || anchorQ.loading || pipelineQ.loading || (!pipelineQ.data && !pipelineQ.error)) return { state: 'loading' };
  if (params.chainId && data.chainGaps.length === 0) return { state: 'error', message: t('unknownChain', { id: params.chainId }), request: null, retry: null };
  const anchor = anchorQ.data?.enterprise ?? null;
  const hasFirms = data.growth.some((p) => p.cumulativeNet > 0) || data.chainGaps.some((c) => c.segments.some((s) => s.localCount > 0));
  const pipeline: BriefPipeline = pipelineQ.data
    ? { summary: summarisePipeline(pipelineQ.data.pipeline, PIPELINE_NEXT), failure: null }
    : { summary: null, failure: pipelineQ.error ? describeError(params.lang, pipelineQ.error) : '' };
  return { state: hasFirms || data.recruitmentTargets.length > 0 ? 'ready' : 'empty', data, anchor, pipeline };
}
