// The registry writer's public surface: plan (reads only) and apply (one transaction).
export { planRegistryImport, type PlanOptions } from './planRegistryImport.ts';
export { applyRegistryImport, type ApplyOptions, type RegistryImportResult } from './applyRegistryImport.ts';
export { RegistryImportRefused, RegistryPlanError } from './registryErrors.ts';
export { PLACED_BY_REGISTRY } from './placementWrite.ts';
export { firmId, orgId, documentId, districtIdFor } from './registryIds.ts';
export type { RegistryPlan, RegistryCounts, FirmPreview, FieldChange, MatchedBy, FirmUpdate, RegistryWrites } from './registryPlan.ts';
export { confirmPlacement, PlacementTargetMissing, PLACED_BY_PLANNER, type ConfirmPlacementInput } from './confirmPlacement.ts';
