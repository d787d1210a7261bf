/**
 * The properties of an Enterprise that the API reads, as a Cypher map projection. Listed rather
 * than `.*` so the derived search fields (searchZh, searchLatin: long strings, and nameKey) stay
 * in the database. The registry's fields (docs/MODEL.md, "Registry fields") are absent — and so
 * null — on firms no registry export wrote. `variable` is a Cypher variable chosen by our code.
 */
export function enterpriseProjection(variable: string, extra = ''): string {
  return (
    `${variable} {.id, .name, .nameEn, .aliases, .isAnchor, .synthetic, .local, .kind, .unitType, .origin, ` +
    `.signedOn, .landedOn, .leftOn, .leftHow, .description, .revenueYuan, .sourceKind, .quotes, .reason, .docId, ` +
    `.creditCode, .registrationNumber, .formerNames, .legalRepresentative, .status, .statusText, .foundedOn, .approvedOn, ` +
    `.registeredCapitalAmount, .registeredCapitalCurrency, .registeredCapitalText, .paidInCapitalAmount, .paidInCapitalCurrency, .paidInCapitalText, ` +
    `.companyType, .industry, .industryCodes, .address, .businessScope, .insuredStaff, .placementReview, .placementConfidence, .placementReason` +
    `${extra ? `, ${extra}` : ''}}`
  );
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
