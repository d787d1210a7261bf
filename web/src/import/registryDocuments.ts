// The GraphQL documents of the registry import page (api/src/capabilities/registry/registry.graphql).
// Literal text marked /* GraphQL */: web/codegen.ts checks each against the SDL and generates its
// types (data/generated/graphql.ts), which the casts attach.
import type { TypedQuery } from '../data/graphqlClient.ts';
import type {
  PreviewRegistryImportMutation,
  PreviewRegistryImportMutationVariables,
  RegistryImportJobQuery,
  RegistryImportJobQueryVariables,
  StartRegistryImportMutation,
  StartRegistryImportMutationVariables,
} from '../data/generated/graphql.ts';

/**
 * What an import would do. Problems: the first 200 (errors first); each firm list: the first 50
 * (the counts give the totals).
 */
export const PREVIEW_REGISTRY_IMPORT = /* GraphQL */ `mutation PreviewRegistryImport($file: RegistryFileInput!) {
  previewRegistryImport(file: $file) {
    file encoding sheetName districtId importable
    columns { header field how note }
    counts { rows firms held duplicateRows new changed unchanged departures notInExport toReview errors warnings }
    problems(first: 200) { kind level file row column value why }
    newFirms(first: 50) { ...RegistryFirmFields }
    matched(first: 50) { ...RegistryFirmFields }
    changedFirms(first: 50) { ...RegistryFirmFields }
    departures(first: 50) { ...RegistryFirmFields }
    notInExport(first: 50) { ...RegistryFirmFields }
    held(first: 50) { ...RegistryFirmFields }
  }
}
fragment RegistryFirmFields on RegistryFirmPreview {
  key name enterpriseId matchedBy rows segmentId segmentName confidence placementReason needsReview leftOn leftHow heldWhy
  changes { field from to }
}` as TypedQuery<PreviewRegistryImportMutation, PreviewRegistryImportMutationVariables>;

export const START_REGISTRY_IMPORT = /* GraphQL */ `mutation StartRegistryImport($file: RegistryFileInput!) {
  startRegistryImport(file: $file) { id state done total phase startedAt }
}` as TypedQuery<StartRegistryImportMutation, StartRegistryImportMutationVariables>;

/** Polled by the progress bar until DONE or FAILED. */
export const REGISTRY_IMPORT_JOB = /* GraphQL */ `query RegistryImportJob($id: ID!) {
  registryImportJob(id: $id) {
    id state done total phase error startedAt finishedAt
    counts { rows firms held duplicateRows new changed unchanged departures notInExport toReview errors warnings }
    problems(first: 200) { kind level file row column value why }
  }
}` as TypedQuery<RegistryImportJobQuery, RegistryImportJobQueryVariables>;
