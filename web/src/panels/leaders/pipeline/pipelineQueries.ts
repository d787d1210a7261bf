// The board's GraphQL documents (api/src/capabilities/pipeline/pipeline.graphql); their result
// types are the ones web/codegen.ts generates for these documents. Each document spells the entry's
// fields out (codegen takes literal text only), so the board, a new card and a moved card agree.
import type { TypedQuery } from '../../../data/graphqlClient.ts';
import type {
  AddToPipelineMutation,
  AddToPipelineMutationVariables,
  PipelineBoardQuery,
  PipelineBoardQueryVariables,
  PipelineExportQuery,
  PipelineExportQueryVariables,
  UpdatePipelineEntryMutation,
  UpdatePipelineEntryMutationVariables,
} from '../../../data/generated/graphql.ts';

export type PipelineEntry = PipelineBoardQuery['pipeline'][number];
export type PipelineChange = PipelineEntry['history'][number];

export const PIPELINE_BOARD_QUERY = /* GraphQL */ `query PipelineBoard {
  pipeline {
    id stage team note dueOn stageSince createdAt createdBy updatedAt updatedBy
    enterprise { id name nameEn }
    history(last: 50) { at by stage fromStage team note dueOn automatic }
  }
}` as TypedQuery<PipelineBoardQuery, PipelineBoardQueryVariables>;

export const ADD_TO_PIPELINE = /* GraphQL */ `mutation AddToPipeline($input: AddToPipelineInput!) {
  addToPipeline(input: $input) {
    id stage team note dueOn stageSince createdAt createdBy updatedAt updatedBy
    enterprise { id name nameEn }
    history(last: 50) { at by stage fromStage team note dueOn automatic }
  }
}` as TypedQuery<AddToPipelineMutation, AddToPipelineMutationVariables>;

export const UPDATE_PIPELINE_ENTRY = /* GraphQL */ `mutation UpdatePipelineEntry($id: ID!, $input: UpdatePipelineInput!) {
  updatePipelineEntry(id: $id, input: $input) {
    id stage team note dueOn stageSince createdAt createdBy updatedAt updatedBy
    enterprise { id name nameEn }
    history(last: 50) { at by stage fromStage team note dueOn automatic }
  }
}` as TypedQuery<UpdatePipelineEntryMutation, UpdatePipelineEntryMutationVariables>;

export const PIPELINE_EXPORT_QUERY = /* GraphQL */ `query PipelineExport($format: PipelineExportFormat, $language: PipelineExportLanguage, $team: String) {
  pipelineExport(format: $format, language: $language, team: $team) { fileName mediaType base64 rows }
}` as TypedQuery<PipelineExportQuery, PipelineExportQueryVariables>;
