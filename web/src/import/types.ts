// The shapes the registry import page reads: the result types web/codegen.ts generates for the
// documents in registryDocuments.ts, under the names the page uses.
import type { PreviewRegistryImportMutation, RegistryFirmFieldsFragment, RegistryImportJobQuery, RegistryFileInput } from '../data/generated/graphql.ts';

export type RegistryPreview = PreviewRegistryImportMutation['previewRegistryImport'];
export type RegistryColumn = RegistryPreview['columns'][number];
export type RegistryProblem = RegistryPreview['problems'][number];
export type RegistryCounts = RegistryPreview['counts'];
export type RegistryFirm = RegistryFirmFieldsFragment;
export type RegistryJob = NonNullable<RegistryImportJobQuery['registryImportJob']>;
export type { RegistryFileInput };

/** What the planner chose beside the file. */
export interface ImportOptions {
  sheet: string;
  /** The column mapping as typed or loaded (JSON text; empty: none). */
  mappingText: string;
  full: boolean;
  holdInvalid: boolean;
}

export const DEFAULT_OPTIONS: ImportOptions = { sheet: '', mappingText: '', full: false, holdInvalid: false };

/** A file read and ready to send. `pick` tells two picks of the same file apart. */
export interface PickedFile {
  name: string;
  size: number;
  base64: string;
  pick: number;
}
