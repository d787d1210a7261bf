/**
 * The stored properties of an Enterprise that the API reads. Listed rather than `.*` so the
 * derived search fields (searchZh, searchLatin: long strings, and nameKey) stay in the database.
 * The registry's fields (docs/MODEL.md, "Registry fields") are absent — and so null — on firms no
 * registry export wrote. This list is also the whitelist a selection-driven projection
 * (selectedProperties.ts) picks from: property names never come from a request.
 */
export const ENTERPRISE_PROPERTIES = [
  'id', 'name', 'nameEn', 'aliases', 'isAnchor', 'synthetic', 'local', 'kind', 'unitType', 'origin',
  'signedOn', 'landedOn', 'leftOn', 'leftHow', 'description', 'revenueYuan', 'sourceKind', 'quotes', 'reason', 'docId',
  'creditCode', 'registrationNumber', 'formerNames', 'legalRepresentative', 'status', 'statusText', 'foundedOn', 'approvedOn',
  'registeredCapitalAmount', 'registeredCapitalCurrency', 'registeredCapitalText', 'paidInCapitalAmount', 'paidInCapitalCurrency', 'paidInCapitalText',
  'companyType', 'industry', 'industryCodes', 'address', 'businessScope', 'insuredStaff', 'placementReview', 'placementConfidence', 'placementReason',
] as const;

export type EnterpriseProperty = (typeof ENTERPRISE_PROPERTIES)[number];

/**
 * An Enterprise as a Cypher map projection. `props` narrows it to the properties a selection needs
 * (null or omitted: all of them); it is filtered through ENTERPRISE_PROPERTIES, in that order, and
 * always keeps `id` (the loaders and cursors key on it). `variable` and `extra` are chosen by our code.
 */
export function enterpriseProjection(variable: string, extra = '', props?: readonly string[] | null): string {
  const picked = props ? ENTERPRISE_PROPERTIES.filter((p) => p === 'id' || props.includes(p)) : ENTERPRISE_PROPERTIES;
  return `${variable} {${picked.map((p) => `.${p}`).join(', ')}${extra ? `, ${extra}` : ''}}`;
}

/** An Enterprise as the resolvers hold it: the projected properties. */
export interface EnterpriseRow {
  id: string;
  name: string;
  nameEn?: string | null;
  aliases?: string[] | null;
  isAnchor?: boolean | null;
  synthetic?: boolean | null;
  local?: boolean | null;
  landedOn?: string | null;
  leftOn?: string | null;
  signedOn?: string | null;
  sourceKind?: string | null;
  quotes?: string[] | null;
  reason?: string | null;
  docId?: string | null;
  [key: string]: unknown;
}
