// The board's two writes. Each sends one mutation without retrying (a retry after a lost answer
// could record a change twice) and puts the answered entry in the shared store.
import { gql, GraphqlRequestError } from '../../../data/graphqlClient.ts';
import type { AddToPipelineInput, UpdatePipelineInput } from '../../../data/generated/graphql.ts';
import { ADD_TO_PIPELINE, UPDATE_PIPELINE_ENTRY, type PipelineEntry } from './pipelineQueries.ts';
import { putEntry } from './pipelineStore.ts';

export const asRequestError = (e: unknown): GraphqlRequestError => (e instanceof GraphqlRequestError ? e : new GraphqlRequestError(String(e), 'network', { cause: e }));

export async function addToPipeline(input: AddToPipelineInput): Promise<PipelineEntry> {
  const d = await gql(ADD_TO_PIPELINE, { input }, { retries: 0 });
  putEntry(d.addToPipeline);
  return d.addToPipeline;
}

export async function updatePipelineEntry(id: string, input: UpdatePipelineInput): Promise<PipelineEntry> {
  const d = await gql(UPDATE_PIPELINE_ENTRY, { id, input }, { retries: 0 });
  putEntry(d.updatePipelineEntry);
  return d.updatePipelineEntry;
}
