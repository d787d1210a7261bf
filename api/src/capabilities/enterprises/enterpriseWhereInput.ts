/**
 * The GraphQL inputs of `EnterpriseWhere` (enterpriseWhere.graphql) as TypeScript. GraphQL has
 * already checked their shape; an operator given as null is the same as one left out.
 */

export interface StringFilterInput {
  eq?: string | null;
  in?: readonly string[] | null;
  contains?: string | null;
  startsWith?: string | null;
  endsWith?: string | null;
  isNull?: boolean | null;
}

export interface IDFilterInput {
  eq?: string | null;
  in?: readonly string[] | null;
}

/** ISO dates at any precision (`2019`, `2019-11`, `2019-11-05`). */
export interface DateFilterInput {
  eq?: string | null;
  lt?: string | null;
  lte?: string | null;
  gt?: string | null;
  gte?: string | null;
  isNull?: boolean | null;
}

export interface NumberFilterInput {
  eq?: number | null;
  in?: readonly number[] | null;
  lt?: number | null;
  lte?: number | null;
  gt?: number | null;
  gte?: number | null;
  isNull?: boolean | null;
}

export type FloatFilterInput = NumberFilterInput;
export type IntFilterInput = NumberFilterInput;

export interface FirmStatusFilterInput {
  eq?: string | null;
  in?: readonly string[] | null;
  isNull?: boolean | null;
}

export interface SegmentWhereInput {
  id?: IDFilterInput | null;
  name?: StringFilterInput | null;
}

export type ChainWhereInput = SegmentWhereInput;

export interface PlaceWhereInput {
  id?: IDFilterInput | null;
  name?: StringFilterInput | null;
  kind?: StringFilterInput | null;
}

/** The string properties a `StringFilter` applies to (each the stored property of the same name). */
export const STRING_FIELDS = [
  'name', 'nameEn', 'kind', 'unitType', 'origin', 'creditCode', 'companyType', 'industry', 'legalRepresentative', 'address',
] as const;
export const DATE_FIELDS = ['signedOn', 'landedOn', 'leftOn', 'foundedOn'] as const;
export const FLOAT_FIELDS = ['revenueYuan', 'registeredCapitalYuan', 'placementConfidence'] as const;
export const INT_FIELDS = ['insuredStaff'] as const;
export const BOOLEAN_FIELDS = ['isAnchor', 'synthetic'] as const;

/** Conditions on related firms: each an `EXISTS` (or `NOT EXISTS`) over one relation. */
export const RELATED_FIELDS = [
  'attractedBySome', 'attractedSome', 'upstreamSome', 'downstreamSome', 'partnersSome', 'parent',
  'attractedByNone', 'upstreamNone', 'downstreamNone',
] as const;

type StringFields = { [K in (typeof STRING_FIELDS)[number]]?: StringFilterInput | null };
type DateFields = { [K in (typeof DATE_FIELDS)[number]]?: DateFilterInput | null };
type FloatFields = { [K in (typeof FLOAT_FIELDS)[number]]?: FloatFilterInput | null };
type IntFields = { [K in (typeof INT_FIELDS)[number]]?: IntFilterInput | null };
type BooleanFields = { [K in (typeof BOOLEAN_FIELDS)[number]]?: boolean | null };
type RelatedFields = { [K in (typeof RELATED_FIELDS)[number]]?: EnterpriseWhereInput | null };

/** The GraphQL `EnterpriseWhere` input. */
export interface EnterpriseWhereInput extends StringFields, DateFields, FloatFields, IntFields, BooleanFields, RelatedFields {
  AND?: readonly EnterpriseWhereInput[] | null;
  OR?: readonly EnterpriseWhereInput[] | null;
  NOT?: EnterpriseWhereInput | null;
  id?: IDFilterInput | null;
  status?: FirmStatusFilterInput | null;
  local?: boolean | null;
  segment?: SegmentWhereInput | null;
  chain?: ChainWhereInput | null;
  park?: PlaceWhereInput | null;
}
